/// Weighted, labelled scores validated once and ranked from the highest score to the
/// lowest: the common input of every threshold metric (ROC, PR, AMS).
///
/// Events with weight 0 are dropped here, as if they were absent: they change no sum,
/// and dropping them means they create no threshold either (scikit-learn does the same).
/// Ranking is stable, so events with equal scores keep their input order and every
/// cumulative sum is formed in one fixed, documented order.
public struct RankedEvents: Sendable {
    /// Scores, highest first.
    public let scores: [Double]
    /// Class and weight in one number, in the same order: +w for signal, −w for
    /// background (every kept w is > 0, so the sign is never ambiguous).
    public let signedWeights: [Double]
    /// Σ w over signal events: s_max of the paper's eq. 4.
    public let totalSignalWeight: Double
    /// Σ w over background events: b_max.
    public let totalBackgroundWeight: Double
    /// Number of signal and background events kept (weight > 0).
    public let signalCount: Int
    public let backgroundCount: Int

    public var count: Int { scores.count }

    /// Weight of the i-th ranked event (> 0).
    @inlinable public func weight(at i: Int) -> Double { abs(signedWeights[i]) }
    /// Whether the i-th ranked event is signal.
    @inlinable public func isSignal(at i: Int) -> Bool { signedWeights[i] > 0 }

    /// Validates and ranks. `labels[i]` is `true` for signal; `weights` defaults to 1.
    ///
    /// - Throws: `MetricsError` for mismatched lengths, a non-finite score, a negative or
    ///   non-finite weight, no events, or only one class.
    public init(scores: [Double], labels: [Bool], weights: [Double]? = nil) throws {
        guard scores.count == labels.count, weights.map({ $0.count == scores.count }) ?? true else {
            throw MetricsError.lengthMismatch(scores: scores.count, labels: labels.count, weights: weights?.count)
        }
        for (i, s) in scores.enumerated() where !s.isFinite {
            throw MetricsError.nonFiniteScore(index: i, value: s)
        }
        if let weights {
            for (i, w) in weights.enumerated() where !(w >= 0 && w.isFinite) {
                throw MetricsError.invalidWeight(index: i, value: w)
            }
        }
        // Keep only events that carry weight.
        var kept: [Double]
        var keptLabels: [Bool]
        var keptWeights: [Double]
        if let weights, weights.contains(0) {
            kept = []; keptLabels = []; keptWeights = []
            kept.reserveCapacity(scores.count); keptLabels.reserveCapacity(scores.count); keptWeights.reserveCapacity(scores.count)
            for i in scores.indices where weights[i] > 0 {
                kept.append(scores[i]); keptLabels.append(labels[i]); keptWeights.append(weights[i])
            }
        } else {
            kept = scores; keptLabels = labels
            keptWeights = weights ?? [Double](repeating: 1, count: scores.count)
        }
        guard !kept.isEmpty else { throw MetricsError.emptyInput }

        // Payload: +w for signal, −w for background (w > 0 here), so that one array
        // carries both and travels inside the sort.
        var signed = keptWeights
        var sumS = 0.0, sumB = 0.0, nS = 0
        for i in signed.indices {
            if keptLabels[i] { sumS += signed[i]; nS += 1 } else { sumB += signed[i]; signed[i] = -signed[i] }
        }
        let n = kept.count
        if nS == 0 { throw MetricsError.singleClass(presentClass: .background, count: n) }
        if nS == n { throw MetricsError.singleClass(presentClass: .signal, count: n) }
        let sorted = kept.withUnsafeBufferPointer { k in
            signed.withUnsafeBufferPointer { DescendingScoreOrder.sort(scores: k, payloads: $0) }
        }
        self.scores = sorted.scores
        self.signedWeights = sorted.payloads
        self.totalSignalWeight = sumS
        self.totalBackgroundWeight = sumB
        self.signalCount = nS
        self.backgroundCount = n - nS
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
}
