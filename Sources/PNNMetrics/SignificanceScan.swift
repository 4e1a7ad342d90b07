/// The paper's significance ratio σ_ratio and best cut t* (Anzalone et al. 2022, eq. 3–5).
///
/// For a cut t (an event passes when its score is ≥ t) with passing weights s_t, b_t:
///
///     AMS(t)  = s_t / √(s_t + b_t)                                         (eq. 3)
///     t*      = argmax_t AMS(t)                                             (best cut)
///     σ_ratio = max_t AMS(t) / (s_max / √s_max) = max_t AMS(t) / √s_max     (eq. 4)
///
/// s_max = Σ w over all signal: the AMS of a perfect cut (s_t = s_max, b_t = 0) is
/// √s_max, so σ_ratio ∈ [0, 1] does not scale with the number of events. Keeping all
/// signal with an equal weight of background gives 1/√2 ≈ 0.707 (eq. 5), the value of
/// a classifier that separates nothing once Σw_bkg = Σw_sig.
///
/// Two scans of t:
/// - `exact`: every distinct score is a candidate cut.
/// - `binned(bins)`: the paper's published numbers: the score range [0, 1] split into
///   `bins` equal bins, cuts at the lower bin edges e_j = j / bins, j = 0 … bins−1
///   (e_j computed as the correctly rounded quotient, so a score written "0.06" passes the
///   cut at edge 0.06). This equals histogramming the scores and summing bins from the top.
///   Scores below 0 count in the first bin and scores ≥ 1 in the last (the cut at
///   e_0 = 0 keeps everything). Its cuts are a subset of the exact ones, so for scores
///   in [0, 1] binned σ_ratio ≤ exact σ_ratio.
///
/// When several cuts reach the same maximum, the highest cut is reported.
///
/// Negative weights: s_t, b_t and s_max are the true signed sums. AMS(t) is taken as 0
/// where the formula has no real value or no meaning, i.e. unless s_t > 0 and
/// s_t + b_t > 0; such a cut is never the best one, because the cut keeping everything
/// has s_max > 0 and s_max + b_max > 0 (`RankedEvents` requires both totals > 0) and so
/// a positive AMS. The bounds above need non-negative weights: a cut can pass more than
/// s_max (negative signal weight below it) or a negative b_t, so σ_ratio can exceed 1.
public struct SignificanceScan: Codable, Equatable, Sendable {
    /// σ_ratio = max AMS / √s_max, in [0, 1] when no weight is negative.
    public let ratio: Double
    /// t*: events with score ≥ t* are kept.
    public let bestCut: Double
    /// max_t AMS(t) in the units of the weights.
    public let maxAMS: Double
    /// s* and b*: signal and background weight kept by the best cut.
    public let signalAtBestCut: Double
    public let backgroundAtBestCut: Double

    /// AMS(t) = s / √(s + b); 0 unless s > 0 and s + b > 0 (nothing passes, or, with
    /// negative weights, a passing weight whose root or sign is meaningless).
    @inlinable
    public static func ams(signal s: Double, background b: Double) -> Double {
        s > 0 && s + b > 0 ? s / (s + b).squareRoot() : 0
    }

    /// Scan of every distinct threshold.
    public static func exact(_ sweep: ThresholdSweep) -> SignificanceScan {
        var best = -1.0, bestIndex = 0
        for k in 0..<sweep.count {
            let a = ams(signal: sweep.signal[k], background: sweep.background[k])
            if a > best { best = a; bestIndex = k }
        }
        return SignificanceScan(maxAMS: best, cut: sweep.thresholds[bestIndex],
                                s: sweep.signal[bestIndex], b: sweep.background[bestIndex],
                                sMax: sweep.totalSignal)
    }

    /// Scan of the lower edges of `bins` equal bins on [0, 1] (the paper's 50 by default).
    public static func binned(_ sweep: ThresholdSweep, bins: Int = PaperProtocol.significanceBins) throws -> SignificanceScan {
        guard bins >= 1 else { throw MetricsError.invalidParameter("the number of bins must be ≥ 1 (got \(bins))") }
        var best = -1.0, bestCut = 0.0, bestS = 0.0, bestB = 0.0
        var passing = -1  // index of the last sweep point with threshold ≥ the current edge
        // From the highest edge down, so that ties go to the highest cut.
        for j in stride(from: bins - 1, through: 0, by: -1) {
            let s: Double, b: Double
            if j == 0 {
                s = sweep.totalSignal; b = sweep.totalBackground
            } else {
                let edge = Double(j) / Double(bins)
                while passing + 1 < sweep.count && sweep.thresholds[passing + 1] >= edge { passing += 1 }
                s = passing >= 0 ? sweep.signal[passing] : 0
                b = passing >= 0 ? sweep.background[passing] : 0
            }
            let a = ams(signal: s, background: b)
            if a > best { best = a; bestCut = Double(j) / Double(bins); bestS = s; bestB = b }
        }
        return SignificanceScan(maxAMS: best, cut: bestCut, s: bestS, b: bestB, sMax: sweep.totalSignal)
    }

    private init(maxAMS: Double, cut: Double, s: Double, b: Double, sMax: Double) {
        self.maxAMS = maxAMS
        self.ratio = maxAMS / sMax.squareRoot()
        self.bestCut = cut
        self.signalAtBestCut = s
        self.backgroundAtBestCut = b
    }
}
