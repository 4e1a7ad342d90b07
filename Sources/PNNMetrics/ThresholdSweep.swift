/// Cumulative signal and background weight above every distinct threshold.
///
/// An event *passes* the cut t when its score is ≥ t (the convention of scikit-learn's
/// `roc_curve`). With the distinct scores t₀ > t₁ > … > t_{K−1} of both classes, point k
/// holds
///
///     s_k = Σ_{signal, score ≥ t_k} w,   b_k = Σ_{background, score ≥ t_k} w,
///
/// so tied scores enter together and the sweep has exactly one point per distinct
/// threshold. The last point is "keep everything": s_{K−1} = s_max, b_{K−1} = b_max.
/// ROC, PR and AMS all read these three arrays.
///
/// The sums are the true signed sums: with non-negative weights s_k and b_k are
/// non-decreasing; with negative weights they may fall from one point to the next, and
/// may be negative or exceed s_max, b_max. Nothing is clipped or dropped here; each
/// metric says how it reads such points.
public struct ThresholdSweep: Sendable {
    /// Distinct thresholds, decreasing.
    public let thresholds: [Double]
    /// s_k: signal weight passing threshold k (non-decreasing when no weight is negative).
    public let signal: [Double]
    /// b_k: background weight passing threshold k (non-decreasing when no weight is negative).
    public let background: [Double]

    public var count: Int { thresholds.count }
    /// s_max = Σ w over all signal.
    public var totalSignal: Double { signal[signal.count - 1] }
    /// b_max = Σ w over all background.
    public var totalBackground: Double { background[background.count - 1] }

    /// One pass over both ranked classes, merged by score.
    ///
    /// `multiplicity`, if given, multiplies each ranked event's weight, one array per
    /// class in ranked order (a bootstrap replicate drawn with replacement is the same
    /// events counted 0, 1, 2, … times).
    public init(_ events: RankedEvents, multiplicity: (signal: [UInt32], background: [UInt32])? = nil) {
        let nS = events.signalCount, nB = events.backgroundCount
        var thresholds = [Double](); thresholds.reserveCapacity(nS + nB)
        var signal = [Double](); signal.reserveCapacity(nS + nB)
        var background = [Double](); background.reserveCapacity(nS + nB)
        events.signalScores.withUnsafeBufferPointer { sScore in
        events.signalWeights.withUnsafeBufferPointer { sWeight in
        events.backgroundScores.withUnsafeBufferPointer { bScore in
        events.backgroundWeights.withUnsafeBufferPointer { bWeight in
            func run(_ sCopies: UnsafeBufferPointer<UInt32>?, _ bCopies: UnsafeBufferPointer<UInt32>?) {
                var s = 0.0, b = 0.0
                var i = 0, j = 0
                var t = max(sScore[0], bScore[0])  // RankedEvents guarantees both classes
                // Both classes left: take the higher score. Branch-free, as the classes are
                // interleaved at random in score order; adding +0 to the other class's sum
                // changes no bit (a sum of non-zero weights started at +0 is never −0).
                while i < nS && j < nB {
                    let x = sScore[i], y = bScore[j]
                    let takeSignal = x >= y
                    let score = takeSignal ? x : y
                    if score != t { thresholds.append(t); signal.append(s); background.append(b); t = score }
                    var w = takeSignal ? sWeight[i] : bWeight[j]
                    if let sCopies, let bCopies { w *= Double(takeSignal ? sCopies[i] : bCopies[j]) }
                    s += takeSignal ? w : 0
                    b += takeSignal ? 0 : w
                    i += takeSignal ? 1 : 0
                    j += takeSignal ? 0 : 1
                }
                while i < nS {
                    if sScore[i] != t { thresholds.append(t); signal.append(s); background.append(b); t = sScore[i] }
                    var w = sWeight[i]
                    if let sCopies { w *= Double(sCopies[i]) }
                    s += w
                    i += 1
                }
                while j < nB {
                    if bScore[j] != t { thresholds.append(t); signal.append(s); background.append(b); t = bScore[j] }
                    var w = bWeight[j]
                    if let bCopies { w *= Double(bCopies[j]) }
                    b += w
                    j += 1
                }
                thresholds.append(t); signal.append(s); background.append(b)
            }
            if let multiplicity {
                precondition(multiplicity.signal.count == nS && multiplicity.background.count == nB,
                             "one multiplicity per ranked event")
                multiplicity.signal.withUnsafeBufferPointer { sc in
                    multiplicity.background.withUnsafeBufferPointer { run(sc, $0) }
                }
            } else {
                run(nil, nil)
            }
        } } } }
        self.thresholds = thresholds
        self.signal = signal
        self.background = background
    }
}
