import PNNEngine

/// Builds the training mini-batches: which events, and which mass feature each gets.
///
/// ```swift
/// let sampler = try BatchSampler(dataset: train, configuration: .init(batchSize: 1024,
///                                balance: .signal, backgroundMass: .uniformSampled), seed: seed)
/// for epoch in 0..<epochs {
///     for step in 0..<sampler.stepsPerEpoch {
///         let n = sampler.fill(x: x, mass: m, label: y, weight: w, epoch: epoch, step: step)
///         // train on the first n rows (x, m, y, w are resized to n rows)
///     }
/// }
/// ```
///
/// **Events.** Signal events count only if their mass is a training mass (interpolation
/// experiments leave some out); all background events count. Per `BalanceMode`:
/// - `none`: epoch e is a permutation of all events (`.shuffle` stream, index e), cut into
///   consecutive batches; `stepsPerEpoch` = ⌈N/B⌉ and the last batch may be short.
/// - balanced modes: the batch has B/2 signal rows and B − B/2 background rows (in that
///   order); a half that is split over groups (masses or processes) gives each of its K
///   groups ⌊H/K⌋ rows and the H mod K leftover rows to groups t, t+1, … (mod K) at global
///   step t, so every group gets exactly H/K on average and ⌊H/K⌋ or ⌈H/K⌉ in any batch.
///   Each group is consumed from its own endless sequence of permutations (cycle c of
///   group g is shuffled by the `.batchSampling` stream at index g·2⁴⁰ + c), so every
///   event of a group is seen once per pass through that group, small groups are
///   repeated more often (that is what balancing means) and nothing is discarded.
///   `stepsPerEpoch` = max(1, ⌊N/B⌋): an epoch is as many events as the data set holds,
///   so epochs of all modes cost the same and learning-rate/early-stopping schedules
///   stay comparable.
/// Global step t = epoch · stepsPerEpoch + step; a batch depends only on (seed, t).
///
/// **Parameter feature** (`BackgroundMassMode`, paper §4.2), written already mapped by
/// the data set's `ParameterScaling` (HEPMASS: m / 1000, paper §4.4). With p parameters a
/// point is a p-vector and the training points are the set M of such vectors. Signal rows
/// carry their own point; background rows
/// - identical-fixed: the point in the data (HEPMASS's own assignment) if it is a training
///   point, otherwise one drawn once from M, each point equally likely;
/// - uniform-fixed: one drawn once with each component j ~ U(min_j M, max_j M), the
///   components independent (the box spanned by the grid);
/// - …-sampled: a fresh draw for every batch row (`.massSampling` stream, index 2 + t).
/// Fixed draws use the `.massSampling` stream at index 0 (identical) or 1 (uniform),
/// position = event index (uniform: event index · p + j for component j, which is the
/// event index when p = 1). Event selection never reads the mass streams, so the fixed
/// and sampled variants of a mode select the same events and differ only in the
/// background rows' parameter columns.
///
/// Labels are 1/0. Weights are 1 for an unweighted data set (balancing is by sampling);
/// for a weighted one they are the events' weights after the `NegativeWeightPolicy`,
/// scaled to average 1 over each training point's signal and over the background
/// (`trainingWeights`) — so the weights set the relative importance of events within a
/// point and between background processes, balancing still sets that of the classes
/// and points, and the loss keeps its usual size.
/// Not thread-safe: one sampler per training loop (it caches the current permutations).
public final class BatchSampler {
    public struct Configuration: Hashable, Sendable {
        public var batchSize: Int
        public var balance: BalanceMode
        public var backgroundMass: BackgroundMassMode
        /// Points trained on; nil = all signal points of the data set.
        public var trainingPoints: [[Float]]?
        /// What training does with negative event weights.
        public var negativeWeights: NegativeWeightPolicy

        public init(batchSize: Int = 1024, balance: BalanceMode = .none,
                    backgroundMass: BackgroundMassMode = .identicalFixed, trainingMasses: [Float]? = nil) {
            self.init(batchSize: batchSize, balance: balance, backgroundMass: backgroundMass,
                      trainingPoints: trainingMasses.map { $0.map { [$0] } }, negativeWeights: .keep)
        }

