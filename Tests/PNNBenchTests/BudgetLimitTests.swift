import Foundation
import Testing
import PNNData
import PNNMetrics
@testable import PNNBench

/// The training conditions of a cell, its budget-limited mark, and HEPMASS-IMB's signal policies.
@Suite struct BudgetLimitTests {
    static func conditions(_ signal: [Int: Int]) -> TrainingConditions {
        TrainingConditions(points: signal.keys.sorted().map { .init(mass: $0, trainingSignal: signal[$0]!, validationSignal: signal[$0]! / 3) },
                           trainingBackground: 75_000, validationBackground: 25_000, epochs: 8, batchSize: 1024, stepsPerEpoch: 80)
    }

    static func imbResult(_ signal: [Int: Int], model: ModelKind = .pnn) -> RunResult {
        var spec = CompareFixtures.spec("table4/pnn-none", "table4", "pNN | Identical (sampled)", model: model)
        spec.training.dataset = .hepmassIMB
        var r = CompareFixtures.result(spec, auc: [0.7, 0.2, 0.1, 0.05, 0.02])
        r.training[0].conditions = conditions(signal)
        return r
    }

    @Test func paperCountsAfterTheSplit() {
        #expect(BudgetLimit.paperTrainingSignal(.hepmassIMB, mass: 1500) == 1500)
        #expect(BudgetLimit.paperTrainingSignal(.hepmassIMB, mass: 500) == 262_500)
        #expect(BudgetLimit.paperTrainingSignal(.hepmass, mass: 1000) == 525_000)
        #expect(BudgetLimit.paperTrainingSignal(.hepmass, mass: 600) == nil)
        #expect(BudgetLimit.paperTrainingSignal(DatasetKind(rawValue: "mine"), mass: 500) == nil)
    }

    @Test func aShortPointMarksEveryCellOfItsNetwork() {
        let short = Self.imbResult([500: 7500, 1500: 43])
        let found = BudgetLimit.shortfalls(short, mass: 750)
        #expect(found == [.init(mass: 1500, trainingSignal: 43, paperTrainingSignal: 1500)])
        #expect(found[0].text == "1500 GeV: 43 training events (the paper's: 1500)")
        #expect(BudgetLimit.shortfalls(short, mass: nil) == found)
        // At the floor, or at the paper's own count, nothing is short.
        #expect(BudgetLimit.shortfalls(Self.imbResult([500: 7500, 1500: 1000]), mass: 750).isEmpty)
        #expect(BudgetLimit.shortfalls(Self.imbResult([500: 7500, 1500: 999]), mass: 750).count == 1)
    }

    @Test func anIndividualNNIsJudgedByItsOwnNetwork() {
        var r = Self.imbResult([500: 7500], model: .individual)
        r.training[0].mass = 500
        var other = r.training[0]
        other.mass = 1500
        other.conditions = Self.conditions([1500: 43])
        r.training.append(other)
        #expect(BudgetLimit.shortfalls(r, mass: 500).isEmpty)
        #expect(BudgetLimit.shortfalls(r, mass: 1500).count == 1)
        #expect(BudgetLimit.shortfalls(r, mass: nil).count == 1)
    }

    @Test func resultsWithoutConditionsAreNotJudged() {
        var r = Self.imbResult([1500: 43])
        r.training[0].conditions = nil
        #expect(BudgetLimit.shortfalls(r, mass: 750).isEmpty)
    }

    @Test func aLimitedCellShowsItsDistanceAndIsNotCounted() throws {
        let baseline = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let short = Self.imbResult([500: 7500, 1500: 43])
        let report = Comparison.compare(results: [short], baseline: baseline)
        let cells = report.cells.filter { $0.row.reference.artifact == "table4" && $0.row.reference.row == "pNN | Identical (sampled)" }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.status == .limited })
        #expect(cells.contains { $0.deviation == .fail })
        #expect(report.failedCells.allSatisfy { !$0.isBudgetLimited })
        #expect(report.render().contains("(budget: 1500 GeV: 43 training events (the paper's: 1500))"))
        let json = try ComparisonJSON(report).text()
        #expect(json.contains("\"budgetLimited\":true") || json.contains("\"budgetLimited\" : true"))
        #expect(json.contains("\"verdict\":\"limited\"") || json.contains("\"verdict\" : \"limited\""))
        #expect(json.contains("\"optimizerSteps\":640") || json.contains("\"optimizerSteps\" : 640"))

        // The same result with the paper's count at 1500 GeV is judged as usual.
        let full = Self.imbResult([500: 7500, 1500: 1500])
        let judged = Comparison.compare(results: [full], baseline: baseline).cells
            .filter { $0.row.reference.artifact == "table4" && $0.row.reference.row == "pNN | Identical (sampled)" }
        #expect(judged.allSatisfy { $0.status == .fail || $0.status == .pass })

        let section = PaperTableSection(table: baseline.tables.first { $0.file.hasSuffix("table4.yaml") }!, cells: report.cells,
                                        conditions: report.conditions)
        let text = section.markdown()
        #expect(text.contains("‡"))
        #expect(text.contains("1500 GeV: 43 (the paper's: 1500)"))
        #expect(section.summary(.rocAUC).contains("budget-limited"))
        #expect(section.csv().contains(",true,1500:43/1500"))
    }

    @Test func imbSignalPolicies() {
        let scaled = IMBSignal.scaled.composition(hepmassEvents: 200_000)
        #expect(scaled == EventComposition.imbalanced(events: 115_257))
        #expect(scaled.signal == [10_000, 4_000, 1_000, 200, 57])
        let paper = IMBSignal.paper.composition(hepmassEvents: 200_000)
        #expect(paper.signal == [20_000, 20_000, 20_000, 7_000, 2_000])
        #expect(paper.background.reduce(0, +) == 100_000)
        // At the paper's budget both are the paper's HEPMASS-IMB.
        #expect(IMBSignal.paper.composition(hepmassEvents: 7_000_000) == IMBSignal.scaled.composition(hepmassEvents: 7_000_000))
        #expect(IMBSignal.paper.composition(hepmassEvents: 7_000_000).signal == EventComposition.imbalancedSignalCounts)
    }

    @Test func imbSignalInTheScaleKeepsOldKeysUnlessPaper() throws {
        let base = Scale(name: "default", trainEvents: 200_000, testEvents: 100_000, epochs: 8, batchSize: 1024)
        let explicit = Scale(name: "default", trainEvents: 200_000, testEvents: 100_000, epochs: 8, batchSize: 1024, imbSignal: .scaled)
        let paper = Scale(name: "default", trainEvents: 200_000, testEvents: 100_000, epochs: 8, batchSize: 1024, imbSignal: .paper)
        let spec = CompareFixtures.spec("x", "table4", "r")
        func key(_ s: Scale) -> String { ResultStore.key(spec: spec, scale: s, data: CompareFixtures.sim, seed: 42, engineVersion: "1") }
        #expect(key(base) == key(explicit))
        #expect(key(base) != key(paper))
        let parsed = try ScaleRegistry.parse(yaml: "a:\n  trainEvents: 10\n  testEvents: 10\n  epochs: 1\n  batchSize: 2\n  imbSignal: paper\n", file: "s.yaml")
        #expect(parsed[0].imbSignal == .paper)
        #expect(throws: SuiteError.self) {
            try ScaleRegistry.parse(yaml: "a:\n  trainEvents: 10\n  testEvents: 10\n  epochs: 1\n  batchSize: 2\n  imbSignal: half\n", file: "s.yaml")
        }
    }
}
