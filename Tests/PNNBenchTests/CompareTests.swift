import Foundation
import Testing
@testable import PNNBench

@Suite struct CompareTests {
    /// A sim baseline recorded from `results`, loaded back as the compare command would.
    func recorded(_ results: [RunResult], scale: String = "smoke") throws -> (set: BaselineSet, dir: URL) {
        let dir = try CompareFixtures.temporaryDirectory()
        try SimBaselineRecorder.record(results: ReplicateResults(results), suite: "paper", scale: scale, baselines: dir, tolerance: .standard(scale: scale))
        return (try BaselineSet.load(kind: .sim(scale: scale), directory: dir), dir)
    }

    @Test func paperNumbersPassThePaperBaseline() throws {
        let set = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let report = Comparison.compare(results: try CompareFixtures.paperResults(), baseline: set)
        #expect(report.passed, "\(report.failures)")
        #expect(report.cells.count == 11 * 6 + 6 * 12 + 26 * 12)
        #expect(report.cells.allSatisfy { $0.status == .pass && abs($0.delta!) < 1e-9 })
        #expect(report.claims.filter { $0.status == .notRun }.count == 2)  // the figure 14c claims
    }

    @Test func recordedResultsPassExactly() throws {
        let results = CompareFixtures.smokeResults
        let (set, dir) = try recorded(results)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = Comparison.compare(results: results, baseline: set)
        #expect(report.passed, "\(report.render())")
        #expect(report.cells.count == 2 * 12)
        #expect(report.render().contains("result: PASSED"))
    }

    /// The requirement: a recorded result perturbed beyond tolerance fails.
    @Test func perturbedResultFails() throws {
        let results = CompareFixtures.smokeResults
        let (set, dir) = try recorded(results)
        defer { try? FileManager.default.removeItem(at: dir) }
        var perturbed = results
        perturbed[1].perMass[2].rocAUC += 0.006  // +0.6 points, tolerance ±0.5 at smoke
        let report = Comparison.compare(results: perturbed, baseline: set)
        #expect(!report.passed)
        #expect(report.failedCells.count == 1)
        let cell = try #require(report.failedCells.first)
        #expect(cell.row.experiment == "table3/individual" && cell.mass == 1000 && cell.metric == .rocAUC)
        #expect(abs(cell.delta! - 0.6) < 1e-9)
        let text = report.render()
        #expect(text.contains("result: FAILED — 1 cell(s) outside tolerance"))
        let line = try #require(text.split(separator: "\n").first { $0.hasSuffix("FAIL") })
        #expect(line.contains("table3/individual") && line.contains("1000") && line.contains("+0.60") && line.contains("±0.50"))

        // Within tolerance passes; the average moved too but stayed inside.
        var inside = results
        inside[1].perMass[2].rocAUC += 0.004
        #expect(Comparison.compare(results: inside, baseline: set).passed)
        // σ_ratio and the average are checked as well.
        var sigma = results
        sigma[0].average.sigmaRatio -= 0.011
        #expect(Comparison.compare(results: sigma, baseline: set).failedCells.map(\.mass) == [nil])
    }

    @Test func missingRecordedExperimentFailsSimButNotPaper() throws {
        let results = CompareFixtures.smokeResults
        let (set, dir) = try recorded(results)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = Comparison.compare(results: [results[0]], baseline: set)
        #expect(!report.passed)
        #expect(report.failures == ["1 recorded experiment(s) without a result"])
        #expect(report.render().contains("MISSING"))

        let paper = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let partial = Comparison.compare(results: try CompareFixtures.paperResults().filter { $0.spec.reproduces.artifact == "table3" }, baseline: paper)
        #expect(partial.passed, "\(partial.failures)")
        #expect(partial.missingCells.count == 6 * 12 + 26 * 12)
        #expect(partial.render().contains("not run"))
        // But nothing at all is not a pass.
        let nothing = Comparison.compare(results: [], baseline: paper)
        #expect(!nothing.passed)
    }

