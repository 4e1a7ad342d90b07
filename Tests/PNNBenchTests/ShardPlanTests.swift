import Foundation
import Testing
@testable import PNNBench

/// Splitting a run's (experiment, seed) trainings into shards of about equal cost.
@Suite struct ShardPlanTests {
    static let paper = try! SuiteRegistry.load(suite: "paper", directory: CompareFixtures.root.appendingPathComponent("Suites"))
    static let defaultScale = try! ScaleRegistry.load(scale: "default", directory: CompareFixtures.root.appendingPathComponent("Suites"))

    @Test(arguments: [1, 2, 7, 8, 58, 200])
    func everyTrainingIsInExactlyOneShard(count: Int) {
        let seeds: [UInt64] = [42, 43, 44]
        let plan = ShardPlan(specs: Self.paper.experiments, seeds: seeds, scale: Self.defaultScale, count: count)
        #expect(plan.shards.count == count)
        let all = plan.shards.flatMap { $0.map { "\($0.spec.id)@\($0.seed)" } }
        #expect(all.count == Self.paper.experiments.count * seeds.count)
        #expect(Set(all) == Set(seeds.flatMap { seed in Self.paper.experiments.map { "\($0.id)@\(seed)" } }))
        // Within a shard, the run's order (seed-major, then suite order).
        for shard in plan.shards { #expect(shard.map(\.order) == shard.map(\.order).sorted()) }
        // The same inputs give the same plan.
        let again = ShardPlan(specs: Self.paper.experiments, seeds: seeds, scale: Self.defaultScale, count: count)
        #expect(again.shards.map { $0.map(\.order) } == plan.shards.map { $0.map(\.order) })
    }

    @Test func shardsBalanceCostNotCounts() {
        let plan = ShardPlan(specs: Self.paper.experiments, seeds: [42, 43, 44], scale: Self.defaultScale, count: 8)
        // Greedy LPT is within 4/3 of the optimum, which is at least the mean and the largest training.
        let total = plan.costs.reduce(0, +)
        let largest = plan.shards.flatMap { $0.map(\.cost) }.max()!
        #expect(plan.costs.max()! <= 4.0 / 3.0 * max(total / 8, largest))
        #expect(plan.imbalance < 1.1)
        // Shards holding individual NNs (five networks each) hold fewer trainings.
        let counts = plan.shards.map(\.count)
        #expect(counts.max()! > counts.min()!)
    }

    @Test func costCountsNetworksAndTheEventsEachDrawsFrom() throws {
        let scale = Scale(name: "t", trainEvents: 10_000, testEvents: 1000, epochs: 2, batchSize: 100)
        func spec(_ model: ModelKind, _ dataset: DatasetKind = .hepmass, masses: [Int]? = nil) -> ExperimentSpec {
            ExperimentSpec(id: "x", reproduces: PaperReference(artifact: "t", row: "r"),
                           training: TrainingDefinition(dataset: dataset, model: model, backgroundMass: .identicalFixed, balance: .none,
                                                        trainMasses: masses, regularized: true, batchSize: nil),
                           description: nil)
        }
        // Balanced: 5000 background, 1000 signal per mass.
        #expect(TrainingCost.expected(spec(.pnn), scale: scale) == 2 * 10_000)
        #expect(TrainingCost.expected(spec(.individual), scale: scale) == 2 * 5 * (5000 + 1000))
        #expect(TrainingCost.expected(spec(.pnn, masses: [500, 1500]), scale: scale) == 2 * (5000 + 2000))
        // HEPMASS-IMB: 5763 events at this scale, 87 % background; training on 1500 GeV adds only its few signal events.
        let imb = TrainingCost.expected(spec(.pnn, .hepmassIMB, masses: [1500]), scale: scale)
        let imbAll = TrainingCost.expected(spec(.pnn, .hepmassIMB), scale: scale)
        #expect(imb < imbAll && imbAll == 2 * 5763)
    }

    @Test func shardSelectionParses() throws {
        #expect(try ShardSelection(parsing: "3/8") == ShardSelection(index: 3, count: 8))
        for bad in ["0/8", "9/8", "3", "a/b", "3/0", "1/2/3", ""] {
            #expect(throws: PipelineError.self, "\"\(bad)\"") { try ShardSelection(parsing: bad) }
        }
    }
}
