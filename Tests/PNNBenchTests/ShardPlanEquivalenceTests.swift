import Foundation
import PNNEngine
import PNNMetrics
import Testing
@testable import PNNBench

/// The shard plan's priority queue gives exactly the assignments of the plain rule it
/// replaces: each training, in decreasing cost, to the shard with the least cost so far,
/// ties to the lowest shard (a linear scan, kept here as the reference).
@Suite struct ShardPlanEquivalenceTests {
    /// The reference: which shard each cost (in the given order) goes to.
    static func scan(_ costs: [Double], count: Int) -> [Int] {
        var load = [Double](repeating: 0, count: count)
        return costs.map { cost in
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            load[target] += cost
            return target
        }
    }

    static func queue(_ costs: [Double], count: Int) -> [Int] {
        var queue = LoadQueue(count: count)
        return costs.map { cost in
            let target = queue.takeLeast()
            queue.insert(load: target.load + cost, shard: target.shard)
            return target.shard
        }
    }

    @Test func queueMatchesTheLinearScanOnRandomCosts() {
        var random = SplitMix64Generator(seed: 2024)
        for trial in 0..<400 {
            let n = 1 + Int(random.next() % 300), count = 1 + Int(random.next() % 40)
            // Few distinct values, so equal loads (the ties) are common.
            let costs = (0..<n).map { _ in Double(1 + random.next() % (trial % 2 == 0 ? 3 : 1000)) / 4 }
                .sorted(by: >)
            #expect(Self.queue(costs, count: count) == Self.scan(costs, count: count), "trial \(trial): n \(n), shards \(count)")
        }
    }

    /// The paper suite's plans for every shard count up to its trainings, as before.
    @Test func paperPlansAreUnchanged() {
        let specs = ShardPlanTests.paper.experiments, seeds: [UInt64] = [42, 43, 44]
        let costs = seeds.flatMap { _ in specs.map { TrainingCost.expected($0, scale: ShardPlanTests.defaultScale) } }
        let order = costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        for count in 1...costs.count {
            let plan = ShardPlan(specs: specs, seeds: seeds, scale: ShardPlanTests.defaultScale, count: count)
            let targets = Self.scan(order.map { costs[$0] }, count: count)
            var expected = [[Int]](repeating: [], count: count)
            for (k, training) in order.enumerated() { expected[targets[k]].append(training) }
            #expect(plan.shards.map { $0.map(\.order) } == expected.map { $0.sorted() }, "\(count) shards")
        }
    }
}