        public init(batchSize: Int, balance: BalanceMode, backgroundMass: BackgroundMassMode,
                    trainingPoints: [[Float]]?, negativeWeights: NegativeWeightPolicy) {
            self.batchSize = batchSize
            self.balance = balance
            self.backgroundMass = backgroundMass
            self.trainingPoints = trainingPoints
            self.negativeWeights = negativeWeights
        }
    }

    public let dataset: EventDataset
    public let configuration: Configuration
    public let seed: UInt64
    /// The points signal is trained on and background points are drawn from (sorted).
    public let trainingPoints: [[Float]]
    /// The training masses of a one-parameter data set (GeV).
    public var trainingMasses: [Float] { trainingPoints.map { $0[0] } }
    /// Batches per epoch (see the type's documentation for the rule).
    public let stepsPerEpoch: Int
    /// Events taking part in training (signal at training points and all background).
    public let eligibleCount: Int

    private let p: Int
    private let eligible: [Int32]
    private let signalGroups: [[Int32]]
    private let backgroundGroups: [[Int32]]
    /// Fixed background parameters per event (N × p); signal rows hold their own point.
    private let fixedPoint: [Float]
    /// Per-component range of the training points, for uniform draws.
    private let low: [Double], high: [Double]
    /// Training weight per event (nil: all 1).
    private let trainingWeight: [Float]?
    private var epochCache: (epoch: Int, order: [Int32])?
    private var cycleCache: [Int: (cycle: Int, order: [Int32])] = [:]

    public init(dataset: EventDataset, configuration: Configuration, seed: UInt64) throws {
        let c = configuration
        let p = dataset.parameterCount
        guard c.batchSize >= 2 else { throw DataError.invalidRequest("batch size \(c.batchSize): expected at least 2") }
        let points = (c.trainingPoints ?? dataset.signalPoints).sorted(by: ParameterPoint.precedes)
        guard !points.isEmpty else { throw DataError.invalidRequest("no training masses") }
        let names = dataset.parameterNames
        let unit = p == 1 && names == ["mass"] ? " GeV" : ""
        for m in points where m.count != p || !dataset.signalPoints.contains(m) {
            throw DataError.invalidRequest("training point \(ParameterPoint.label(m, names: names))\(unit) is not a signal point of the data set (\(dataset.signalPoints.map { ParameterPoint.label($0, names: names) }.joined(separator: p == 1 ? ", " : "; ")))")
        }
        self.dataset = dataset
        self.configuration = c
        self.seed = seed
        self.trainingPoints = points
        self.p = p

        let index = PointIndex(points)
        let (eligible, signalAll, backgroundAll, perPoint, perProcess) = Self.groups(dataset, index: index, points: points.count)
        guard !signalAll.isEmpty, !backgroundAll.isEmpty else {
            throw DataError.invalidRequest("training needs signal at the training masses and background; got \(signalAll.count) signal and \(backgroundAll.count) background events")
        }
        if c.balance.balancesSignal, let k = perPoint.firstIndex(where: \.isEmpty) {
            throw DataError.invalidRequest("signal balancing: no signal events at \(ParameterPoint.label(points[k], names: names))\(unit)")
        }
        self.eligible = eligible
        self.eligibleCount = eligible.count
        self.signalGroups = c.balance.balancesSignal ? perPoint : [signalAll]
        self.backgroundGroups = c.balance.balancesBackground ? perProcess.keys.sorted().map { perProcess[$0]! } : [backgroundAll]
        self.stepsPerEpoch = c.balance == .none
            ? (eligible.count + c.batchSize - 1) / c.batchSize
            : max(1, eligible.count / c.batchSize)
        self.low = (0..<p).map { j in Double(points.map { $0[j] }.min()!) }
        self.high = (0..<p).map { j in Double(points.map { $0[j] }.max()!) }
        let weightGroups = points.indices.map { (name: "signal at \(ParameterPoint.label(points[$0], names: names))\(unit)", rows: perPoint[$0]) }
            .filter { !$0.rows.isEmpty } + [(name: "background", rows: backgroundAll)]
        self.trainingWeight = try dataset.weight.map {
            try Self.trainingWeights($0, groups: weightGroups, policy: c.negativeWeights)
        }

        self.fixedPoint = Self.fixedBackgroundPoints(dataset, points: points, index: index, distribution: c.backgroundMass.distribution,
                                                     low: low, high: high, seed: seed)
    }

