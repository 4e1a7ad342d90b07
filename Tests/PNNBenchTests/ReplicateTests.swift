import Foundation
import Testing
@testable import PNNBench

/// Seeds as an axis: parsing, claim verdicts over seeds, collapse flags, comparison rules.
@Suite struct ReplicateTests {
    // MARK: - Seeds

    @Test func seedsParseAsCountOrList() throws {
        #expect(try ReplicateSeeds(parsing: "3").seeds == [42, 43, 44])
        #expect(try ReplicateSeeds(parsing: "1").seeds == [42])
        #expect(try ReplicateSeeds(parsing: "42,7,9").seeds == [42, 7, 9])
        #expect(try ReplicateSeeds(parsing: " 7, ").seeds == [7])
        #expect(ReplicateSeeds.standard.seeds == [42, 43, 44])
        for bad in ["0", "x", "3,3", "1,,2", "-1", "", "1001"] {
            #expect(throws: PipelineError.self, "\"\(bad)\"") { try ReplicateSeeds(parsing: bad) }
        }
    }

    @Test func resultsKeepTheExperimentsOrderAndSeedsInRunOrder() {
        func r(_ id: String, _ seed: UInt64) -> RunResult {
            CompareFixtures.result(CompareFixtures.spec(id, "t", id), auc: [0.9, 0.9, 0.9, 0.9, 0.9], seed: seed)
        }
        let replicates = ReplicateResults(seeds: [43, 42], results: [r("b", 42), r("a", 43), r("b", 43), r("a", 42), r("c", 7)])
        #expect(replicates.all.map { "\($0.spec.id)\($0.seed)" } == ["b43", "b42", "a43", "a42"])
        #expect(replicates.experimentIDs == ["b", "a"])
        #expect(replicates.results(seed: 42).map(\.spec.id) == ["b", "a"])
        #expect(replicates.commonSeeds(["a", "b"]) == [43, 42])
    }

    // MARK: - Claims over seeds

    static let claim = Claim(id: "a-beats-b", statement: "A beats B", check: .compare(.init(
        metric: .rocAUC, artifact: "t", better: ["A"], worse: ["B"], at: .average)))

    /// Results of rows A and B of artifact t, one pair per seed, with the given average AUCs (percent).
    static func pairs(_ values: [(seed: UInt64, a: Double, b: Double)]) -> ReplicateResults {
        func r(_ row: String, _ auc: Double, _ seed: UInt64) -> RunResult {
            CompareFixtures.result(CompareFixtures.spec("t/\(row)", "t", row), auc: Array(repeating: auc / 100, count: 5), seed: seed)
        }
        return ReplicateResults(seeds: values.map(\.seed), results: values.flatMap { [r("A", $0.a, $0.seed), r("B", $0.b, $0.seed)] })
    }

    @Test func clearEffectHoldsAndOverlappingSeedsAreInconclusive() throws {
        // Δ = +1.0, +1.2, +0.8: mean 1.0, sd 0.2, t(0.975, 2) = 4.303 → half-width 0.497.
        let clear = Self.claim.evaluate(on: Self.pairs([(42, 93.0, 92.0), (43, 93.2, 92.0), (44, 92.8, 92.0)]))
        #expect(clear.status == .holds && clear.seeds == [42, 43, 44] && !clear.isPointEstimate)
        let point = try #require(clear.points.first)
        let interval = try #require(point.statistics?.interval)
        #expect(abs(point.statistics!.mean - 1.0) < 1e-9)
        #expect(abs(interval.lowerBound - (1.0 - 4.302652729749464 * 0.2 / 3.0.squareRoot())) < 1e-6)
        #expect(clear.detail.contains("[+0.50, +1.50]") && clear.detail.contains("n = 3"))

        // One seed's B overtakes A: Δ = +1.0, +1.2, −1.5 — the interval now contains 0.
        let overlap = Self.claim.evaluate(on: Self.pairs([(42, 93.0, 92.0), (43, 93.2, 92.0), (44, 92.0, 93.5)]))
        #expect(overlap.status == .inconclusive)
        #expect(overlap.points[0].statistics!.interval!.contains(0))

        // Clearly the other way: fails.
        let reversed = Self.claim.evaluate(on: Self.pairs([(42, 90.0, 92.0), (43, 90.2, 92.0), (44, 89.8, 92.0)]))
        #expect(reversed.status == .fails)
    }

