import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// Edit, then compare: after a change of the suite, of a data file or of the engine
/// version, the stored result is stale (named, with the fields that differ) and the gate
/// fails; after training the new definition it passes. (The edit of a scale field is
/// `StaleResultCommandTests`, on the built `bench`.)
@Suite struct StaleResultTests {
    /// The declared toy data set (one parameter) and its suite, with a tiny scale.
    static func project() throws -> (root: URL, suite: URL) {
        try DeclaredPipelineTests.project(parameters: 1)
    }

    static func pipeline(_ root: URL, _ suite: URL) throws -> BenchPipeline {
        try BenchPipeline(PipelineConfiguration(suite: suite.path, scale: "tiny", data: .sim, dataDirectory: nil,
                                                seeds: try ReplicateSeeds([42]), threads: 2, root: root,
                                                workDirectory: root.appendingPathComponent("work")))
    }

    static let experiment = "all/pnn"

    /// Trains `all/pnn`, records the baseline, and checks that the gate passes.
    static func trainAndRecord(_ root: URL, _ suite: URL) throws {
        let pipeline = try pipeline(root, suite)
        try pipeline.run(pipeline.select([experiment]), force: false)
        _ = try pipeline.recordBaseline(tolerance: .init(rocAUC: 0.5, sigmaRatio: 1.0))
        let report = try pipeline.compare(with: .sim(scale: "tiny"), engineVersion: nil)
        #expect(report.passed && report.stale.isEmpty, "\(report.render())")
    }

    /// The gate after an edit: fails, with one stale result of `experiment` whose
    /// differences satisfy `check`.
    static func expectStale(_ root: URL, _ suite: URL, _ check: ([String]) -> Bool) throws {
        let report = try pipeline(root, suite).compare(with: .sim(scale: "tiny"), engineVersion: nil)
        #expect(!report.passed, "\(report.render())")
        #expect(report.stale.map(\.experiment) == [experiment])
        let differences = report.stale.first?.differences ?? []
        #expect(check(differences), "\(differences)")
        #expect(report.render().contains("stale: \(experiment) seed 42: stored result is for another definition: "))
        #expect(report.resultCount == 0, "the stale result is not used")
    }

    /// Trains the edited definition (re-recording when its numbers are meant to differ)
    /// and checks the gate passes.
    static func retrainPasses(_ root: URL, _ suite: URL, record: Bool) throws {
        let pipeline = try pipeline(root, suite)
        var trained = 0
        try pipeline.run(pipeline.select([experiment]), force: false) { if case .finished = $0 { trained += 1 } }
        #expect(trained == 1)
        if record { _ = try pipeline.recordBaseline(tolerance: .init(rocAUC: 0.5, sigmaRatio: 1.0)) }
        let report = try pipeline.compare(with: .sim(scale: "tiny"), engineVersion: nil)
        #expect(report.passed && report.stale.isEmpty, "\(report.render())")
    }

    @Test func suiteFieldEdit() throws {
        let (root, suite) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.trainAndRecord(root, suite)
        let text = try String(contentsOf: suite, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "    model: pnn\n    backgroundMass: identical-sampled\n    balance: class\n",
                                               with: "    model: pnn\n    backgroundMass: identical-sampled\n    balance: class\n    batchSize: 32\n")
        #expect(edited != text)
        try edited.write(to: suite, atomically: true, encoding: .utf8)
        try Self.expectStale(root, suite) { $0 == ["spec.training.batchSize (none) → 32"] || $0 == ["spec.batchSize (none) → 32"] }
        try Self.retrainPasses(root, suite, record: true)
    }

    @Test func dataFileEdit() throws {
        let (root, suite) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.trainAndRecord(root, suite)
        // One value of one event, same file size.
        let file = suite.deletingLastPathComponent().appendingPathComponent("signal.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[1].split(separator: ",").map(String.init)
        fields[5] = fields[5].hasPrefix("-") ? String(fields[5].dropFirst()) + "0" : "-" + String(fields[5].dropLast())
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
        try Self.expectStale(root, suite) { d in
            d.count == 1 && d[0].hasPrefix("data.fingerprint files=signal.csv:") && d[0].contains(" → signal.csv:")
        }
        try Self.retrainPasses(root, suite, record: true)
    }

    @Test func engineVersionChange() throws {
        let (root, suite) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.trainAndRecord(root, suite)
        // The store as an older engine left it: the same result under that version's key.
        let pipeline = try Self.pipeline(root, suite)
        var result = try #require(pipeline.store.all().first)
        try FileManager.default.removeItem(at: pipeline.store.resultURL(key: result.key))
        result.engineVersion = "0.9.0"
        result.key = ResultStore.key(spec: result.spec, scale: result.scale, data: result.data, seed: result.seed, engineVersion: "0.9.0")
        try pipeline.store.save(result, timing: RunTiming(trainingSeconds: 1, evaluationSeconds: 1, samplesPerSecond: 1, threads: 1))
        try Self.expectStale(root, suite) { $0 == ["engineVersion 0.9.0 → \(EngineVersion.current)"] }
        // Read with the keys of the older engine, the result is there.
        let old = try Self.pipeline(root, suite).compare(with: .sim(scale: "tiny"), engineVersion: "0.9.0")
        #expect(old.resultCount == 1 && old.stale.isEmpty)
        // Retrained by this engine, the numbers are the recorded ones again.
        try Self.retrainPasses(root, suite, record: false)
    }
}