    /// The eligible events (signal at a training point, all background) in data set order,
    /// and the groups they are drawn from: all signal, all background, signal per training
    /// point and background per process.
    static func groups(_ dataset: EventDataset, index: PointIndex, points: Int)
        -> (eligible: [Int32], signal: [Int32], background: [Int32], perPoint: [[Int32]], perProcess: [UInt8: [Int32]]) {
        var eligible = [Int32](), signalAll = [Int32](), backgroundAll = [Int32]()
        var perPoint = [[Int32]](repeating: [], count: points)
        var perProcess = [UInt8: [Int32]]()
        for i in 0..<dataset.count {
            if dataset.label[i] == 1 {
                guard let k = index.find(dataset.mass, row: i) else { continue }
                signalAll.append(Int32(i))
                perPoint[k].append(Int32(i))
            } else {
                backgroundAll.append(Int32(i))
                perProcess[dataset.process[i], default: []].append(Int32(i))
            }
            eligible.append(Int32(i))
        }
        return (eligible, signalAll, backgroundAll, perPoint, perProcess)
    }

    /// Every event's parameters for the fixed background modes, drawn once per event from
    /// counter-based streams. Signal rows keep their own. Identical: a background event
    /// not at a training point gets one of the training points, drawn with equal chances;
    /// uniform: every background event gets each component uniform in [low, high] of the
    /// training points.
    static func fixedBackgroundPoints(_ dataset: EventDataset, points: [[Float]], index: PointIndex,
                                      distribution: BackgroundMassMode.Distribution, low: [Double], high: [Double],
                                      seed: UInt64) -> [Float] {
        let p = dataset.parameterCount
        var fixed = dataset.mass
        let identicalKey = RandomStream.key(seed: seed, purpose: .massSampling, index: 0)
        let uniformKey = RandomStream.key(seed: seed, purpose: .massSampling, index: 1)
        for i in 0..<dataset.count where dataset.label[i] == 0 {
            switch distribution {
            case .identical:
                if index.find(dataset.mass, row: i) == nil {
                    let k = drawIndex(SplitMix64.value(key: identicalKey, index: UInt64(i)), points.count)
                    for j in 0..<p { fixed[i * p + j] = points[k][j] }
                }
            case .uniform:
                for j in 0..<p {
                    fixed[i * p + j] = drawUniform(SplitMix64.value(key: uniformKey, index: UInt64(i * p + j)), low[j], high[j])
                }
            }
        }
        return fixed
    }

    /// Event weights for training: the policy applied, then each training point's signal
    /// scaled to mean weight 1 and the background likewise as a whole. The signal's
    /// normalisation per point is deliberate: a hypothesis's cross section is what a
    /// search measures, so physical signal weights would make the network serve the
    /// points with large cross sections and ignore the others; within a point, and
    /// between background processes, the weights keep their relative sizes. A group
    /// whose policy-applied weights sum to ≤ 0 cannot be trained on and is an error
    /// naming it.
    static func trainingWeights(_ given: [Float], groups: [(name: String, rows: [Int32])], policy: NegativeWeightPolicy) throws -> [Float] {
        var w = [Float](repeating: 0, count: given.count)
        for group in groups {
            var sum = 0.0
            for i in group.rows { sum += Double(policy.apply(given[Int(i)])) }
            guard sum > 0 else {
                throw DataError.invalidRequest("the \(group.name) events taking part in training have total weight \(sum) after the negative-weight policy '\(policy.rawValue)'; training needs a positive total (choose 'abs' or 'zero', or check the weight column)")
            }
            let factor = Double(group.rows.count) / sum
            for i in group.rows { w[Int(i)] = Float(Double(policy.apply(given[Int(i)])) * factor) }
        }
        return w
    }

