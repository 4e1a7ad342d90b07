/// Which trainings of a run have a result in the store, per shard: what `bench status`
/// shows and what `bench submit … --resume` submits again.
public struct RunProgress: Sendable {
    public struct Entry: Sendable {
        public var training: ShardPlan.Training
        /// 1-based shard of the plan.
        public var shard: Int
        public var done: Bool
    }

    public var entries: [Entry]
    public var shardCount: Int

    /// The trainings of `plan` in run order, each `done` or not.
    public init(plan: ShardPlan, done: (ShardPlan.Training) throws -> Bool) rethrows {
        var entries: [Entry] = []
        for (k, shard) in plan.shards.enumerated() {
            for training in shard { entries.append(Entry(training: training, shard: k + 1, done: try done(training))) }
        }
        self.entries = entries.sorted { $0.training.order < $1.training.order }
        shardCount = plan.shards.count
    }

    public var done: Int { entries.filter(\.done).count }
    public var missing: [Entry] { entries.filter { !$0.done } }

    /// The shards with at least one missing training, ascending.
    public var incompleteShards: [Int] { Array(Set(missing.map(\.shard))).sorted() }

    /// (done, total) of shard `k` (1-based).
    public func count(shard k: Int) -> (done: Int, total: Int) {
        let inShard = entries.filter { $0.shard == k }
        return (inShard.filter(\.done).count, inShard.count)
    }
}

extension BenchPipeline {
    /// The progress of `specs` × the seeds, split into `shardCount` shards: a training is
    /// done when the store holds the result of its key (this engine version).
    public func progress(_ specs: [ExperimentSpec], shardCount: Int) throws -> RunProgress {
        try RunProgress(plan: ShardPlan(specs: specs, seeds: configuration.seeds.seeds, scale: scale, count: shardCount), done: isDone)
    }

    /// Whether the store holds the result of `training`'s key (this engine version).
    func isDone(_ training: ShardPlan.Training) throws -> Bool {
        store.load(key: try SuiteRunner.key(training.spec, runner: experimentRunner(seed: training.seed))) != nil
    }
}
