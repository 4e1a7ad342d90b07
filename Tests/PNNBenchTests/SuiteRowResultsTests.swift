import Foundation
import Testing
@testable import PNNBench

/// Rows that reuse another experiment's network get its result under their own label, so
/// tables, claims and figures find them.
@Suite struct SuiteRowResultsTests {
    @Test func reusedRowsGetTheirOwnReferenceAndId() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Suites")
        let suite = try SuiteRegistry.load(suite: "paper", directory: directory)
        let source = try #require(suite.experiment(id: "table4/pnn-class"))
        let result = CompareFixtures.result(source, auc: [0.7, 0.8, 0.9, 0.95, 0.97])
        let rows = suite.rowResults([result])
        #expect(rows.count == 2)
        let alias = try #require(rows.first { $0.spec.reproduces.artifact == "fig14c" })
        #expect(alias.spec.id == "fig14c/pnn-class-identical-sampled")
        #expect(alias.spec.reproduces.row == "pNN (class) | Identical (sampled)")
        #expect(alias.perMass == result.perMass)
        #expect(rows.contains { $0.spec.id == "table4/pnn-class" && $0.spec.reproduces.artifact == "table4" })
    }

    @Test func resultsOfUnknownExperimentsAreDropped() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Suites")
        let suite = try SuiteRegistry.load(suite: "paper", directory: directory)
        var spec = try #require(suite.experiment(id: "table3/single"))
        spec.id = "not/in-the-suite"
        #expect(suite.rowResults([CompareFixtures.result(spec, auc: [0.7, 0.8, 0.9, 0.95, 0.97])]).isEmpty)
    }
}
