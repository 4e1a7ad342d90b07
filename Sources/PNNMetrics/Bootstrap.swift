/// Seeded bootstrap confidence intervals for ROC-AUC, PR-AUC and σ_ratio.
///
/// Each replicate resamples **within each class**: n_sig signal events drawn with
/// replacement from the signal and n_bkg from the background. Keeping the class counts
/// fixed keeps the evaluation's Σw_bkg = Σw_sig balance (exactly, with equal weights
/// inside a class) and never produces a one-class replicate. The weights of the
/// events (already scaled by the per-mass protocol) are carried along.
///
/// A replicate is the original events each counted c_i = 0, 1, 2, … times, so the
/// scores never need re-sorting: one O(n) pass with weights c_i·w_i over the ranked
/// events per replicate. Replicate r draws from `SplitMix64Generator` seeded with
/// mix(seed ⊕ mix(r + 1)): the intervals are a pure function of (events, seed), and
/// replicates could run in any order.
///
/// With negative weights a replicate's class total can be ≤ 0 even though the original
/// one is not; such a replicate has no metrics (every efficiency divides by the total),
/// so it is an error naming the replicate, not a value silently left out.
public struct Bootstrap: Sendable {
    public var replicates: Int
    /// Confidence level of the percentile intervals, e.g. 0.95 (2.5 % and 97.5 % quantiles).
    public var confidence: Double
    public var seed: UInt64

    public init(replicates: Int = 200, confidence: Double = 0.95, seed: UInt64 = 1) {
        self.replicates = replicates
        self.confidence = confidence
        self.seed = seed
    }

    /// Intervals of the four headline metrics.
    public struct Intervals: Codable, Equatable, Sendable {
        public let rocAUC: BootstrapInterval
        public let prAUC: BootstrapInterval
        public let sigmaRatio: BootstrapInterval
        public let sigmaRatioBinned: BootstrapInterval
    }

    public func intervals(for events: RankedEvents, bins: Int = PaperProtocol.significanceBins) throws -> Intervals {
        guard replicates >= 2 else { throw MetricsError.invalidParameter("the bootstrap needs at least 2 replicates (got \(replicates))") }
        guard confidence > 0 && confidence < 1 else { throw MetricsError.invalidParameter("the confidence level must lie in (0, 1) (got \(confidence))") }
        let nS = events.signalCount, nB = events.backgroundCount
        var auc = [Double](), ap = [Double](), sigma = [Double](), sigmaBinned = [Double]()
        var signalCopies = [UInt32](repeating: 0, count: nS)
        var backgroundCopies = [UInt32](repeating: 0, count: nB)
        for r in 0..<replicates {
            var rng = SplitMix64Generator(seed: SplitMix64Generator.mix(seed ^ SplitMix64Generator.mix(UInt64(r) &+ 1)))
            for i in signalCopies.indices { signalCopies[i] = 0 }
            for i in backgroundCopies.indices { backgroundCopies[i] = 0 }
            for _ in 0..<nS { signalCopies[rng.index(below: nS)] += 1 }
            for _ in 0..<nB { backgroundCopies[rng.index(below: nB)] += 1 }
            let sweep = ThresholdSweep(events, multiplicity: (signalCopies, backgroundCopies))
            if !(sweep.totalSignal > 0) {
                throw MetricsError.inBootstrapReplicate(r, .nonPositiveTotalWeight(eventClass: .signal, total: sweep.totalSignal))
            }
            if !(sweep.totalBackground > 0) {
                throw MetricsError.inBootstrapReplicate(r, .nonPositiveTotalWeight(eventClass: .background, total: sweep.totalBackground))
            }
            auc.append(ROCCurve.area(sweep))
            ap.append(PrecisionRecallCurve.averagePrecision(sweep))
            sigma.append(SignificanceScan.exact(sweep).ratio)
            sigmaBinned.append(try SignificanceScan.binned(sweep, bins: bins).ratio)
        }
        return Intervals(rocAUC: BootstrapInterval(values: auc, confidence: confidence),
                         prAUC: BootstrapInterval(values: ap, confidence: confidence),
                         sigmaRatio: BootstrapInterval(values: sigma, confidence: confidence),
                         sigmaRatioBinned: BootstrapInterval(values: sigmaBinned, confidence: confidence))
    }
}
