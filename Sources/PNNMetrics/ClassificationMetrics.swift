/// Every metric of the paper's section 6.1 for one set of weighted, labelled scores:
/// ROC-AUC, PR-AUC (average precision), σ_ratio and best cut in exact and binned mode,
/// and downsampled curves for plots.
///
/// Weights may be negative (NLO event weights); each metric's definition with signed
/// weights is given in `ROCCurve`, `PrecisionRecallCurve` and `SignificanceScan`.
///
/// Cost: one O(n) radix sort (`RankedEvents`) and one pass for the cumulative weights
/// (`ThresholdSweep`); the three metrics then read the sweep. Memory is linear in n.
public struct ClassificationMetrics: Codable, Equatable, Sendable {
    /// Area under the weighted ROC curve (trapezoids; equals scikit-learn's `roc_auc_score`).
    public let rocAUC: Double
    /// Average precision, scikit-learn's `average_precision_score` (see `PrecisionRecallCurve`).
    public let prAUC: Double
    /// σ_ratio and best cut over every distinct score.
    public let exact: SignificanceScan
    /// σ_ratio and best cut over the lower edges of `bins` equal bins on [0, 1].
    public let binned: SignificanceScan
    public let bins: Int
    /// Events with non-zero weight, per class, and their total weights (s_max, b_max > 0).
    public let signalCount: Int
    public let backgroundCount: Int
    public let signalWeight: Double
    public let backgroundWeight: Double
    /// Number of distinct scores (= points of the full curves, minus the origin).
    public let distinctScores: Int
    /// Events whose score lies outside [0, 1]: the binned scan puts them in the end bins.
    public let scoresOutsideUnitInterval: Int
    /// ROC curve (x = background efficiency, y = signal efficiency), downsampled.
    public let rocCurve: Curve
    /// PR curve (x = recall, y = precision), downsampled.
    public let prCurve: Curve

    /// - Parameters:
    ///   - bins: bins of the binned σ_ratio scan (the paper's by default).
    ///   - curvePoints: maximum points kept per plotted curve (0 keeps none).
    public init(_ events: RankedEvents, bins: Int = PaperProtocol.significanceBins,
                curvePoints: Int = PaperProtocol.curvePoints) throws {
        let sweep = ThresholdSweep(events)
        // Areas straight from the sweep: the full curves (millions of points) are never stored.
        rocAUC = ROCCurve.area(sweep)
        prAUC = PrecisionRecallCurve.averagePrecision(sweep)
        exact = SignificanceScan.exact(sweep)
        binned = try SignificanceScan.binned(sweep, bins: bins)
        self.bins = bins
        signalCount = events.signalCount
        backgroundCount = events.backgroundCount
        signalWeight = sweep.totalSignal
        backgroundWeight = sweep.totalBackground
        distinctScores = sweep.count
        // Scores are sorted: count from both ends of each class.
        var outside = 0
        for scores in [events.signalScores, events.backgroundScores] {
            for s in scores { if s > 1 { outside += 1 } else { break } }
            for s in scores.reversed() { if s < 0 { outside += 1 } else { break } }
        }
        scoresOutsideUnitInterval = outside
        rocCurve = curvePoints > 0 ? ROCCurve.downsampled(sweep, maxPoints: curvePoints) : Curve(x: [], y: [])
        prCurve = curvePoints > 0 ? PrecisionRecallCurve.downsampled(sweep, maxPoints: curvePoints) : Curve(x: [], y: [])
    }

    /// Convenience: validate, rank and evaluate in one call (`labels[i]` true = signal).
    public init(scores: [Double], labels: [Bool], weights: [Double]? = nil,
                bins: Int = PaperProtocol.significanceBins, curvePoints: Int = PaperProtocol.curvePoints) throws {
        try self.init(RankedEvents(scores: scores, labels: labels, weights: weights),
                      bins: bins, curvePoints: curvePoints)
    }
}
