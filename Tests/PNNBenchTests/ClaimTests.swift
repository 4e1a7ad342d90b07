import Foundation
import Testing
@testable import PNNBench

@Suite struct ClaimTests {
    let claims: [Claim]

    init() throws {
        claims = try Claim.load(path: CompareFixtures.baselines.appendingPathComponent("paper/claims.yaml").path)
    }

    /// The paper's own numbers must satisfy every claim about its tables; the figure claims
    /// have no numbers in the paper and are not run.
    @Test func tableClaimsHoldOnThePaperItself() throws {
        let results = try CompareFixtures.paperResults()
        for claim in claims {
            let outcome = claim.evaluate(on: results)
            if claim.requiredRows.contains(where: { $0.artifact.hasPrefix("fig") }) {
                #expect(outcome.status == .notRun, "\(claim.id): \(outcome.detail)")
            } else {
                #expect(outcome.status == .holds, "\(claim.id): \(outcome.detail)")
            }
        }
        #expect(claims.count >= 10)
    }

    /// Every row a table claim names exists in the transcribed tables (no typo can turn a
    /// claim into a permanent "not run").
    @Test func claimRowsExist() throws {
        let set = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let rows = Set(set.tables.flatMap { $0.rows.map(\.reference) })
        for claim in claims {
            for row in claim.requiredRows where !row.artifact.hasPrefix("fig") {
                #expect(rows.contains(row), "\(claim.id) names unknown row \(row)")
            }
        }
    }

    /// Claims about figures name rows that the suite really has (no numbers to check them
    /// against exist in the paper, so a misspelt row would leave the claim "not run" forever).
    @Test func figureRowsOfClaimsExistInTheSuite() throws {
        let suites = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Suites")
        let rows = Set(try SuiteRegistry.load(suite: "paper", directory: suites).entries.map(\.reproduces))
        let fig = Set(claims.flatMap(\.requiredRows).filter { $0.artifact.hasPrefix("fig") })
        #expect(!fig.isEmpty)
        for row in fig { #expect(rows.contains(row), "claim row \(row) is not a row of Suites/paper.yaml") }
    }

    func r(_ artifact: String, _ row: String, _ auc: [Double]) -> RunResult {
        CompareFixtures.result(CompareFixtures.spec("\(artifact)/\(row)", artifact, row), auc: auc)
    }

    @Test func compareEachMassFailsAtOneMass() {
        let claim = Claim(id: "c", statement: "s", check: .compare(.init(metric: .rocAUC, artifact: "t", better: ["A"], worse: ["B"], at: .each(nil))))
        let good = [r("t", "A", [0.8, 0.9, 0.95, 0.97, 0.99]), r("t", "B", [0.7, 0.8, 0.9, 0.96, 0.98])]
        #expect(claim.evaluate(on: good).status == .holds)
        let bad = [r("t", "A", [0.8, 0.9, 0.95, 0.97, 0.99]), r("t", "B", [0.7, 0.8, 0.96, 0.96, 0.98])]
        let outcome = claim.evaluate(on: bad)
        #expect(outcome.status == .fails)
        #expect(outcome.detail.contains("1000 GeV: 95.00 vs 96.00"))
        #expect(!outcome.detail.contains("500 GeV"))  // only the failing masses are shown
    }

    @Test func notRunWhenARowIsMissing() {
        let claim = Claim(id: "c", statement: "s", check: .compare(.init(metric: .rocAUC, artifact: "t", better: ["A", "A2"], worse: ["B"], at: .average)))
        let outcome = claim.evaluate(on: [r("t", "A", [0.8, 0.9, 0.95, 0.97, 0.99]), r("t", "B", [0.7, 0.8, 0.9, 0.96, 0.98])])
        #expect(outcome.status == .notRun)
        #expect(outcome.detail.contains("\"A2\""))
        // Same row label in another artifact does not count.
        #expect(claim.evaluate(on: [r("u", "A", [1, 1, 1, 1, 1]), r("u", "A2", [1, 1, 1, 1, 1]), r("u", "B", [0, 0, 0, 0, 0])]).status == .notRun)
    }

    @Test func groupsAreMeansAndMarginsCount() {
        let rows = [r("t", "A1", [0.80, 0.80, 0.80, 0.80, 0.80]), r("t", "A2", [0.70, 0.70, 0.70, 0.70, 0.70]),
                    r("t", "B", [0.74, 0.74, 0.60, 0.74, 0.74])]
        func claim(_ at: Claim.Position, margin: Double = 0) -> Claim {
            Claim(id: "c", statement: "s", check: .compare(.init(metric: .rocAUC, artifact: "t", better: ["A1", "A2"], worse: ["B"], at: at, margin: margin)))
        }
        #expect(claim(.average).evaluate(on: rows).status == .holds)       // 75 vs 71.2
        #expect(claim(.each([500])).evaluate(on: rows).status == .holds)   // 75 vs 74
        #expect(claim(.each([500]), margin: 2).evaluate(on: rows).status == .fails)
        #expect(claim(.meanOver([750, 1000, 1250])).evaluate(on: rows).status == .holds)
        #expect(claim(.meanOver([750, 1000, 1250]), margin: 5).evaluate(on: rows).status == .holds)  // 75 vs 69.33: Δ 5.67
        #expect(claim(.meanOver([750, 1000, 1250]), margin: 6).evaluate(on: rows).status == .fails)
    }

    @Test func argmin() {
        let claim = Claim(id: "c", statement: "s", check: .argmin(.init(metric: .rocAUC, artifact: "t", rows: nil, mass: 500)))
        #expect(claim.evaluate(on: []).status == .notRun)
        let ok = [r("t", "A", [0.7, 0.8, 0.9, 0.95, 0.99]), r("t", "B", [0.6, 0.8, 0.9, 0.95, 0.99]), r("other", "C", [0.9, 0.5, 0.9, 0.9, 0.9])]
        #expect(claim.evaluate(on: ok).status == .holds)
        let bad = ok + [r("t", "D", [0.8, 0.7, 0.9, 0.95, 0.99])]
        let outcome = claim.evaluate(on: bad)
        #expect(outcome.status == .fails)
        #expect(outcome.detail.contains("\"D\": lowest at 750 GeV"))
    }

    @Test func parseErrorsNameLine() {
        let text = """
            claims:
              - id: a
                statement: "x"
                compare: {metric: roc-auc, artifact: t, better: A, worse: B, at: average}
              - id: b
                statement: "y"
                compare: {metric: auc, artifact: t, better: A, worse: B, at: average}
            """
        #expect(throws: BaselineError(file: "c.yaml", line: 7, "unknown metric \"auc\" (use roc-auc or sigma-ratio)")) {
            try Claim.parseAll(text: text, file: "c.yaml")
        }
        let twice = text.replacingOccurrences(of: "id: b", with: "id: a").replacingOccurrences(of: "metric: auc", with: "metric: roc-auc")
        #expect(throws: BaselineError(file: "c.yaml", line: 5, "claim id \"a\" is used twice (first on line 2)")) {
            try Claim.parseAll(text: twice, file: "c.yaml")
        }
        let neither = "claims:\n  - id: a\n    statement: x\n"
        #expect(throws: BaselineError.self) { try Claim.parseAll(text: neither, file: "c.yaml") }
    }
}
