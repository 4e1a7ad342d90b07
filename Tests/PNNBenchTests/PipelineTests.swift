import Foundation
import PNNData
import Testing
import PNNEngine
@testable import PNNBench

/// The pipeline's steps in-process, on a one-experiment suite at a tiny scale.
@Suite struct PipelineTests {
    static let suiteYAML = """
        masses: [500, 750, 1000, 1250, 1500]
        artifacts:
          table3: "Table 3"
        experiments:
          - id: table3/affine-identical-sampled
            artifact: table3
            row: "Affine | Identical (sampled)"
            dataset: hepmass
            model: affine
            backgroundMass: identical-sampled
        """
    static let scalesYAML = """
        tiny:
          trainEvents: 12000
          testEvents: 4000
          epochs: 1
          batchSize: 256
        """

    /// A project folder with the suite, the scales and the paper's tables as the suite's
    /// published numbers (its row is one of Table 3's), and a work folder.
    static func project() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-pipeline-\(UUID().uuidString)")
        let suites = root.appendingPathComponent("Suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        try suiteYAML.write(to: suites.appendingPathComponent("mini.yaml"), atomically: true, encoding: .utf8)
        try scalesYAML.write(to: suites.appendingPathComponent("scales.yaml"), atomically: true, encoding: .utf8)
        let baselines = root.appendingPathComponent("Baselines")
        try FileManager.default.createDirectory(at: baselines, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CompareFixtures.baselines.appendingPathComponent("paper"),
                                         to: baselines.appendingPathComponent("mini"))
        return root
    }

    static func pipeline(_ root: URL, data: DataChoice = .sim, dataDirectory: String? = nil,
                         seeds: ReplicateSeeds = ReplicateSeeds(count: 1)) throws -> BenchPipeline {
        try BenchPipeline(PipelineConfiguration(suite: "mini", scale: "tiny", data: data, dataDirectory: dataDirectory, seeds: seeds,
                                                threads: 2, root: root, workDirectory: root.appendingPathComponent("work")))
    }

    /// What a killed run leaves in the store (a temporary file of a process that is gone)
    /// is removed by the next run, which then reads the store as if it were not there.
    @Test func killedWritersLeaveNothingBehind() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try Self.pipeline(root)
        try pipeline.run(pipeline.select([]), force: false)
        let results = pipeline.configuration.resultsDirectory
        let stale = results.appendingPathComponent(".half.json.tmp-\(TemporaryName.host)-2147483000-00000000000000ff")
        try Data("{\"key\": \"hal".utf8).write(to: stale)
        #expect(try pipeline.storedResults().results.all.count == 1)
        let again = try Self.pipeline(root)
        var trained = 0
        try again.run(again.select([]), force: false) { if case .finished = $0 { trained += 1 } }
        #expect(trained == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test func runCompareRecordAndReport() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }

        let first = try Self.pipeline(root)
        var trained = 0
        let results = try first.run(first.select([]), force: false) { if case .finished = $0 { trained += 1 } }
        #expect(trained == 1 && results.count == 1)
        #expect(try first.experimentRunner().provider.preparedKinds == [.hepmass])

        // A second pipeline finds the result by its key without generating any event.
        let second = try Self.pipeline(root)
        var reused = 0
        let again = try second.run(second.select(["table3"]), force: false) { if case .reused = $0 { reused += 1 } }
        #expect(reused == 1 && again == results)
        #expect(try second.experimentRunner().provider.preparedKinds.isEmpty)

        // Recorded, then compared: every cell within tolerance; a drifted result fails.
        let recorded = try second.recordBaseline(tolerance: .standard(scale: "tiny"))
        #expect(recorded.rows == 1 && recorded.experiments == 1)
        let comparison = try second.compare(with: second.defaultBaseline, engineVersion: nil)
        #expect(comparison.passed && comparison.cells.count == 12)
        var drifted = results[0]
        drifted.perMass[0].rocAUC += 0.01
        try second.store.save(drifted, timing: RunTiming(trainingSeconds: 1, evaluationSeconds: 1, samplesPerSecond: 1, threads: 1))
        #expect(try !second.compare(with: second.defaultBaseline, engineVersion: nil).passed)

        // The report reads the same store; its data figures generate the events once.
        let output = try second.report(to: root.appendingPathComponent("report"), render: false)
        #expect(FileManager.default.fileExists(atPath: output.reportURL.path))
        #expect(try second.experimentRunner().provider.preparedKinds.contains(.hepmass))
    }

    @Test func simulatorIdentityNeedsNoEvents() throws {
        let scale = Scale(name: "tiny", trainEvents: 7000, testEvents: 3000, epochs: 1, batchSize: 256)
        for kind in DatasetKind.allCases {
            let provider = DatasetProvider(source: .simulator(), scale: scale, threads: 2)
            let identity = try provider.identity(kind)
            #expect(provider.preparedKinds.isEmpty)
            #expect(try provider.data(kind).identity == identity)
        }
    }

    @Test func dataChoices() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        // The published HEPMASS-IMB files are read from --data-dir, which it needs too.
        let imb = try Self.pipeline(root, data: .hepmassIMB)
        let imbError = try #require(throws: PipelineError.self) { try imb.experimentRunner() }
        #expect(imbError.message.contains("--data hepmass-imb needs --data-dir") && imbError.message.contains("imbalanced_signal.csv"))
        // HEPMASS needs its folder to train, and to compare: the results' keys hold the files' identity.
        let hepmass = try Self.pipeline(root, data: .hepmass)
        let error = try #require(throws: PipelineError.self) { try hepmass.run(hepmass.select([]), force: false) }
        #expect(error.message.contains("--data-dir"))
        #expect(hepmass.defaultBaseline == .paper)
        let compareError = try #require(throws: PipelineError.self) { try hepmass.compare(with: .paper, engineVersion: nil) }
        #expect(compareError.message.contains("--data hepmass needs --data-dir"))
    }
}
