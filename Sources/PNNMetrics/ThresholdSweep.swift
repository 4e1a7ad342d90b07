/// Cumulative signal and background weight above every distinct threshold.
///
/// An event *passes* the cut t when its score is ≥ t (the convention of scikit-learn's
/// `roc_curve`). With the distinct scores t₀ > t₁ > … > t_{K−1}, point k holds
///
///     s_k = Σ_{signal, score ≥ t_k} w,   b_k = Σ_{background, score ≥ t_k} w,
///
/// so tied scores enter together and the sweep has exactly one point per distinct
/// threshold. The last point is "keep everything": s_{K−1} = s_max, b_{K−1} = b_max.
/// ROC, PR and AMS all read these three arrays.
public struct ThresholdSweep: Sendable {
    /// Distinct thresholds, decreasing.
    public let thresholds: [Double]
    /// s_k: signal weight passing threshold k (non-decreasing).
    public let signal: [Double]
    /// b_k: background weight passing threshold k (non-decreasing).
    public let background: [Double]

    public var count: Int { thresholds.count }
    /// s_max = Σ w over all signal.
    public var totalSignal: Double { signal[signal.count - 1] }
    /// b_max = Σ w over all background.
    public var totalBackground: Double { background[background.count - 1] }

    /// One left-to-right pass over the ranked events.
    ///
    /// `multiplicity`, if given, multiplies each ranked event's weight (a bootstrap
    /// replicate drawn with replacement is the same events counted 0, 1, 2, … times).
    public init(_ events: RankedEvents, multiplicity: [UInt32]? = nil) {
        let n = events.count
        var thresholds = [Double](); thresholds.reserveCapacity(n)
        var signal = [Double](); signal.reserveCapacity(n)
        var background = [Double](); background.reserveCapacity(n)
        events.scores.withUnsafeBufferPointer { score in
        events.signedWeights.withUnsafeBufferPointer { signed in
            func run(_ copies: UnsafeBufferPointer<UInt32>?) {
                var s = 0.0, b = 0.0
                var i = 0
                while i < n {
                    let t = score[i]
                    repeat {
                        var w = signed[i]
                        if let copies { w *= Double(copies[i]) }
                        // Branch-free: classes are interleaved at random in score order.
                        s += w > 0 ? w : 0
                        b -= w < 0 ? w : 0
                        i += 1
                    } while i < n && score[i] == t
                    thresholds.append(t); signal.append(s); background.append(b)
                }
            }
            if let multiplicity {
                precondition(multiplicity.count == n, "one multiplicity per ranked event")
                multiplicity.withUnsafeBufferPointer { run($0) }
            } else {
                run(nil)
            }
        } }
        self.thresholds = thresholds
        self.signal = signal
        self.background = background
    }
}
