/// Weighted, labelled scores validated once and ranked from the highest score to the
/// lowest, each class on its own: the common input of every threshold metric (ROC, PR, AMS).
///
/// The class of an event is the array it is stored in, not a property of its weight, so
/// weights may have either sign: NLO generators produce events with negative weights,
/// and the evaluation keeps their true signed sums (how each metric reads them:
/// `ThresholdSweep`, `ROCCurve`, `PrecisionRecallCurve`, `SignificanceScan`).
/// Rules, checked here once:
///
/// - every score and every weight must be finite (NaN or ±∞ is an error);
/// - events with weight 0 are dropped, as if they were absent: they change no sum, and
///   dropping them means they create no threshold either (scikit-learn does the same);
/// - both classes must keep at least one event, and each class's total weight
///   (s_max = Σ_signal w, b_max = Σ_background w) must be > 0, since every efficiency is
///   divided by it; a negative event weight is fine, a class summing to ≤ 0 is an error.
///
/// Ranking is stable, so events with equal scores keep their input order and every
/// cumulative sum is formed in one fixed, documented order. Ranking the classes apart
/// sorts the same number of events as ranking them together, and each class's sums are
/// formed in exactly the order they would be in one joint ranking.
public struct RankedEvents: Sendable {
    /// Signal scores, highest first, and their weights (never 0) in the same order.
    public let signalScores: [Double]
    public let signalWeights: [Double]
    /// Background scores, highest first, and their weights (never 0) in the same order.
    public let backgroundScores: [Double]
    public let backgroundWeights: [Double]
    /// s_max = Σ w over signal (> 0), summed in ranked order: s_max of the paper's eq. 4.
    public let totalSignalWeight: Double
    /// b_max = Σ w over background (> 0), summed in ranked order.
    public let totalBackgroundWeight: Double

    /// Number of signal and background events kept (weight ≠ 0).
    public var signalCount: Int { signalScores.count }
    public var backgroundCount: Int { backgroundScores.count }
    public var count: Int { signalScores.count + backgroundScores.count }

    /// Validates and ranks. `labels[i]` is `true` for signal; `weights` defaults to 1.
    ///
    /// - Throws: `MetricsError` for mismatched lengths, a non-finite score or weight,
    ///   no events, only one class, or a class whose total weight is ≤ 0.
    public init(scores: [Double], labels: [Bool], weights: [Double]? = nil) throws {
        guard scores.count == labels.count, weights.map({ $0.count == scores.count }) ?? true else {
            throw MetricsError.lengthMismatch(scores: scores.count, labels: labels.count, weights: weights?.count)
        }
        for (i, s) in scores.enumerated() where !s.isFinite {
            throw MetricsError.nonFiniteScore(index: i, value: s)
        }
        if let weights {
            for (i, w) in weights.enumerated() where !w.isFinite {
                throw MetricsError.invalidWeight(index: i, value: w)
            }
        }
        // Split by class in input order, keeping only events that carry weight.
        var signal: [Double] = [], background: [Double] = []
        var signalW: [Double] = [], backgroundW: [Double] = []
        if let weights {
            // Exact sizes first: four arrays reserved at n each would double the peak memory.
            var nS = 0, nB = 0
            for i in scores.indices where weights[i] != 0 { if labels[i] { nS += 1 } else { nB += 1 } }
            signal.reserveCapacity(nS); background.reserveCapacity(nB)
            signalW.reserveCapacity(nS); backgroundW.reserveCapacity(nB)
            for i in scores.indices where weights[i] != 0 {
                if labels[i] { signal.append(scores[i]); signalW.append(weights[i]) }
                else { background.append(scores[i]); backgroundW.append(weights[i]) }
            }
        } else {
            let nS = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
            signal.reserveCapacity(nS); background.reserveCapacity(scores.count - nS)
            for i in scores.indices {
                if labels[i] { signal.append(scores[i]) } else { background.append(scores[i]) }
            }
            signalW = [Double](repeating: 1, count: signal.count)
            backgroundW = [Double](repeating: 1, count: background.count)
        }
        if signal.isEmpty && background.isEmpty { throw MetricsError.emptyInput }
        if signal.isEmpty { throw MetricsError.singleClass(presentClass: .background, count: background.count) }
        if background.isEmpty { throw MetricsError.singleClass(presentClass: .signal, count: signal.count) }

        (signalScores, signalWeights) = Self.rank(signal, signalW)
        (backgroundScores, backgroundWeights) = Self.rank(background, backgroundW)
        // In ranked order, so that these are bit for bit the last sums of `ThresholdSweep`.
        totalSignalWeight = signalWeights.reduce(0, +)
        totalBackgroundWeight = backgroundWeights.reduce(0, +)
        guard totalSignalWeight > 0 else { throw MetricsError.nonPositiveTotalWeight(eventClass: .signal, total: totalSignalWeight) }
        guard totalBackgroundWeight > 0 else { throw MetricsError.nonPositiveTotalWeight(eventClass: .background, total: totalBackgroundWeight) }
    }

    /// Convenience for integer labels (1 = signal, 0 = background; anything else is an error).
    public init(scores: [Double], labels: [Int], weights: [Double]? = nil) throws {
        var flags = [Bool](repeating: false, count: labels.count)
        for (i, l) in labels.enumerated() {
            guard l == 0 || l == 1 else { throw MetricsError.invalidParameter("label #\(i) is \(l): labels must be 0 (background) or 1 (signal)") }
            flags[i] = l == 1
        }
        try self.init(scores: scores, labels: flags, weights: weights)
    }

    private static func rank(_ scores: [Double], _ weights: [Double]) -> (scores: [Double], payloads: [Double]) {
        scores.withUnsafeBufferPointer { s in
            weights.withUnsafeBufferPointer { DescendingScoreOrder.sort(scores: s, payloads: $0) }
        }
    }
}
