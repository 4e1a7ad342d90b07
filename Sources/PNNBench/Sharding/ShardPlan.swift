/// A deterministic split of the trainings of a run — every (experiment, seed) pair, at
/// each scale of the run (one, or every rung of a `ConvergenceLadder`) — into
/// N shards of about equal expected cost, so that N cluster tasks finish at about the same
/// time and any one of them can be run again alone (`bench run … --shard i/N`).
///
/// Greedy longest-processing-time: the trainings sorted by decreasing `TrainingCost` (ties
/// in run order: scale-major, then seed, then suite order), each given to the shard with the least
/// cost so far (ties to the lowest shard). Its largest shard costs at most 4/3 of the
/// optimum (Graham 1969). Within a shard the trainings keep the run's order. The plan
/// depends only on the experiments, seeds, scales and N — not on the machine, the store or
/// the order tasks start in — so every task computes the same plan.
public struct ShardPlan: Sendable {
    /// One training of the run.
    public struct Training: Sendable, Equatable {
        public var spec: ExperimentSpec
        public var seed: UInt64
        public var scale: Scale
        public var cost: Double
        /// Place in the run's order (scale-major, then seed, then suite order).
        public var order: Int
    }

    /// `shards[i]`: the trainings of shard i + 1, in run order.
    public let shards: [[Training]]

    /// The plan of `specs` × `seeds` at `scale` over `count` shards (count ≥ 1; shards may
    /// be empty when there are fewer trainings than shards).
    public init(specs: [ExperimentSpec], seeds: [UInt64], scale: Scale, count: Int) {
        self.init(specs: specs, seeds: seeds, scales: [scale], count: count)
    }

    /// The plan of `specs` × `seeds` at every scale of `scales` (a ladder's rungs) over
    /// `count` shards: one balanced split of all of them, so a cluster task may train at
    /// several scales.
    public init(specs: [ExperimentSpec], seeds: [UInt64], scales: [Scale], count: Int) {
        precondition(count >= 1, "at least one shard")
        var order = 0
        var trainings: [Training] = []
        for scale in scales {
            for seed in seeds {
                for spec in specs {
                    trainings.append(Training(spec: spec, seed: seed, scale: scale, cost: TrainingCost.expected(spec, scale: scale), order: order))
                    order += 1
                }
            }
        }
        var shards = [[Training]](repeating: [], count: count)
        // The shards by (cost so far, index): the least loaded, lowest first. O(log N) per
        // training instead of a scan of all N shards.
        var queue = LoadQueue(count: count)
        for training in trainings.sorted(by: { $0.cost != $1.cost ? $0.cost > $1.cost : $0.order < $1.order }) {
            let target = queue.takeLeast()
            shards[target.shard].append(training)
            queue.insert(load: target.load + training.cost, shard: target.shard)
        }
        self.shards = shards.map { $0.sorted { $0.order < $1.order } }
    }

    /// Throws when `count` shards are more than the `trainings` of a run: some shard (a
    /// cluster task) would have nothing to do, which is a mistake in the command.
    /// `option` is how the command line gave the count (default "--shards <count>").
    public static func check(count: Int, trainings: Int, option: String? = nil) throws {
        guard count <= trainings else {
            throw PipelineError("\(option ?? "--shards \(count)"): \(count) shards for the run's \(trainings) training(s) (experiments × seeds × scales) would leave shards empty; give at most \(trainings)")
        }
    }

    /// Expected cost of each shard.
    public var costs: [Double] { shards.map { $0.reduce(0) { $0 + $1.cost } } }

    /// Largest shard cost over the mean: 1 is perfect balance.
    public var imbalance: Double {
        let total = costs.reduce(0, +)
        return total > 0 ? costs.max()! / (total / Double(shards.count)) : 1
    }
}

/// A binary min-heap of shards ordered by (load, shard index): `takeLeast` returns the
/// shard a linear scan for the least load, ties to the lowest index, would find.
struct LoadQueue {
    private var heap: [(load: Double, shard: Int)]

    /// Every shard at load 0 (index order is already a valid heap).
    init(count: Int) {
        heap = (0..<count).map { (0, $0) }
    }

    private static func precedes(_ a: (load: Double, shard: Int), _ b: (load: Double, shard: Int)) -> Bool {
        a.load != b.load ? a.load < b.load : a.shard < b.shard
    }

    mutating func takeLeast() -> (load: Double, shard: Int) {
        let least = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return least }
        heap[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && Self.precedes(heap[l], heap[m]) { m = l }
            if r < heap.count && Self.precedes(heap[r], heap[m]) { m = r }
            if m == i { return least }
            heap.swapAt(i, m)
            i = m
        }
    }

    mutating func insert(load: Double, shard: Int) {
        heap.append((load, shard))
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.precedes(heap[i], heap[parent]) else { return }
            heap.swapAt(i, parent)
            i = parent
        }
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
