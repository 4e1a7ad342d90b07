import Testing
import PNNMetrics

/// Negative event weights (NLO generators): one hand-computed case per rule of the
/// definitions in `ThresholdSweep`, `ROCCurve`, `PrecisionRecallCurve`,
/// `SignificanceScan` and `RankedEvents`. Weights are small dyadic numbers, so every
/// sum is exact.
@Suite struct SignedWeightTests {
    func sweep(_ scores: [Double], _ labels: [Int], _ weights: [Double]) throws -> ThresholdSweep {
        ThresholdSweep(try RankedEvents(scores: scores, labels: labels, weights: weights))
    }

    func metrics(_ scores: [Double], _ labels: [Int], _ weights: [Double]) throws -> ClassificationMetrics {
        try ClassificationMetrics(scores: scores, labels: labels.map { $0 == 1 }, weights: weights)
    }

    /// A negative background weight makes b_t fall: the ROC curve steps left (below
    /// x = 0 here) and the area is still the trapezoid sum = the weighted pair sum.
    @Test func backgroundEfficiencyStepsBack() throws {
        // Signal (0.9, w 1), (0.5, w 1); background (0.8, w −1), (0.6, w 2), (0.1, w 1).
        let scores = [0.9, 0.8, 0.6, 0.5, 0.1], labels = [1, 0, 0, 1, 0], weights = [1.0, -1, 2, 1, 1]
        let s = try sweep(scores, labels, weights)
        #expect(s.signal == [1, 1, 1, 2, 2])
        #expect(s.background == [0, -1, 1, 1, 2])
        let roc = ROCCurve(s)
        #expect(roc.falsePositiveRate == [0, 0, -0.5, 0.5, 0.5, 1])
        #expect(roc.truePositiveRate == [0, 0.5, 0.5, 0.5, 1, 1])
        // Trapezoids: 0 − ¼ + ½ + 0 + ½ = ¾. Pairs: 1·(−1 + 2 + 1) + 1·1 = 3 of s_max·b_max = 4.
        #expect(roc.area == 0.75)
        #expect(try metrics(scores, labels, weights).rocAUC == 0.75)
    }

    /// A negative signal weight makes s_t fall, also below 0; scikit-learn gives the
    /// same area here (1.0: every signal event outranks every background event).
    @Test func signalEfficiencyStepsBack() throws {
        let scores = [0.9, 0.6, 0.5, 0.1], labels = [1, 1, 0, 0], weights = [-1.0, 3, 1, 1]
        let roc = ROCCurve(try sweep(scores, labels, weights))
        #expect(roc.truePositiveRate == [0, -0.5, 1, 1, 1])
        #expect(roc.falsePositiveRate == [0, 0, 0, 0.5, 1])
        #expect(roc.area == 1)
        let m = try metrics(scores, labels, weights)
        #expect(m.prAUC == 1)  // R: −½ (P 1), 1 (P 1): −½ + 3/2
        // AMS at 0.9 is 0 (s = −1 < 0); at 0.6 s = 2, b = 0: √2, so σ_ratio = √2/√2 = 1.
        #expect(abs(m.exact.ratio - 1) < 1e-15 && m.exact.bestCut == 0.6)
    }

    /// Precision leaves [0, 1] when the passing weights have mixed signs, and the
    /// average precision sums it as it is: here AP = 2, σ_ratio = √2 > 1.
    @Test func precisionAboveOneAndSignificanceAboveOne() throws {
        // Background (0.9, w −1), (0.1, w 3); signal (0.8, w 2). s_max = 2, b_max = 2.
        let scores = [0.9, 0.8, 0.1], labels = [0, 1, 0], weights = [-1.0, 2, 3]
        let pr = PrecisionRecallCurve(try sweep(scores, labels, weights))
        // 0.9: s 0, b −1 → P = 0/−1 = −0; 0.8: s 2, b −1 → P = 2; 0.1: s 2, b 2 → P = ½.
        #expect(pr.precision == [1, 0, 2, 0.5])
        #expect(pr.recall == [0, 0, 1, 1])
        #expect(pr.averagePrecision == 2)
        let m = try metrics(scores, labels, weights)
        #expect(m.prAUC == 2)
        #expect(m.rocAUC == 1.5)  // pairs: 2·3 won, 2·(−1) lost, of 2·2
        // Best cut 0.8: AMS = 2/√(2 − 1) = 2, σ_ratio = 2/√2 = √2.
        #expect(abs(m.exact.ratio - 2.0.squareRoot()) < 1e-15)
        #expect(m.exact.bestCut == 0.8)
        #expect(m.exact.signalAtBestCut == 2 && m.exact.backgroundAtBestCut == -1)
    }

