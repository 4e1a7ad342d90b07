/// The weighted ROC curve and its area.
///
/// In HEP words: x = background efficiency ε_b(t) = b_t / b_max (the false-positive
/// rate), y = signal efficiency ε_s(t) = s_t / s_max (the true-positive rate), with
/// s_t, b_t the weights passing "score ≥ t" (see `ThresholdSweep`). There is one point
/// per distinct threshold, so tied scores form one diagonal segment, plus the origin
/// (nothing passes, threshold +∞). The area is the trapezoid sum over all points,
///
///     AUC = Σ_k (x_k − x_{k−1}) · (y_k + y_{k−1}) / 2,
///
/// which is the probability that a random signal event outranks a random background
/// event, ties counting ½, with weights — the same number as scikit-learn's
/// `roc_auc_score(y, score, sample_weight=w)`. Written over pairs,
///
///     AUC = Σ_{signal i} Σ_{background j} w_i·w_j·([t_i > t_j] + ½·[t_i = t_j]) / (s_max·b_max),
///
/// an identity of sums that holds for weights of either sign.
///
/// Negative weights: the points use the true signed sums, so x and y may step back
/// (a negative weight passing a cut lowers the efficiency) and leave [0, 1]; the curve
/// still runs from (0, 0) to (1, 1). The area is the same trapezoid sum over the points
/// in threshold order, segments that step back counting negatively, i.e. still the
/// pairwise sum above, which may then lie outside [0, 1]. scikit-learn 1.9.1 returns
/// this value whenever x never decreases (y may); when x decreases somewhere its
/// `roc_auc_score` raises ("x is neither increasing nor decreasing"), while this type
/// reports the pairwise value (`Tools/reference/README-metrics.md`).
public struct ROCCurve: Sendable {
    /// Background efficiency (false-positive rate), from 0 to 1 (monotone unless weights are negative).
    public let falsePositiveRate: [Double]
    /// Signal efficiency (true-positive rate), from 0 to 1 (monotone unless weights are negative).
    public let truePositiveRate: [Double]
    /// Threshold of each point; the first is +∞ (the origin), as in scikit-learn.
    public let thresholds: [Double]
    /// Area under the full (not downsampled) curve.
    public let area: Double

    public init(_ sweep: ThresholdSweep) {
        let k = sweep.count
        let sMax = sweep.totalSignal, bMax = sweep.totalBackground
        var x = [Double](repeating: 0, count: k + 1)
        var y = [Double](repeating: 0, count: k + 1)
        var t = [Double](repeating: .infinity, count: k + 1)
        var area = 0.0
        for i in 0..<k {
            x[i + 1] = sweep.background[i] / bMax
            y[i + 1] = sweep.signal[i] / sMax
            t[i + 1] = sweep.thresholds[i]
            area += (x[i + 1] - x[i]) * (y[i + 1] + y[i])
        }
        falsePositiveRate = x
        truePositiveRate = y
        thresholds = t
        self.area = area / 2
    }

    /// At most `maxPoints` points of the curve, for plots (x = ε_b, y = ε_s).
    public func downsampled(maxPoints: Int = 200) -> Curve {
        Curve(x: falsePositiveRate, y: truePositiveRate).downsampled(maxPoints: maxPoints)
    }

    /// The downsampled curve read from the sweep, without storing the full curve.
    static func downsampled(_ sweep: ThresholdSweep, maxPoints: Int) -> Curve {
        let sMax = sweep.totalSignal, bMax = sweep.totalBackground
        return Curve.downsampled(count: sweep.count + 1, maxPoints: maxPoints) { i in
            i == 0 ? (0, 0) : (sweep.background[i - 1] / bMax, sweep.signal[i - 1] / sMax)
        }
    }

    /// Area only, without materialising the curve (used by the bootstrap).
    static func area(_ sweep: ThresholdSweep) -> Double {
        let sMax = sweep.totalSignal, bMax = sweep.totalBackground
        var area = 0.0, x0 = 0.0, y0 = 0.0
        for i in 0..<sweep.count {
            let x = sweep.background[i] / bMax, y = sweep.signal[i] / sMax
            area += (x - x0) * (y + y0)
            x0 = x; y0 = y
        }
        return area / 2
    }
}
