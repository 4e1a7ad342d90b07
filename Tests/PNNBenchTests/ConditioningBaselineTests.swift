import Foundation
import Testing
@testable import PNNBench

/// `Baselines/conditioning/`: the authors' conditioning study as transcribed, its claims
/// (which must hold on the authors' own numbers) and its rows, which must be rows of
/// `Suites/conditioning.yaml`.
@Suite struct ConditioningBaselineTests {
    static let set: BaselineSet = try! BaselineSet.load(kind: .paper, suite: "conditioning", directory: CompareFixtures.baselines)

    /// One result per transcribed row, carrying the row's averages (and 750 GeV where given).
    static func authorsResults() -> [RunResult] {
        set.tables.flatMap { table in
            table.rows.map { row in
                let average = row.averages[.rocAUC]! / 100
                let auc = table.masses.indices.map { row.values[.rocAUC]?[$0].map { $0 / 100 } ?? average }
                return CompareFixtures.result(CompareFixtures.spec("condinterp/" + row.reference.row, row.reference.artifact, row.reference.row),
                                              auc: auc, aucAverage: average)
            }
        }
    }

    @Test func transcriptionHasEveryVariantOnce() throws {
        #expect(Self.set.tables.count == 1)
        let rows = Self.set.tables[0].rows
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.averages[.rocAUC] != nil && $0.averages[.prAUC] != nil && $0.tolerance[.rocAUC] == 1.5 })
        let suites = CompareFixtures.root.appendingPathComponent("Suites")
        let suite = try SuiteRegistry.load(suite: "conditioning", directory: suites)
        let suiteRows = Set(suite.entries.map(\.reproduces))
        for row in rows { #expect(suiteRows.contains(row.reference), "\(row.reference) is not a row of Suites/conditioning.yaml") }
        #expect(suite.experiments.count == 24)
        #expect(Set(suite.experiments.compactMap(\.conditioning)).count == 4 && Set(suite.experiments.compactMap(\.place)).count == 3)
    }

    @Test func claimsHoldOnTheAuthorsNumbers() throws {
        #expect(Self.set.claims.count == 6)
        let results = Self.authorsResults()
        for claim in Self.set.claims {
            let outcome = claim.evaluate(on: results)
            #expect(outcome.status == .holds, "\(claim.id): \(outcome.detail)")
        }
        // Swapping concat-start with affine-all makes the first affine claim fail.
        let swapped = results.map { r -> RunResult in
            var r = r
            if r.spec.reproduces.row == "Concat | start" { r.average.rocAUC = 0.95 }
            return r
        }
        let affine = Self.set.claims.first { $0.id == "affine-all-beats-concat-start" }!
        #expect(affine.evaluate(on: swapped).status == .fails)
    }

    /// The authors' numbers pass their own table; a cell 2 points off fails it.
    @Test func comparisonGatesOnTheTranscribedCells() throws {
        let results = Self.authorsResults()
        let report = Comparison.compare(results: results, baseline: Self.set)
        let auc = report.cells.filter { $0.metric == .rocAUC }
        #expect(!auc.isEmpty && auc.allSatisfy { $0.status == .pass })
        let shifted = results.map { r -> RunResult in
            var r = r
            if r.spec.reproduces.row == "Scaling | end" { r.average.rocAUC += 0.02 }
            return r
        }
        let failed = Comparison.compare(results: shifted, baseline: Self.set).cells.filter { $0.metric == .rocAUC && $0.status == .fail }
        #expect(failed.count == 1 && failed[0].row.reference.row == "Scaling | end")
    }
}
