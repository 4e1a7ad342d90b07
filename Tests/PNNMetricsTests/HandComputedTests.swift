import Testing
@testable import PNNMetrics

/// Small cases whose every number can be checked on paper.
@Suite struct HandComputedTests {
    func metrics(signal: [Double], background: [Double],
                 signalWeights: [Double]? = nil, backgroundWeights: [Double]? = nil) throws -> ClassificationMetrics {
        let weights = signalWeights.map { $0 + (backgroundWeights ?? []) }
        return try ClassificationMetrics(scores: signal + background,
                                         labels: signal.map { _ in true } + background.map { _ in false },
                                         weights: weights)
    }

    @Test func perfectClassifier() throws {
        let m = try metrics(signal: [0.7, 0.9], background: [0.1, 0.3])
        #expect(m.rocAUC == 1)
        #expect(m.prAUC == 1)
        // Best cut keeps both signal events and no background: AMS = √2 = √s_max.
        #expect(abs(m.exact.ratio - 1) < 1e-15)
        #expect(m.exact.bestCut == 0.7)
        #expect(abs(m.binned.ratio - 1) < 1e-15)
        #expect(m.binned.bestCut == 0.7)  // highest edge that keeps 0.7
    }

    @Test func invertedClassifier() throws {
        let m = try metrics(signal: [0.1, 0.2], background: [0.8, 0.9])
        #expect(m.rocAUC == 0)
        // Thresholds 0.2: R = ½, P = ⅓; 0.1: R = 1, P = ½  →  AP = ½·⅓ + ½·½ = 5/12.
        #expect(abs(m.prAUC - 5.0 / 12) < 1e-15)
        // Keeping everything is best: s = b = s_max → 1/√2; cut at the lowest score.
        #expect(abs(m.exact.ratio - 0.5.squareRoot()) < 1e-15)
        #expect(m.exact.bestCut == 0.1)
        #expect(m.binned.bestCut == 0.1)  // the highest edge that still keeps every event
    }

    @Test func weightedTiesByHand() throws {
        // Signal (0.8, w 2), (0.5, w 1); background (0.5, w 1), (0.2, w 3).
        let m = try metrics(signal: [0.8, 0.5], background: [0.5, 0.2],
                            signalWeights: [2, 1], backgroundWeights: [1, 3])
        // Weighted pairs: 2·4 won + 1·3 won + 1·1 tied (½) = 11.5 of 3·4 = 12.
        #expect(abs(m.rocAUC - 23.0 / 24) < 1e-15)
        // 0.8: R = ⅔, P = 1; 0.5: R = 1, P = ¾  →  AP = ⅔ + ⅓·¾ = 11/12.
        #expect(abs(m.prAUC - 11.0 / 12) < 1e-15)
        #expect(m.distinctScores == 3)
        // AMS: 0.8 → 2/√2 = 1.414; 0.5 → 3/√4 = 1.5; 0.2 → 3/√7. σ = 1.5/√3.
        #expect(abs(m.exact.ratio - 1.5 / 3.0.squareRoot()) < 1e-15)
        #expect(m.exact.bestCut == 0.5)
        #expect(m.exact.signalAtBestCut == 3 && m.exact.backgroundAtBestCut == 1)
    }

    @Test func tiedScoresFormOneDiagonalSegment() throws {
        let sweep = ThresholdSweep(try RankedEvents(scores: [0.5, 0.5, 0.5, 0.5], labels: [true, false, true, false]))
        let roc = ROCCurve(sweep)
        #expect(roc.falsePositiveRate == [0, 1])
        #expect(roc.truePositiveRate == [0, 1])
        #expect(roc.area == 0.5)
    }

    /// Paper eq. 5: all signal kept together with an equal weight of background.
    @Test func keepingAllSignalWithEqualBackgroundGivesOneOverRootTwo() throws {
        // A constant classifier: 3 signal of weight 1, 6 background of weight ½ (Σ equal).
        let m = try metrics(signal: [0.5, 0.5, 0.5], background: Array(repeating: 0.5, count: 6),
                            signalWeights: [1, 1, 1], backgroundWeights: Array(repeating: 0.5, count: 6))
        #expect(abs(m.exact.ratio - 1 / 2.0.squareRoot()) < 1e-15)
        #expect(abs(m.binned.ratio - 1 / 2.0.squareRoot()) < 1e-15)
        #expect(m.exact.bestCut == 0.5)
        #expect(m.binned.bestCut == 0.5)  // every edge ≤ 0.5 keeps everything; the highest is reported
        #expect(m.rocAUC == 0.5)
        #expect(m.prAUC == 0.5)
        // Directly from the definition: s* = b* = s_max.
        let s = 3.0
        #expect(abs(SignificanceScan.ams(signal: s, background: s) / s.squareRoot() - 0.5.squareRoot()) < 1e-15)
    }

    @Test func randomScoresGiveChanceLevel() throws {
        var rng = SplitMix64Generator(seed: 42)
        let n = 200_000
        let scores = (0..<n).map { _ in Double(rng.next() >> 11) * 0x1p-53 }
        let labels = (0..<n).map { _ in rng.next() & 1 == 1 }
        let m = try ClassificationMetrics(scores: scores, labels: labels)
        #expect(abs(m.rocAUC - 0.5) < 0.01)
        #expect(abs(m.prAUC - 0.5) < 0.01)
        #expect(abs(m.exact.ratio - 0.5.squareRoot()) < 0.01)
    }

    @Test func negativeZeroTiesWithZero() throws {
        let m = try metrics(signal: [0.0], background: [-0.0])
        #expect(m.distinctScores == 1)
        #expect(m.rocAUC == 0.5)
    }

    @Test func zeroWeightEventsAreAbsent() throws {
        let with = try metrics(signal: [0.9, 0.4], background: [0.3, 0.95],
                               signalWeights: [1, 1], backgroundWeights: [1, 0])
        let without = try metrics(signal: [0.9, 0.4], background: [0.3])
        #expect(with == without)
    }
}
