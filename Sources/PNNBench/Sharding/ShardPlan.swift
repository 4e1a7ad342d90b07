/// A deterministic split of the trainings of a run — every (experiment, seed) pair — into
/// N shards of about equal expected cost, so that N cluster tasks finish at about the same
/// time and any one of them can be run again alone (`bench run … --shard i/N`).
///
/// Greedy longest-processing-time: the trainings sorted by decreasing `TrainingCost` (ties
/// in run order: seed-major, then suite order), each given to the shard with the least
/// cost so far (ties to the lowest shard). Its largest shard costs at most 4/3 of the
/// optimum (Graham 1969). Within a shard the trainings keep the run's order. The plan
/// depends only on the experiments, seeds, scale and N — not on the machine, the store or
/// the order tasks start in — so every task computes the same plan.
public struct ShardPlan: Sendable {
    /// One training of the run.
    public struct Training: Sendable, Equatable {
        public var spec: ExperimentSpec
        public var seed: UInt64
        public var cost: Double
        /// Place in the run's order (seed-major, then suite order).
        public var order: Int
    }

    /// `shards[i]`: the trainings of shard i + 1, in run order.
    public let shards: [[Training]]

    /// The plan of `specs` × `seeds` at `scale` over `count` shards (count ≥ 1; shards may
    /// be empty when there are fewer trainings than shards).
    public init(specs: [ExperimentSpec], seeds: [UInt64], scale: Scale, count: Int) {
        precondition(count >= 1, "at least one shard")
        var order = 0
        var trainings: [Training] = []
        for seed in seeds {
            for spec in specs {
                trainings.append(Training(spec: spec, seed: seed, cost: TrainingCost.expected(spec, scale: scale), order: order))
                order += 1
            }
        }
        var shards = [[Training]](repeating: [], count: count)
        var load = [Double](repeating: 0, count: count)
        for training in trainings.sorted(by: { $0.cost != $1.cost ? $0.cost > $1.cost : $0.order < $1.order }) {
            let target = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            shards[target].append(training)
            load[target] += training.cost
        }
        self.shards = shards.map { $0.sorted { $0.order < $1.order } }
    }

    /// Expected cost of each shard.
    public var costs: [Double] { shards.map { $0.reduce(0) { $0 + $1.cost } } }

    /// Largest shard cost over the mean: 1 is perfect balance.
    public var imbalance: Double {
        let total = costs.reduce(0, +)
        return total > 0 ? costs.max()! / (total / Double(shards.count)) : 1
    }
}

/// `--shard i/N`: shard i (1-based) of N.
public struct ShardSelection: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw PipelineError("--shard expects i/N with 1 ≤ i ≤ N (e.g. 3/8), got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses "i/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw PipelineError("--shard expects i/N with 1 ≤ i ≤ N (e.g. 3/8), got \"\(text)\"")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }
}