    @Test func oneSeedIsAPointEstimate() {
        let one = Self.claim.evaluate(on: Self.pairs([(42, 93.0, 92.9)]))
        #expect(one.status == .holds && one.isPointEstimate)
        #expect(one.points[0].statistics?.interval == nil)
        #expect(one.detail.contains("point estimate"))
    }

    @Test func seedsMissingARowAreLeftOut() {
        var results = Self.pairs([(42, 93.0, 92.0), (43, 93.2, 92.0), (44, 92.8, 92.0)]).all
        results.removeAll { $0.seed == 44 && $0.spec.reproduces.row == "B" }
        let outcome = Self.claim.evaluate(on: ReplicateResults(seeds: [42, 43, 44], results: results))
        #expect(outcome.seeds == [42, 43])
        #expect(outcome.detail.contains("left out seed(s) 44"))
    }

    // MARK: - Collapse

    static func run(_ id: String, seed: UInt64, auc: Double, validation: Double = 0.85) -> RunResult {
        var r = CompareFixtures.result(CompareFixtures.spec(id, "table3", id), auc: Array(repeating: auc, count: 5), seed: seed)
        r.training[0].history = [.init(epoch: 1, trainLoss: 0.6, validationAUC: validation - 0.02),
                                 .init(epoch: 2, trainLoss: 0.5, validationAUC: validation)]
        return r
    }

    @Test func collapsedSeedIsFlaggedByEitherRule() throws {
        // Four seeds near 93.4, one at 84.0 whose validation AUC stayed at 0.57.
        let runs = [Self.run("affine", seed: 42, auc: 0.9340), Self.run("affine", seed: 43, auc: 0.9345),
                    Self.run("affine", seed: 44, auc: 0.8397, validation: 0.57), Self.run("affine", seed: 45, auc: 0.9339),
                    Self.run("affine", seed: 46, auc: 0.9347),
                    Self.run("steady", seed: 42, auc: 0.93), Self.run("steady", seed: 43, auc: 0.931),
                    Self.run("steady", seed: 44, auc: 0.929), Self.run("steady", seed: 45, auc: 0.93), Self.run("steady", seed: 46, auc: 0.93)]
        let stability = ReplicateStability(ReplicateResults(seeds: [42, 43, 44, 45, 46], results: runs))
        let affine = try #require(stability.experiment("affine"))
        #expect(Set(affine.collapsed.keys) == [44])
        #expect(affine.collapsed[44]!.count == 2)  // the robust rule on test and on validation ROC-AUC
        // One seed: only the absolute rule can flag, below 0.55.
        let lone = ReplicateStability(ReplicateResults(seeds: [42], results: [Self.run("lone", seed: 42, auc: 0.6, validation: 0.54)]))
        #expect(lone.experiment("lone")!.collapsed[42]! == ["best validation ROC-AUC 0.540 < 0.55"])
        #expect(ReplicateStability(ReplicateResults(seeds: [42], results: [Self.run("ok", seed: 42, auc: 0.6, validation: 0.58)])).unstable.isEmpty)
        // Validation AUC sinking to chance: flagged whatever the other seeds did.
        var sunk = Self.run("sunk", seed: 43, auc: 0.83)
        sunk.training[0].history = [.init(epoch: 1, trainLoss: 0.69, validationAUC: 0.566),
                                    .init(epoch: 2, trainLoss: 0.69, validationAUC: 0.534),
                                    .init(epoch: 3, trainLoss: 0.69, validationAUC: 0.501)]
        let twoOfThree = ReplicateStability(ReplicateResults(seeds: [42, 43, 44], results: [
            Self.run("sunk", seed: 42, auc: 0.93, validation: 0.96), sunk, {
                var other = sunk
                other.seed = 44
                return other
            }()]))
        #expect(Set(twoOfThree.experiment("sunk")!.collapsed.keys) == [43, 44])
        #expect(twoOfThree.experiment("sunk")!.collapsed[43]! == ["validation ROC-AUC ended at 0.501 (chance)"])
        #expect(affine.summary == "1 of 5 seeds collapsed")
        #expect(stability.experiment("steady")!.collapsed.isEmpty)
        #expect(stability.unstable.map(\.id) == ["affine"])

        // The comparison keeps the seed in the statistics and reports the mean without it too.
        let row = BaselineRow(reference: PaperReference(artifact: "table3", row: "affine"), values: [:],
                              averages: [.rocAUC: 93.0], tolerance: [.rocAUC: 1.0])
        let baseline = BaselineSet(kind: .paper, tables: [BaselineTable(file: "t.yaml", title: nil, masses: [500], rows: [row])], claims: [])
        let report = Comparison.compare(results: ReplicateResults(seeds: [42, 43, 44, 45, 46], results: runs), baseline: baseline)
        let cell = try #require(report.cells.first)
        #expect(cell.count == 5 && cell.collapsedSeeds == [44])
        #expect(abs(cell.ours! - (93.40 + 93.45 + 83.97 + 93.39 + 93.47) / 5) < 1e-9)
        #expect(abs(cell.statisticsWithoutCollapsed!.mean - (93.40 + 93.45 + 93.39 + 93.47) / 4) < 1e-9)
        #expect(report.render().contains("collapsed: seed 44"))
    }

