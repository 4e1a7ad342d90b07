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
/// **Mass feature** (`BackgroundMassMode`, paper §4.2), written already divided by 1000
/// (paper §4.4): signal rows carry their own mass; background rows
/// - identical-fixed: the mass in the data (HEPMASS's own assignment) if it is a training
///   mass, otherwise one drawn once from the training masses;
/// - uniform-fixed: one drawn once from U(min M, max M) of the training masses M;
/// - …-sampled: a fresh draw for every batch row (`.massSampling` stream, index 2 + t).
/// Fixed draws use the `.massSampling` stream at index 0 (identical) or 1 (uniform),
/// position = event index. Event selection never reads the mass streams, so the fixed
/// and sampled variants of a mode select the same events and differ only in the
/// background rows' mass column.
///
/// Labels are 1/0 and weights are 1 (balancing is by sampling). Not thread-safe: one
/// sampler per training loop (it caches the current permutations).
public final class BatchSampler {
    public struct Configuration: Hashable, Sendable {
        public var batchSize: Int
        public var balance: BalanceMode
        public var backgroundMass: BackgroundMassMode
        /// Masses trained on (GeV); nil = all signal masses of the data set.
        public var trainingMasses: [Float]?

        public init(batchSize: Int = 1024, balance: BalanceMode = .none,
                    backgroundMass: BackgroundMassMode = .identicalFixed, trainingMasses: [Float]? = nil) {
            self.batchSize = batchSize
            self.balance = balance
            self.backgroundMass = backgroundMass
            self.trainingMasses = trainingMasses
        }
    }

    public let dataset: EventDataset
    public let configuration: Configuration
    public let seed: UInt64
    /// The masses signal is trained on and background masses are drawn from (sorted, GeV).
    public let trainingMasses: [Float]
    /// Batches per epoch (see the type's documentation for the rule).
    public let stepsPerEpoch: Int
    /// Events taking part in training (signal at training masses and all background).
    public let eligibleCount: Int

    private let eligible: [Int32]
    private let signalGroups: [[Int32]]
    private let backgroundGroups: [[Int32]]
    /// Fixed background masses (GeV) per event; signal entries hold the event's own mass.
    private let fixedMass: [Float]
    private var epochCache: (epoch: Int, order: [Int32])?
    private var cycleCache: [Int: (cycle: Int, order: [Int32])] = [:]

    public init(dataset: EventDataset, configuration: Configuration, seed: UInt64) throws {
        let c = configuration
        guard c.batchSize >= 2 else { throw DataError.invalidRequest("batch size \(c.batchSize): expected at least 2") }
        let masses = (c.trainingMasses ?? dataset.signalMasses).sorted()
        guard !masses.isEmpty else { throw DataError.invalidRequest("no training masses") }
        for m in masses where !dataset.signalMasses.contains(m) {
            throw DataError.invalidRequest("training mass \(format(m)) GeV is not a signal mass of the data set (\(dataset.signalMasses.map(format).joined(separator: ", ")))")
        }
        self.dataset = dataset
        self.configuration = c
        self.seed = seed
        self.trainingMasses = masses

        let isTrainingMass = Set(masses)
        var eligible = [Int32](), signalAll = [Int32](), backgroundAll = [Int32]()
        var perMass = [[Int32]](repeating: [], count: masses.count)
        var perProcess = [UInt8: [Int32]]()
        for i in 0..<dataset.count {
            if dataset.label[i] == 1 {
                guard isTrainingMass.contains(dataset.mass[i]) else { continue }
                signalAll.append(Int32(i))
                perMass[masses.firstIndex(of: dataset.mass[i])!].append(Int32(i))
            } else {
                backgroundAll.append(Int32(i))
                perProcess[dataset.process[i], default: []].append(Int32(i))
            }
            eligible.append(Int32(i))
        }
        guard !signalAll.isEmpty, !backgroundAll.isEmpty else {
            throw DataError.invalidRequest("training needs signal at the training masses and background; got \(signalAll.count) signal and \(backgroundAll.count) background events")
        }
        if c.balance.balancesSignal, let k = perMass.firstIndex(where: \.isEmpty) {
            throw DataError.invalidRequest("signal balancing: no signal events at \(format(masses[k])) GeV")
        }
        self.eligible = eligible
        self.eligibleCount = eligible.count
        self.signalGroups = c.balance.balancesSignal ? perMass : [signalAll]
        self.backgroundGroups = c.balance.balancesBackground ? perProcess.keys.sorted().map { perProcess[$0]! } : [backgroundAll]
        self.stepsPerEpoch = c.balance == .none
            ? (eligible.count + c.batchSize - 1) / c.batchSize
            : max(1, eligible.count / c.batchSize)

        // Fixed background masses, drawn once per event from counter-based streams.
        var fixed = dataset.mass
        let identicalKey = RandomStream.key(seed: seed, purpose: .massSampling, index: 0)
        let uniformKey = RandomStream.key(seed: seed, purpose: .massSampling, index: 1)
        for i in 0..<dataset.count where dataset.label[i] == 0 {
            switch c.backgroundMass.distribution {
            case .identical:
                if !isTrainingMass.contains(dataset.mass[i]) {
                    fixed[i] = Self.drawIdentical(SplitMix64.value(key: identicalKey, index: UInt64(i)), masses)
                }
            case .uniform:
                fixed[i] = Self.drawUniform(SplitMix64.value(key: uniformKey, index: UInt64(i)), masses)
            }
        }
        self.fixedMass = fixed
    }

