import PNNMetrics
import Testing
@testable import PNNBench

/// The significance curve computed from score histograms.
@Suite struct ResultFigureSignificanceTests {
    @Test func tailSumsGiveAMSAndItsMaximumIsTheBinnedSigmaRatio() {
        // Four bins; cut at the lower edges 0, 0.25, 0.5, 0.75.
        let signal = [1.0, 1.0, 2.0, 4.0], background = [4.0, 2.0, 1.0, 1.0]
        let curve = ResultSignificanceCurve(signal: signal, background: background)
        #expect(curve.cuts == [0, 0.25, 0.5, 0.75])
        // t = 0.5: s = 6, b = 2 → AMS = 6/√8.
        #expect(abs(curve.ams[2] - 6 / 8.0.squareRoot()) < 1e-12)
        // Everything kept: s = 8, b = 8 → σ_ratio = (8/√16)/√8 = 1/√2.
        #expect(abs(curve.normalized[0] - 1 / 2.0.squareRoot()) < 1e-12)
        let best = curve.normalized.max()!
        #expect(best == curve.normalized[2])
        #expect(curve.bestCut == 0.5)
    }

    @Test func tiesGoToTheHighestCutAndNoSignalIsZero() {
        let curve = ResultSignificanceCurve(signal: [0, 0, 1, 0], background: [1, 1, 0, 0])
        // Cuts 0.5 and 0.25 … 0.5 keeps s = 1, b = 0: the maximum; 0.75 keeps nothing.
        #expect(curve.ams[3] == 0)
        #expect(curve.bestCut == 0.5)
        let none = ResultSignificanceCurve(signal: [0, 0], background: [1, 1])
        #expect(none.normalized.allSatisfy { $0.isNaN })
        #expect(none.bestCut == nil)
    }
}

/// The curve drawn from the stored histograms agrees with the evaluation's binned scan:
/// its maximum is the stored binned σ_ratio and its argmax the stored binned best cut.
@Suite struct ResultFigureSignificanceAgreementTests {
    @Test func histogramCurveMatchesTheEvaluationsBinnedScan() throws {
        var rng = SplitMix64Generator(seed: 7)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        // Signal leans to high scores, background to low ones; unequal counts so the
        // background weight is not 1.
        let signal = (0..<3000).map { _ in uniform().squareRoot() }
        let background = (0..<7000).map { _ in uniform() * uniform() }
        let point = try PerMassEvaluation(bins: 50, curvePoints: 50).evaluate(mass: 1000, signalScores: signal, backgroundScores: background)
        let curve = ResultSignificanceCurve(signal: TestEvaluator.histogram(signal, weight: 1),
                                            background: TestEvaluator.histogram(background, weight: point.backgroundScale))
        let best = try #require(curve.normalized.max())
        #expect(abs(best - point.metrics.binned.ratio) < 1e-9)
        #expect(curve.bestCut == point.metrics.binned.bestCut)
    }
}