    // MARK: - Cells

    @Test func paperCellPassesWithinTwoStandardDeviations() throws {
        // Seeds at 90, 92, 94: mean 92, sd 2 → allowed max(4, 1) = 4.
        let runs = [Self.run("x", seed: 42, auc: 0.90), Self.run("x", seed: 43, auc: 0.92), Self.run("x", seed: 44, auc: 0.94)]
        func cell(reference: Double) throws -> CellComparison {
            let row = BaselineRow(reference: PaperReference(artifact: "table3", row: "x"), values: [:],
                                  averages: [.rocAUC: reference], tolerance: [.rocAUC: 1.0])
            let set = BaselineSet(kind: .paper, tables: [BaselineTable(file: "t.yaml", title: nil, masses: [500], rows: [row])], claims: [])
            return try #require(Comparison.compare(results: ReplicateResults(seeds: [42, 43, 44], results: runs), baseline: set).cells.first)
        }
        let inside = try cell(reference: 95.9)
        #expect(inside.status == .pass && abs(inside.allowed - 4) < 1e-9 && abs(inside.zScore! - (-1.95)) < 1e-9)
        #expect(try cell(reference: 96.1).status == .fail)
        // One seed: the tolerance alone.
        let single = Comparison.compare(results: ReplicateResults(seeds: [42], results: [runs[0]]), baseline: BaselineSet(
            kind: .paper, tables: [BaselineTable(file: "t.yaml", title: nil, masses: [500], rows: [BaselineRow(
                reference: PaperReference(artifact: "table3", row: "x"), values: [:], averages: [.rocAUC: 91.5], tolerance: [.rocAUC: 1.0])])],
            claims: []))
        #expect(single.cells[0].status == .fail && single.cells[0].zScore == nil)
    }