    @inline(__always)
    static func drawIdentical(_ bits: UInt64, _ masses: [Float]) -> Float {
        masses[Int(bits.multipliedFullWidth(by: UInt64(masses.count)).high)]
    }

    @inline(__always)
    static func drawUniform(_ bits: UInt64, _ masses: [Float]) -> Float {
        let lo = Double(masses.first!), hi = Double(masses.last!)
        return Float(lo + (hi - lo) * SplitMix64.unitDouble(bits))
    }

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

    /// Mass feature (GeV, not yet divided) of each row of a batch at global step t.
    public func masses(rows: [Int], globalStep t: Int) -> [Float] {
        let sampled = configuration.backgroundMass.assignment == .sampled
        let key = RandomStream.key(seed: seed, purpose: .massSampling, index: 2 + UInt64(t))
        return rows.enumerated().map { r, i in
            if dataset.label[i] == 1 || !sampled { return fixedMass[i] }
            let bits = SplitMix64.value(key: key, index: UInt64(r))
            return configuration.backgroundMass.distribution == .identical
                ? Self.drawIdentical(bits, trainingMasses) : Self.drawUniform(bits, trainingMasses)
        }
    }

    /// Fills the caller's buffers with batch (epoch, step) and resizes them to its row
    /// count, which it returns: `x` [n × 27] features, `mass` [n × 1] mass / 1000,
    /// `label` [n × 1] 1 or 0, `weight` [n × 1] sample weights (1). The matrices need
    /// capacity for `batchSize` rows only once; shrinking never reallocates.
    @discardableResult
    public func fill(x: Matrix, mass: Matrix, label: Matrix, weight: Matrix, epoch: Int, step: Int) -> Int {
        precondition(x.cols == HEPMASSSchema.featureCount && mass.cols == 1 && label.cols == 1 && weight.cols == 1,
                     "batch buffers must be [B × 27], [B × 1], [B × 1], [B × 1]")
        let rows = rows(epoch: epoch, step: step)
        let n = rows.count
        for m in [x, mass, label, weight] { m.resize(rows: n) }
        dataset.gatherFeatures(rows, into: x)
        let masses = masses(rows: rows, globalStep: globalStep(epoch: epoch, step: step))
        for k in 0..<n {
            mass.data[k] = masses[k] / HEPMASSSchema.massScale
            label.data[k] = Float(dataset.label[rows[k]])
            weight.data[k] = 1
        }
        return n
    }
}
