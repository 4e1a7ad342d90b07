import PNNEngine

/// How many events of each kind a generated data set holds: signal at each mass, and
/// background whose (identical, fixed) mass feature is each signal mass.
///
/// - `balanced`: HEPMASS — half signal, half background; the signal split evenly over
///   the masses and the background masses likewise (every D_mi balanced, paper §3.1).
/// - `imbalanced`: HEPMASS-IMB ratios (paper §3.2, Table 1) — background : signal(500,
///   750, 1000, 1250, 1500) = 3.5M : 350k : 140k : 35k : 7k : 2k, i.e. 13 % signal and
///   a 175× spread between signal masses; background masses still split evenly, as
///   HEPMASS-IMB keeps HEPMASS's background unchanged.
///
/// Counts are apportioned by largest remainder, so they sum exactly to the requested
/// number of events.
public struct EventComposition: Equatable, Sendable {
    public let masses: [Float]
    /// Signal events at `masses[k]`.
    public let signal: [Int]
    /// Background events whose mass feature is `masses[k]`.
    public let background: [Int]

    public var total: Int { signal.reduce(0, +) + background.reduce(0, +) }

    public init(masses: [Float], signal: [Int], background: [Int]) {
        precondition(signal.count == masses.count && background.count == masses.count)
        self.masses = masses; self.signal = signal; self.background = background
    }

    /// HEPMASS-IMB's signal counts per mass and its background count.
    public static let imbalancedSignalCounts: [Int] = [350_000, 140_000, 35_000, 7_000, 2_000]
    public static let imbalancedBackgroundCount = 3_500_000
    /// HEPMASS-IMB's share of HEPMASS's 7M training events (4.034M, paper Table 1).
    public static let imbalancedShare = 4_034_000.0 / 7_000_000.0

    public static func balanced(events: Int, masses: [Float] = HEPMASSSchema.signalMasses) -> EventComposition {
        let weights = [Double](repeating: 1, count: 2 * masses.count)
        let counts = apportion(events, weights: weights)
        return EventComposition(masses: masses, signal: Array(counts[0..<masses.count]), background: Array(counts[masses.count...]))
    }

    public static func imbalanced(events: Int) -> EventComposition {
        let masses = HEPMASSSchema.signalMasses
        let perMassBackground = Double(imbalancedBackgroundCount) / Double(masses.count)
        let weights = imbalancedSignalCounts.map(Double.init) + [Double](repeating: perMassBackground, count: masses.count)
        let counts = apportion(events, weights: weights)
        return EventComposition(masses: masses, signal: Array(counts[0..<masses.count]), background: Array(counts[masses.count...]))
    }

    /// Integers proportional to `weights` summing to `total` (largest remainder; ties to
    /// the earlier entry).
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        var missing = total - counts.reduce(0, +)
        var k = 0
        while missing > 0 { counts[order[k % order.count]] += 1; missing -= 1; k += 1 }
        return counts
    }

    /// Kind of every event in a random order: kind k < M is signal at `masses[k]`, kind
    /// M + k is background with mass `masses[k]`. Shuffled with the `.shuffle` stream of
    /// `seed` at `index`, so the event order is a pure function of (seed, index).
    public func shuffledKinds(seed: UInt64, index: UInt64) -> [UInt8] {
        var kinds = [UInt8]()
        kinds.reserveCapacity(total)
        for (k, n) in signal.enumerated() { kinds += repeatElement(UInt8(k), count: n) }
        for (k, n) in background.enumerated() { kinds += repeatElement(UInt8(masses.count + k), count: n) }
        var stream = RandomStream(seed: seed, purpose: .shuffle, index: index)
        stream.shuffle(&kinds)
        return kinds
    }
}