    /// Index in 0..<n from 64 random bits (Lemire's multiply-high).
    @inline(__always)
    static func drawIndex(_ bits: UInt64, _ n: Int) -> Int {
        Int(bits.multipliedFullWidth(by: UInt64(n)).high)
    }

    @inline(__always)
    static func drawUniform(_ bits: UInt64, _ lo: Double, _ hi: Double) -> Float {
        Float(lo + (hi - lo) * SplitMix64.unitDouble(bits))
    }

    /// The events taking part in training (signal at the training points, all background),
    /// in data set order: what `bench data export` writes.
    public var eligibleEvents: [Int] { eligible.map { Int($0) } }

    /// The parameters (unscaled) event i has in every batch: its own point for signal, the
    /// fixed draw for background; nil for background in a sampled mode, whose point is
    /// drawn afresh for each batch row (`points(rows:globalStep:)`).
    public func fixedPoint(event i: Int) -> [Float]? {
        guard dataset.label[i] == 1 || configuration.backgroundMass.assignment == .fixed else { return nil }
        return Array(fixedPoint[(i * p)..<((i + 1) * p)])
    }

    /// The sample weight event i gets in every batch (1 for an unweighted data set).
    public func trainingWeight(event i: Int) -> Float { trainingWeight?[i] ?? 1 }

    /// Global step index t of (epoch, step).
    @inline(__always) public func globalStep(epoch: Int, step: Int) -> Int { epoch * stepsPerEpoch + step }

    /// Event indices of batch (epoch, step), in batch order.
    public func rows(epoch: Int, step: Int) -> [Int] {
        precondition(epoch >= 0 && step >= 0 && step < stepsPerEpoch, "step \(step) outside 0..<\(stepsPerEpoch)")
        let b = configuration.batchSize
        if configuration.balance == .none {
            if epochCache?.epoch != epoch {
                var order = eligible
                var stream = RandomStream(seed: seed, purpose: .shuffle, index: UInt64(epoch))
                stream.shuffle(&order)
                epochCache = (epoch, order)
            }
            let order = epochCache!.order
            return order[(step * b)..<min(order.count, (step + 1) * b)].map { Int($0) }
        }
        let t = globalStep(epoch: epoch, step: step)
        var rows = [Int]()
        rows.reserveCapacity(b)
        appendHalf(b / 2, groups: signalGroups, keyBase: 0, step: t, to: &rows)
        appendHalf(b - b / 2, groups: backgroundGroups, keyBase: 1 << 20, step: t, to: &rows)
        return rows
    }

    /// Rows of group k at step t when `half` rows are split over `groups.count` groups.
    @inline(__always)
    static func quota(_ half: Int, groups: Int, group k: Int, step t: Int) -> Int {
        half / groups + ((k - t % groups + groups) % groups < half % groups ? 1 : 0)
    }

    /// Rows group k received in steps 0..<t.
    static func consumed(_ half: Int, groups: Int, group k: Int, before t: Int) -> Int {
        let r = half % groups
        var extras = (t / groups) * r
        for j in 0..<(t % groups) where (k - j + groups) % groups < r { extras += 1 }
        return t * (half / groups) + extras
    }

    private func appendHalf(_ half: Int, groups: [[Int32]], keyBase: Int, step t: Int, to rows: inout [Int]) {
        for (k, group) in groups.enumerated() {
            let count = Self.quota(half, groups: groups.count, group: k, step: t)
            var position = Self.consumed(half, groups: groups.count, group: k, before: t)
            var remaining = count
            while remaining > 0 {
                // Take what is left of the current pass through the group, then the next.
                let order = permutation(of: group, key: keyBase + k, cycle: position / group.count)
                let offset = position % group.count
                let take = min(remaining, group.count - offset)
                for r in offset..<(offset + take) { rows.append(Int(order[r])) }
                position += take
                remaining -= take
            }
        }
    }

