import Foundation
import Testing
@testable import PNNBench

/// Checks of the transcribed paper tables against the paper's own arithmetic and layout.
@Suite struct BaselineTranscriptionTests {
    let set: BaselineSet

    init() throws {
        set = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
    }

    func table(_ artifact: String) throws -> BaselineTable {
        try #require(set.tables.first { $0.rows.first?.reference.artifact == artifact })
    }

    @Test func tablesAndRowCounts() throws {
        #expect(set.tables.map { $0.rows[0].reference.artifact } == ["table3", "table4", "table5"])
        #expect(try table("table3").rows.count == 11)  // 2 baselines, linear pNN, {pNN, Affine} × 4 modes
        #expect(try table("table4").rows.count == 6)   // {pNN, Affine} × {none, class, full}
        #expect(try table("table5").rows.count == 26)  // 2 baselines + {pNN, Affine} × 3 balances × 4 modes
        for t in set.tables { #expect(t.masses == [500, 750, 1000, 1250, 1500]) }
    }

    @Test func rowLabelsAreKindBarDistribution() throws {
        let kinds = ["Single-NN", "Individual-NNs", "pNN (linear)", "pNN", "pNN (class)", "pNN (full)", "Affine", "Affine (class)", "Affine (full)"]
        let distributions = ["None", "Identical (fixed)", "Identical (sampled)", "Uniform (fixed)", "Uniform (sampled)"]
        for t in set.tables {
            for row in t.rows {
                let parts = row.reference.row.components(separatedBy: " | ")
                #expect(parts.count == 2 && kinds.contains(parts[0]) && distributions.contains(parts[1]), "bad label \(row.reference.row)")
            }
        }
        // Table 5 is the full grid.
        let t5 = Set(try table("table5").rows.map(\.reference.row))
        for kind in kinds where !["Single-NN", "Individual-NNs", "pNN (linear)"].contains(kind) {
            for d in distributions.dropFirst() { #expect(t5.contains("\(kind) | \(d)"), "table5 lacks \(kind) | \(d)") }
        }
    }

    @Test func metricsPresentAsInThePaper() throws {
        for row in try table("table3").rows {
            #expect(row.values[.rocAUC]?.count == 5 && row.averages[.rocAUC] != nil && row.values[.sigmaRatio] == nil)
        }
        for artifact in ["table4", "table5"] {
            for row in try table(artifact).rows {
                #expect(row.values[.rocAUC]?.compactMap { $0 }.count == 5 && row.values[.sigmaRatio]?.compactMap { $0 }.count == 5)
                #expect(row.averages[.rocAUC] != nil && row.averages[.sigmaRatio] != nil)
            }
        }
    }

    /// The paper's average column is the mean of its five masses, up to the rounding of
    /// printed values (±0.01). The one row where the paper disagrees with itself is known
    /// and transcribed as printed.
    @Test func averagesAreMeansOfTheMasses() {
        var disagreeing: [String] = []
        for t in set.tables {
            for row in t.rows {
                for metric in BaselineMetric.allCases {
                    guard let values = row.values[metric], let average = row.averages[metric] else { continue }
                    let mean = values.compactMap { $0 }.reduce(0, +) / 5
                    if abs(mean - average) > 0.01 + 1e-9 { disagreeing.append("\(row.reference.artifact) \(row.reference.row) \(metric.rawValue)") }
                }
            }
        }
        #expect(disagreeing == ["table5 Affine | Uniform (sampled) sigma-ratio"])
    }

    /// Spot checks against the journal text, one per table region (first, last, odd cells).
    @Test func spotValues() throws {
        func row(_ artifact: String, _ label: String) throws -> BaselineRow {
            try #require(try table(artifact).rows.first { $0.reference.row == label })
        }
        #expect(try row("table3", "Single-NN | None").values[.rocAUC]! == [68.55, 89.37, 96.38, 98.07, 98.69])
        #expect(try row("table3", "Affine | Identical (sampled)").averages[.rocAUC] == 93.22)
        #expect(try row("table3", "pNN (linear) | Identical (fixed)").values[.rocAUC]![0] == 63.42)
        #expect(try row("table4", "pNN | Identical (sampled)").values[.rocAUC]![1] == 76.66)
        #expect(try row("table4", "Affine (class) | Identical (sampled)").averages[.sigmaRatio] == 88.07)
        #expect(try row("table5", "Single-NN | None").values[.sigmaRatio]! == [73.52, 79.51, 85.59, 86.85, 86.86])
        #expect(try row("table5", "Affine (full) | Uniform (sampled)").values[.rocAUC]! == [66.08, 90.37, 96.82, 98.51, 99.14])
        #expect(try row("table5", "Affine | Uniform (sampled)").averages[.sigmaRatio] == 86.78)
        #expect(try row("table5", "pNN (class) | Identical (fixed)").averages[.sigmaRatio] == 89.11)
    }

    @Test func tolerancesAreTheStatedOnes() {
        for t in set.tables {
            for row in t.rows {
                #expect(row.tolerance[.rocAUC] == 1.0)
                if row.values[.sigmaRatio] != nil { #expect(row.tolerance[.sigmaRatio] == 1.5) }
            }
        }
    }
}
