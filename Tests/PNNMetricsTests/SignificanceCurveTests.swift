import Testing
@testable import PNNMetrics

/// Score histograms and the significance curve drawn from them.
@Suite struct SignificanceCurveTests {
    @Test func tailSumsGiveAMSAndItsMaximumIsTheBinnedSigmaRatio() {
        // Four bins; cuts at the lower edges 0, 0.25, 0.5, 0.75.
        let signal = [1.0, 1.0, 2.0, 4.0], background = [4.0, 2.0, 1.0, 1.0]
        let curve = SignificanceCurve(signal: signal, background: background)
        #expect(curve.cuts == [0, 0.25, 0.5, 0.75])
        // t = 0.5: s = 6, b = 2 → AMS = 6/√8.
        #expect(abs(curve.ams[2] - 6 / 8.0.squareRoot()) < 1e-12)
        // Everything kept: s = 8, b = 8 → σ_ratio = (8/√16)/√8 = 1/√2.
        #expect(abs(curve.normalized[0] - 1 / 2.0.squareRoot()) < 1e-12)
        #expect(curve.normalized.max()! == curve.normalized[2])
        #expect(curve.bestCut == 0.5)
    }

    @Test func tiesGoToTheHighestCutAndNoSignalIsNaN() {
        let curve = SignificanceCurve(signal: [0, 0, 1, 0], background: [1, 1, 0, 0])
        // Cuts 0.25 and 0.5 both keep s = 1, b = 0; 0.75 keeps nothing.
        #expect(curve.ams[3] == 0)
        #expect(curve.bestCut == 0.5)
        let none = SignificanceCurve(signal: [0, 0], background: [1, 1])
        #expect(none.normalized.allSatisfy { $0.isNaN })
        #expect(none.bestCut == nil)
    }

    @Test func histogramBinsFollowTheScansEdges() {
        let n = 50
        for j in 0..<n {
            let edge = Double(j) / Double(n)
            #expect(ScoreHistogram.bin(of: edge, bins: n) == j, "edge \(edge)")
            if j > 0 { #expect(ScoreHistogram.bin(of: edge.nextDown, bins: n) == j - 1, "below edge \(edge)") }
        }
        // A Float score printed "0.06" lies just below the edge 0.06: it does not pass that cut.
        #expect(ScoreHistogram.bin(of: Double(Float(0.06)), bins: n) == 2)
        #expect(ScoreHistogram.bin(of: 1, bins: n) == n - 1)
        #expect(ScoreHistogram.bin(of: 1.5, bins: n) == n - 1)
        #expect(ScoreHistogram.bin(of: -0.1, bins: n) == 0)
        #expect(ScoreHistogram(scores: [0.1, 0.1, 0.99], weight: 0.5, bins: 10).bins == [0, 1, 0, 0, 0, 0, 0, 0, 0, 0.5])
    }

    /// The curve drawn from the histograms is the evaluation's binned scan: its maximum is
    /// the binned σ_ratio and its argmax the binned best cut, also with scores on the edges.
    @Test func curveFromHistogramsMatchesTheBinnedScan() throws {
        var rng = SplitMix64Generator(seed: 7)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        let onEdges = (0..<200).map { Double($0 % 50) / 50 } + (1..<50).map { (Double($0) / 50).nextDown }
        let signal = (0..<3000).map { _ in uniform().squareRoot() } + onEdges
        let background = (0..<7000).map { _ in uniform() * uniform() } + onEdges
        let evaluation = PerMassEvaluation(curvePoints: 50)
        let point = try evaluation.evaluate(mass: 1000, signalScores: signal, backgroundScores: background)
        let curve = SignificanceCurve(
            signal: ScoreHistogram(scores: signal, weight: 1, bins: evaluation.bins).bins,
            background: ScoreHistogram(scores: background, weight: point.backgroundScale, bins: evaluation.bins).bins)
        let best = try #require(curve.normalized.max())
        #expect(abs(best - point.metrics.binned.ratio) < 1e-12)
        #expect(curve.bestCut == point.metrics.binned.bestCut)
    }
}