    private func permutation(of group: [Int32], key: Int, cycle: Int) -> [Int32] {
        if let cached = cycleCache[key], cached.cycle == cycle { return cached.order }
        var order = group
        var stream = RandomStream(seed: seed, purpose: .batchSampling, index: UInt64(key) << 40 | UInt64(cycle))
        stream.shuffle(&order)
        cycleCache[key] = (cycle, order)
        return order
    }

    /// Parameters (unscaled, row-major n × p) of each row of a batch at global step t.
    public func points(rows: [Int], globalStep t: Int) -> [Float] {
        let sampled = configuration.backgroundMass.assignment == .sampled
        let identical = configuration.backgroundMass.distribution == .identical
        let key = RandomStream.key(seed: seed, purpose: .massSampling, index: 2 + UInt64(t))
        var out = [Float](repeating: 0, count: rows.count * p)
        for (r, i) in rows.enumerated() {
            if dataset.label[i] == 1 || !sampled {
                for j in 0..<p { out[r * p + j] = fixedPoint[i * p + j] }
            } else if identical {
                let k = Self.drawIndex(SplitMix64.value(key: key, index: UInt64(r)), trainingPoints.count)
                for j in 0..<p { out[r * p + j] = trainingPoints[k][j] }
            } else {
                for j in 0..<p {
                    out[r * p + j] = Self.drawUniform(SplitMix64.value(key: key, index: UInt64(r * p + j)), low[j], high[j])
                }
            }
        }
        return out
    }

    /// Mass feature (GeV, not yet divided) of each row of a one-parameter batch at global step t.
    public func masses(rows: [Int], globalStep t: Int) -> [Float] {
        precondition(p == 1, "masses(rows:globalStep:) is for one-parameter data")
        return points(rows: rows, globalStep: t)
    }

    /// Fills the caller's buffers with batch (epoch, step) and resizes them to its row
    /// count, which it returns: `x` [n × F] features, `mass` [n × p] scaled parameters,
    /// `label` [n × 1] 1 or 0, `weight` [n × 1] sample weights (see the type). The
    /// matrices need capacity for `batchSize` rows only once; shrinking never reallocates.
    @discardableResult
    public func fill(x: Matrix, mass: Matrix, label: Matrix, weight: Matrix, epoch: Int, step: Int) -> Int {
        precondition(x.cols == dataset.featureCount && mass.cols == p && label.cols == 1 && weight.cols == 1,
                     "batch buffers must be [B × F], [B × p], [B × 1], [B × 1]")
        let rows = rows(epoch: epoch, step: step)
        let n = rows.count
        for m in [x, mass, label, weight] { m.resize(rows: n) }
        dataset.gatherFeatures(rows, into: x)
        let values = points(rows: rows, globalStep: globalStep(epoch: epoch, step: step))
        let scaling = dataset.parameterScaling
        for k in 0..<n {
            for j in 0..<p { mass.data[k * p + j] = scaling.apply(values[k * p + j], component: j) }
            label.data[k] = Float(dataset.label[rows[k]])
            weight.data[k] = trainingWeight?[rows[k]] ?? 1
        }
        return n
    }
}

/// Finds the training point of an event's parameters (exact equality).
struct PointIndex {
    private let single: [Float: Int]?
    private let multi: [[Float]: Int]?
    private let p: Int

    init(_ points: [[Float]]) {
        p = points.first?.count ?? 1
        if p == 1 {
            single = Dictionary(points.enumerated().map { ($0.element[0], $0.offset) }, uniquingKeysWith: { a, _ in a })
            multi = nil
        } else {
            single = nil
            multi = Dictionary(points.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Index of the point of row `i` of the row-major parameters, or nil.
    @inline(__always)
    func find(_ parameters: [Float], row i: Int) -> Int? {
        if let single { return single[parameters[i]] }
        return multi![Array(parameters[(i * p)..<((i + 1) * p)])]
    }
}
