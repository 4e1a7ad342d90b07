import Foundation
import Testing
@testable import PNNBench

/// The files in Fixtures/compare used by the end-to-end tests of `bench compare` (which
/// cannot link PNNBench): a store with the two smoke results and the sim baseline recorded
/// from them. This test keeps them equal to what the code writes today; regenerate with
/// `PNNBENCH_WRITE_FIXTURES=1 swift test --filter CompareFixtureFilesTests`.
@Suite struct CompareFixtureFilesTests {
    static let timing = RunTiming(trainingSeconds: 1.5, evaluationSeconds: 0.25, samplesPerSecond: 10000, threads: 2)

    @Test func fixtureFilesAreCurrent() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ResultStore(directory: dir.appendingPathComponent("results"))
        for r in CompareFixtures.smokeResults { try store.save(r, timing: CompareFixtureFilesTests.timing) }
        let baseline = try SimBaselineRecorder.record(results: ReplicateResults(CompareFixtures.smokeResults), suite: "paper", scale: "smoke",
                                                      baselines: dir.appendingPathComponent("Baselines"), tolerance: .standard(scale: "smoke"))
        var expected: [String: Data] = ["sim-smoke-baseline.yaml": try Data(contentsOf: baseline)]
        for name in try FileManager.default.contentsOfDirectory(atPath: store.directory.path) {
            expected["results/" + name] = try Data(contentsOf: store.directory.appendingPathComponent(name))
        }
        let folder = CompareFixtures.folder
        if ProcessInfo.processInfo.environment["PNNBENCH_WRITE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("results"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("results"), withIntermediateDirectories: true)
            for (name, data) in expected { try data.write(to: folder.appendingPathComponent(name)) }
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("results").path)
        #expect(Set(onDisk.map { "results/" + $0 }) == Set(expected.keys.filter { $0.hasPrefix("results/") }))
        for (name, data) in expected {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) == data,
                    "\(name) is stale; regenerate with PNNBENCH_WRITE_FIXTURES=1")
        }
    }
}