    @Test func recordedSeedsAreCheckedOneByOneAndDriftOfOneSeedFails() throws {
        let specs = [CompareFixtures.spec("table3/single", "table3", "Single-NN | None", model: .single),
                     CompareFixtures.spec("table3/individual", "table3", "Individual-NNs | None", model: .individual)]
        var results: [RunResult] = []
        for (k, seed) in [UInt64(42), 43, 44].enumerated() {
            let shift = 0.004 * Double(k)
            results.append(CompareFixtures.result(specs[0], auc: [0.70, 0.88, 0.95, 0.97, 0.98].map { $0 + shift }, seed: seed))
            results.append(CompareFixtures.result(specs[1], auc: [0.75, 0.91, 0.96, 0.98, 0.99].map { $0 - shift }, seed: seed))
        }
        let replicates = ReplicateResults(seeds: [42, 43, 44], results: results)
        let text = SimBaselineRecorder.render(results: replicates, scale: "smoke", tolerance: .standard(scale: "smoke"))
        let table = try BaselineTable.parse(text: text, file: "baseline.yaml")
        #expect(table.rows.count == 6 && Set(table.rows.compactMap(\.seed)) == [42, 43, 44])
        #expect(table.replicates.map(\.experiment) == ["table3/individual", "table3/single"])
        #expect(table.replicates[1].count == 3 && abs(table.replicates[1].averages[.rocAUC]!.mean - (89.6 + 0.4)) < 1e-3)
        let set = BaselineSet(kind: .sim(scale: "smoke"), tables: [table], claims: [])
        let exact = Comparison.compare(results: replicates, baseline: set)
        #expect(exact.passed && exact.cells.allSatisfy { $0.count == 1 })

        // Seed 43 of one experiment drifts by one point at 750 GeV: only its cells fail.
        var drifted = results
        let index = drifted.firstIndex { $0.seed == 43 && $0.spec.id == "table3/single" }!
        drifted[index].perMass[1].rocAUC += 0.01
        let report = Comparison.compare(results: ReplicateResults(seeds: [42, 43, 44], results: drifted), baseline: set)
        #expect(!report.passed)
        #expect(report.failedCells.map { "\($0.row.seed!) \($0.mass.map(String.init) ?? "avg")" } == ["43 750"])

        // Asking for fewer seeds compares only theirs; a seed never recorded is named.
        let fewer = Comparison.compare(results: ReplicateResults(seeds: [42, 45], results: results.filter { $0.seed == 42 }), baseline: set)
        #expect(fewer.passed)
        #expect(fewer.notes.contains { $0.contains("seed(s) 45 not in the recorded baseline") })
    }

    // MARK: - Tables

    @Test func bestIsBoldOnlyWhenItsIntervalClearsTheRunnerUp() throws {
        func section(_ a: [Double], _ b: [Double]) -> PaperTableSection {
            var runs: [RunResult] = []
            for (k, seed) in [UInt64(42), 43, 44].enumerated() {
                runs.append(Self.run("A", seed: seed, auc: a[k]))
                runs.append(Self.run("B", seed: seed, auc: b[k]))
            }
            let rows = ["A", "B"].map { BaselineRow(reference: PaperReference(artifact: "table3", row: $0), values: [:],
                                                    averages: [.rocAUC: 90], tolerance: [.rocAUC: 1]) }
            let table = BaselineTable(file: "t.yaml", title: nil, masses: [500], rows: rows)
            let report = Comparison.compare(results: ReplicateResults(seeds: [42, 43, 44], results: runs),
                                            baseline: BaselineSet(kind: .paper, tables: [table], claims: []))
            return PaperTableSection(table: table, cells: report.cells)
        }
        let clear = section([0.930, 0.931, 0.932], [0.910, 0.911, 0.912]).oursCells(.rocAUC)
        #expect(clear[0].cells[1]! == .init(text: "93.10 ± 0.10", emphasis: .best))
        #expect(clear[1].cells[1]!.emphasis == .none)
        let tied = section([0.930, 0.940, 0.920], [0.925, 0.935, 0.915]).oursCells(.rocAUC)
        #expect(tied[0].cells[1]!.emphasis == .tied && tied[1].cells[1]!.emphasis == .tied)
        let markdown = section([0.930, 0.940, 0.920], [0.925, 0.935, 0.915]).markdown()
        #expect(markdown.contains("| A | — | *93.00 ± 1.00* |"))
        #expect(markdown.contains("mean ± sd over n = 3 seeds"))
    }
}