    /// Where the passing weight s + b is exactly 0, precision is 0 (as in scikit-learn),
    /// not ±∞ or NaN, and AMS is 0, not +∞: that cut is never the best one.
    @Test func passingWeightZero() throws {
        // Signal (0.9, w 1), (0.5, w 1); background (0.8, w −1), (0.6, w 2), (0.1, w 1).
        let scores = [0.9, 0.8, 0.6, 0.5, 0.1], labels = [1, 0, 0, 1, 0], weights = [1.0, -1, 2, 1, 1]
        let pr = PrecisionRecallCurve(try sweep(scores, labels, weights))
        #expect(pr.precision == [1, 1, 0, 0.5, 2.0 / 3, 0.5])
        #expect(pr.averagePrecision == 0.5 + 0.5 * (2.0 / 3))
        #expect(SignificanceScan.ams(signal: 1, background: -1) == 0)
        let m = try metrics(scores, labels, weights)
        // AMS: 0.9 → 1; 0.8 → 0 (s + b = 0); 0.6 → 1/√2; 0.5 → 2/√3; 0.1 → 1.
        #expect(m.exact.bestCut == 0.5)
        #expect(abs(m.exact.ratio - (2.0 / 3).squareRoot()) < 1e-15)
    }

    /// A cut whose passing weight is negative has no AMS (√ of a negative number): it
    /// counts 0, so the best cut is one with a real AMS.
    @Test func negativePassingWeightIsNoCut() throws {
        // Background (0.9, w −3), (0.2, w 4); signal (0.8, w 1), (0.3, w 1).
        let m = try metrics([0.9, 0.8, 0.3, 0.2], [0, 1, 1, 0], [-3, 1, 1, 4])
        #expect(SignificanceScan.ams(signal: 2, background: -3) == 0)
        // 0.8: s 1, b −3; 0.3: s 2, b −3 — both no cut; 0.2: s 2, b 1 → 2/√3.
        #expect(m.exact.bestCut == 0.2)
        #expect(abs(m.exact.ratio - 2 / 3.0.squareRoot() / 2.0.squareRoot()) < 1e-15)
        #expect(m.binned.bestCut == 0.2)
    }

    /// The signed average precision may be negative; it is reported, not clipped to 0
    /// (scikit-learn returns max(0, AP) = 0 here).
    @Test func negativeAveragePrecisionIsReported() throws {
        // Signal (0.9, w −1), (0.1, w 2); background (0.5, w 3).
        let m = try metrics([0.9, 0.5, 0.1], [1, 0, 1], [-1, 3, 2])
        // 0.9: R −1, P (−1)/(−1) = 1; 0.5: R −1; 0.1: R 1, P 1/4  →  AP = −1 + 2·¼ = −½.
        #expect(m.prAUC == -0.5)
        #expect(m.rocAUC == -1)  // the only pair with a winner: (−1)·3, of s_max·b_max = 3
    }

