import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// From CSV files to report, through the pipeline `bench all` uses: the fixture's data set
/// (12 features, `mA` at 7 points or an (mX, mY) grid, negative weights, separate signal
/// and background files) trains pNN and AffinePNN networks with two seeds; the report
/// has a per-point table and the parameter figure; a recorded baseline passes `compare`.
@Suite struct DeclaredPipelineTests {
    static let scalesYAML = """
        tiny:
          trainEvents: null
          testEvents: null
          epochs: 3
          batchSize: 64
        """

    static func project(parameters: Int) throws -> (root: URL, suite: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-declared-pipeline-\(UUID().uuidString)")
        let suites = root.appendingPathComponent("Suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        try scalesYAML.write(to: suites.appendingPathComponent("scales.yaml"), atomically: true, encoding: .utf8)
        let data = root.appendingPathComponent("analysis")
        try DeclaredDataFixture.write(to: data, parameters: parameters)
        return (root, try DeclaredDataFixture.writeSuite(to: data, parameters: parameters))
    }

    static func pipeline(root: URL, suite: URL) throws -> BenchPipeline {
        try BenchPipeline(PipelineConfiguration(suite: suite.path, scale: "tiny", data: .sim, dataDirectory: nil,
                                                seeds: try ReplicateSeeds([42, 43]), threads: 2, root: root,
                                                workDirectory: root.appendingPathComponent("work")))
    }

    @Test(arguments: [1, 2])
    func filesTrainAndReport(parameters: Int) throws {
        let (root, suiteURL) = try Self.project(parameters: parameters)
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = try Self.pipeline(root: root, suite: suiteURL)
        #expect(pipeline.suite.name == "toy")
        let results = try pipeline.run(pipeline.suite.experiments, force: false)
        #expect(results.count == 10)
        let points = parameters == 1 ? 7 : 9
        #expect(results.allSatisfy { $0.perMass.count == points && $0.data.source == "declared" })

        let output = try pipeline.report(render: false)
        #expect(output.directory.lastPathComponent == "toy-tiny")
        let report = try String(contentsOf: output.reportURL, encoding: .utf8)
        #expect(!report.contains("HEPMASS-SIM"), "a declared data set is not HEPMASS-SIM")
        let header = parameters == 1
            ? "| row | 300 | 400 | 500 | 600 | 700 | 800 | 900 | average |"
            : "| row | mX=400, mY=50 | mX=400, mY=100 |"
        #expect(report.contains(header), "per-point columns")
        // Points left out of training are starred: 400 GeV in the one-parameter suite.
        if parameters == 1 { #expect(report.contains(#"| pNN Identical (sampled) | "#) && report.contains("*")) }
        let figure = parameters == 1 ? "interp-auc-vs-mA" : "interp-auc-map"
        #expect(output.figures.contains { $0.name == figure }, "\(output.figures.map(\.name))")
        #expect(!output.figures.contains { $0.name.hasPrefix("fig") }, "no HEPMASS figures")

        // Recorded, the same results pass the comparison cell by cell; claims of the suite
        // name points by value (one parameter) or by id and values, never in GeV.
        let claims = root.appendingPathComponent("Baselines/toy")
        try FileManager.default.createDirectory(at: claims, withIntermediateDirectories: true)
        let at = parameters == 1 ? 500 : 5
        try """
            claims:
              - id: pnn-vs-affine
                statement: "pNN against AffinePNN at one point."
                source: "this test"
                compare: {metric: roc-auc, artifact: interp, better: "pNN Identical (sampled)", worse: "Affine Identical (sampled)", at: \(at)}
              - id: lowest
                statement: "The first point is the hardest."
                source: "this test"
                argmin: {metric: roc-auc, artifact: interp, rows: all, mass: \(parameters == 1 ? 300 : 1)}
            """.write(to: claims.appendingPathComponent("claims.yaml"), atomically: true, encoding: .utf8)
        _ = try pipeline.recordBaseline(tolerance: .init(rocAUC: 0.5, sigmaRatio: 1.0))
        let comparison = try pipeline.compare(with: .sim(scale: "tiny"), engineVersion: nil)
        #expect(comparison.passed, "\(comparison)")
        #expect(comparison.claims.count == 2 && comparison.claims.allSatisfy { $0.status != .notRun })
        for claim in comparison.claims { #expect(!claim.detail.contains("GeV"), "\(claim.detail)") }
        let named = parameters == 1 ? "ROC-AUC 500:" : "ROC-AUC point 5 (600, 100):"
        #expect(comparison.claims[0].detail.hasPrefix(named), "\(comparison.claims[0].detail)")
    }
}