    @Test func failingClaimGatesPaperOnly() throws {
        var results = try CompareFixtures.paperResults()
        // Make the single NN beat the individual NNs at 750 GeV in Table 3 (cells also move).
        let i = try #require(results.firstIndex { $0.spec.reproduces == PaperReference(artifact: "table3", row: "Single-NN | None") })
        results[i].perMass[1].rocAUC = 0.95
        let paper = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let report = Comparison.compare(results: results, baseline: paper)
        #expect(report.failedClaims.map(\.claim.id) == ["individual-beat-single-hepmass"])
        #expect(report.failures.contains("1 claim(s) fail"))

        // Against a recorded baseline the same claim failing is shown, not gated.
        let (sim, dir) = try recorded(results)
        defer { try? FileManager.default.removeItem(at: dir) }
        let simReport = Comparison.compare(results: results, baseline: BaselineSet(kind: sim.kind, tables: sim.tables, claims: paper.claims))
        #expect(simReport.failedClaims.count == 1)
        #expect(simReport.passed)
    }

    @Test func recordingIsDeterministicAndRoundTrips() throws {
        let results = CompareFixtures.smokeResults
        let a = SimBaselineRecorder.render(results: ReplicateResults(results), scale: "smoke", tolerance: .standard(scale: "smoke"))
        let b = SimBaselineRecorder.render(results: ReplicateResults(results.reversed()), scale: "smoke", tolerance: .standard(scale: "smoke"))
        #expect(a == b)
        let table = try BaselineTable.parse(text: a, file: "baseline.yaml")
        #expect(table.rows.map(\.experiment) == ["table3/individual", "table3/single"])
        #expect(table.rows[1].values[.rocAUC]! == [70, 88, 95, 97, 98])
        #expect(table.rows[1].tolerance == [.rocAUC: 0.5, .sigmaRatio: 1.0])
        #expect(table.metadata["scale"] == "smoke" && table.metadata["seeds"] == "42")
        #expect(table.rows.map(\.seed) == [42, 42])
        #expect(a.contains("roc-auc: [70.0000, 88.0000, 95.0000, 97.0000, 98.0000]"))
        #expect(SimBaselineRecorder.Tolerance.standard(scale: "default") == .init(rocAUC: 0.3, sigmaRatio: 0.6))
    }

    @Test func nonFiniteValuesAreLeftOut() throws {
        var result = CompareFixtures.smokeResults[0]
        result.perMass[0].sigmaRatio = .nan
        result.average.sigmaRatio = .nan
        let text = SimBaselineRecorder.render(results: ReplicateResults([result]), scale: "smoke", tolerance: .standard(scale: "smoke"))
        let table = try BaselineTable.parse(text: text, file: "b.yaml")
        #expect(table.rows[0].values[.sigmaRatio]![0] == nil)
        #expect(table.rows[0].averages[.sigmaRatio] == nil)
    }

    @Test func selectionOrdersByIDThenSeedOrder() throws {
        let single = CompareFixtures.smokeResults[0], individual = CompareFixtures.smokeResults[1]
        let later = CompareFixtures.result(single.spec, auc: [0.71, 0.88, 0.95, 0.97, 0.98], seed: 7)
        let ordered = ResultSelection(scale: "smoke", seeds: [42, 7]).ordered([later, single, individual])
        #expect(ordered.map(\.key) == [individual.key, single.key, later.key])
    }
}

@Suite struct CompareDuplicateRowTests {
    @Test func twoExperimentsForOneRowAreReported() throws {
        let paper = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let results = try CompareFixtures.paperResults()
        let first = try #require(results.first)
        var twin = first
        twin.spec.id = "zz-duplicate"
        let report = Comparison.compare(results: results + [twin], baseline: paper)
        #expect(report.notes.contains { $0.contains("2 experiments match") && $0.contains("zz-duplicate") })
        #expect(report.render().contains("note: 2 experiments match"))
    }
}