    @Test func aClassWhoseWeightsSumToZeroOrLessIsAnError() {
        #expect(throws: MetricsError.nonPositiveTotalWeight(eventClass: .signal, total: 0)) {
            try RankedEvents(scores: [0.9, 0.5, 0.1], labels: [1, 1, 0], weights: [1, -1, 1])
        }
        #expect(throws: MetricsError.nonPositiveTotalWeight(eventClass: .background, total: -1)) {
            try RankedEvents(scores: [0.9, 0.5, 0.1], labels: [1, 0, 0], weights: [1, 1, -2])
        }
        let text = MetricsError.nonPositiveTotalWeight(eventClass: .background, total: -1).description
        #expect(text.contains("total background weight is -1.0") && text.contains("must be > 0"))
    }

    @Test func nonFiniteWeightsAreErrorsNegativeOnesAreNot() throws {
        #expect(throws: MetricsError.invalidWeight(index: 1, value: .infinity)) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [1, .infinity])
        }
        #expect(throws: MetricsError.invalidWeight(index: 0, value: -.infinity)) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [-.infinity, 1])
        }
        #expect(throws: MetricsError.self) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [1, .nan])
        }
        let events = try RankedEvents(scores: [0.1, 0.2, 0.3], labels: [true, false, false], weights: [1, -1, 3])
        #expect(events.backgroundWeights == [3, -1] && events.totalBackgroundWeight == 2)  // ranked: 0.3, 0.2
    }

    /// Zero weights are still dropped (and create no threshold) when others are negative.
    @Test func zeroWeightsAreDroppedNegativeOnesKept() throws {
        let events = try RankedEvents(scores: [0.9, 0.8, 0.7, 0.6], labels: [1, 0, 1, 0], weights: [2, 0, -1, 1])
        #expect(events.signalScores == [0.9, 0.7] && events.signalWeights == [2, -1])
        #expect(events.backgroundScores == [0.6] && events.backgroundCount == 1)
        #expect(ThresholdSweep(events).thresholds == [0.9, 0.7, 0.6])
    }

    /// The metrics read only the weight per class and threshold: an event of weight w
    /// split into events of weights w + a and −a at the same score changes nothing.
    @Test func cancellingPairsChangeNothing() throws {
        var rng = SplitMix64Generator(seed: 17)
        let n = 3000
        let scores = (0..<n).map { _ in Double(rng.next() % 200) / 200 }
        let labels = (0..<n).map { i in (Double(rng.next() % 100) / 100 + scores[i]) > 0.9 }
        let weights = (0..<n).map { _ in Double(1 + rng.next() % 8) / 4 }
        var splitScores = scores, splitLabels = labels, splitWeights = weights
        for i in stride(from: 0, to: n, by: 3) {
            let a = Double(1 + rng.next() % 4) / 2
            splitWeights[i] += a
            splitScores.append(scores[i]); splitLabels.append(labels[i]); splitWeights.append(-a)
        }
        let plain = try ClassificationMetrics(scores: scores, labels: labels, weights: weights)
        let split = try ClassificationMetrics(scores: splitScores, labels: splitLabels, weights: splitWeights)
        #expect(split.rocAUC == plain.rocAUC && split.prAUC == plain.prAUC)
        #expect(split.exact == plain.exact && split.binned == plain.binned)
        #expect(split.rocCurve == plain.rocCurve && split.prCurve == plain.prCurve)
        #expect(split.signalCount + split.backgroundCount == plain.signalCount + plain.backgroundCount + (n + 2) / 3)
    }

    /// With random signed weights (ROC non-monotone in both directions) the area equals
    /// the brute-force pair sum Σ w_i·w_j·([t_i > t_j] + ½[t_i = t_j]) / (s_max·b_max).
    @Test func rocAreaIsThePairSumWithRandomSignedWeights() throws {
        var rng = SplitMix64Generator(seed: 5)
        let n = 1200
        let scores = (0..<n).map { _ in Double(rng.next() % 50) / 50 }
        let labels = (0..<n).map { i in Double(rng.next() % 100) / 100 < 0.3 + 0.4 * scores[i] }
        let weights = (0..<n).map { _ in (rng.next() % 4 == 0 ? -1.0 : 1.0) * Double(1 + rng.next() % 16) / 8 }
        var pairs = 0.0, sMax = 0.0, bMax = 0.0
        for i in 0..<n where labels[i] {
            sMax += weights[i]
            for j in 0..<n where !labels[j] {
                let won = scores[i] > scores[j] ? 1.0 : (scores[i] == scores[j] ? 0.5 : 0)
                pairs += weights[i] * weights[j] * won
            }
        }
        for j in 0..<n where !labels[j] { bMax += weights[j] }
        let roc = ROCCurve(ThresholdSweep(try RankedEvents(scores: scores, labels: labels, weights: weights)))
        #expect(zip(roc.falsePositiveRate, roc.falsePositiveRate.dropFirst()).contains { $1 < $0 })
        #expect(zip(roc.truePositiveRate, roc.truePositiveRate.dropFirst()).contains { $1 < $0 })
        #expect(abs(roc.area - pairs / (sMax * bMax)) < 1e-12)
    }

    /// A bootstrap replicate can resample a class to a total ≤ 0 (here signal weights
    /// 3 and −2, resampled to −2 and −2 in about a quarter of the replicates): an error
    /// naming the replicate, not a replicate silently left out.
    @Test func bootstrapReplicateWithClassTotalBelowZeroIsAnError() throws {
        let events = try RankedEvents(scores: [0.9, 0.4, 0.5, 0.1], labels: [1, 1, 0, 0], weights: [3, -2, 1, 1])
        do {
            _ = try Bootstrap(replicates: 40, seed: 1).intervals(for: events)
            Issue.record("expected an error")
        } catch let MetricsError.inBootstrapReplicate(r, .nonPositiveTotalWeight(eventClass, total)) {
            #expect(r >= 0 && r < 40)
            #expect(eventClass == .signal && total == -4)
        }
        let text = MetricsError.inBootstrapReplicate(3, .nonPositiveTotalWeight(eventClass: .signal, total: -4)).description
        #expect(text.hasPrefix("bootstrap replicate 3: the total signal weight is -4.0"))
        // Negative weights alone are fine for the bootstrap when no replicate sums to ≤ 0.
        let robust = try RankedEvents(scores: [0.9, 0.8, 0.7, 0.6, 0.55, 0.45, 0.4, 0.3, 0.5, 0.1, 0.2, 0.35],
                                      labels: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
                                      weights: [1, 1, 1, 1, 1, 1, 1, -0.5, 1, 1, 1, 1])
        #expect(try Bootstrap(replicates: 20, seed: 1).intervals(for: robust).rocAUC.replicates == 20)
    }
}
