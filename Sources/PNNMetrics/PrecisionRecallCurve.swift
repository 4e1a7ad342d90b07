/// The weighted precision–recall curve and its area as **average precision**.
///
/// Recall R_k = s_k / s_max is the signal efficiency, precision P_k = s_k / (s_k + b_k)
/// the purity of the events passing "score ≥ t_k" (one point per distinct threshold,
/// see `ThresholdSweep`). The area reported is scikit-learn's `average_precision_score`
/// definition, a step-wise sum without interpolation,
///
///     AP = Σ_k (R_k − R_{k−1}) · P_k,   R_{−1} = 0,
///
/// not the trapezoid area under the PR curve (which is optimistic for PR curves).
/// The stored curve starts with the point (R = 0, P = 1) at threshold +∞, like
/// scikit-learn's `precision_recall_curve` read backwards.
///
/// Negative weights: R_k and P_k use the true signed sums. R may step back and leave
/// [0, 1]; P leaves [0, 1] when the passing weights have mixed signs (e.g. s = 2,
/// b = −1 gives P = 2). Where the passing weight s_k + b_k is exactly 0, P_k is
/// defined as 0, as scikit-learn does (its step then adds nothing to AP). AP is the
/// same signed sum, steps where R falls counting negatively, so it may leave [0, 1];
/// it is reported as it is. scikit-learn 1.9.1 gives the same sum but returns
/// max(0, AP), so the two differ exactly when the sum is negative — a clip meant for a
/// rounding −0.0 that would hide a negative result here (`Tools/reference/README-metrics.md`).
public struct PrecisionRecallCurve: Sendable {
    /// Recall (signal efficiency), from 0 to 1 (non-decreasing unless weights are negative).
    public let recall: [Double]
    /// Precision (purity), in [0, 1] unless weights are negative.
    public let precision: [Double]
    /// Threshold of each point; the first is +∞.
    public let thresholds: [Double]
    /// Average precision over the full curve.
    public let averagePrecision: Double

    public init(_ sweep: ThresholdSweep) {
        let k = sweep.count
        let sMax = sweep.totalSignal
        var r = [Double](repeating: 0, count: k + 1)
        var p = [Double](repeating: 1, count: k + 1)
        var t = [Double](repeating: .infinity, count: k + 1)
        var ap = 0.0
        for i in 0..<k {
            let s = sweep.signal[i], b = sweep.background[i]
            r[i + 1] = s / sMax
            p[i + 1] = Self.precision(s, b)
            t[i + 1] = sweep.thresholds[i]
            ap += (r[i + 1] - r[i]) * p[i + 1]
        }
        recall = r
        precision = p
        thresholds = t
        averagePrecision = ap
    }

    /// At most `maxPoints` points of the curve, for plots (x = recall, y = precision).
    public func downsampled(maxPoints: Int = 200) -> Curve {
        Curve(x: recall, y: precision).downsampled(maxPoints: maxPoints)
    }

    /// The downsampled curve read from the sweep, without storing the full curve.
    static func downsampled(_ sweep: ThresholdSweep, maxPoints: Int) -> Curve {
        let sMax = sweep.totalSignal
        return Curve.downsampled(count: sweep.count + 1, maxPoints: maxPoints) { i in
            if i == 0 { return (0, 1) }
            let s = sweep.signal[i - 1], b = sweep.background[i - 1]
            return (s / sMax, Self.precision(s, b))
        }
    }

    /// Average precision only, without materialising the curve (used by the bootstrap).
    static func averagePrecision(_ sweep: ThresholdSweep) -> Double {
        let sMax = sweep.totalSignal
        var ap = 0.0, r0 = 0.0
        for i in 0..<sweep.count {
            let s = sweep.signal[i], b = sweep.background[i]
            let r = s / sMax
            if r != r0 { ap += (r - r0) * Self.precision(s, b) }
            r0 = r
        }
        return ap
    }

    /// P = s / (s + b), and 0 where s + b = 0 (only possible with negative weights).
    @inline(__always)
    static func precision(_ s: Double, _ b: Double) -> Double {
        let passing = s + b
        return passing != 0 ? s / passing : 0
    }
}
