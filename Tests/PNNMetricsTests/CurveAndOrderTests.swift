import Testing
@testable import PNNMetrics

@Suite struct CurveAndOrderTests {
    func randomScores(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64Generator(seed: seed)
        return (0..<n).map { _ in
            switch rng.next() % 6 {
            case 0: return -0.0
            case 1: return 0.0
            case 2: return Double(rng.next() % 20) / 10 - 1          // many ties, negatives
            case 3: return Double(Int64(bitPattern: rng.next())) * 1e-10  // wide range
            default: return Double(rng.next() >> 11) * 0x1p-53
            }
        }
    }

    @Test(arguments: [0, 1, 2, 1000, 70_000]) func radixSortIsAStableDescendingSort(_ n: Int) {
        let scores = randomScores(n, seed: UInt64(n))
        let payloads = (0..<n).map(Double.init)
        let sorted = scores.withUnsafeBufferPointer { s in payloads.withUnsafeBufferPointer { DescendingScoreOrder.sort(scores: s, payloads: $0) } }
        // Reference: stdlib sort by (score desc, input position asc); −0 == +0.
        let reference = (0..<n).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        #expect(sorted.payloads == reference.map(Double.init))
        #expect(zip(sorted.scores, reference).allSatisfy { $0 == scores[$1] })
    }

    @Test func downsamplingKeepsEndsAndBoundsThePointCount() throws {
        let n = 100_000
        let x = (0..<n).map { Double($0) / Double(n - 1) }
        let y = x.map { $0.squareRoot() }
        let curve = Curve(x: x, y: y).downsampled(maxPoints: 200)
        #expect(curve.x.count <= 200 && curve.x.count >= 150)
        #expect(curve.x.first == 0 && curve.x.last == 1)
        #expect(zip(curve.x, curve.x.dropFirst()).allSatisfy { $0 < $1 })
        // Short curves are left alone.
        let short = Curve(x: [0, 0.5, 1], y: [0, 0.7, 1])
        #expect(short.downsampled(maxPoints: 200) == short)
    }

    @Test func curvesFromTheSweepMatchTheFullCurves() throws {
        let scores = randomScores(20_000, seed: 3).map { abs($0).truncatingRemainder(dividingBy: 1) }
        let labels = scores.indices.map { ($0 * 7919) % 3 == 0 }
        let events = try RankedEvents(scores: scores, labels: labels)
        let sweep = ThresholdSweep(events)
        let metrics = try ClassificationMetrics(events, curvePoints: 100)
        #expect(metrics.rocCurve == ROCCurve(sweep).downsampled(maxPoints: 100))
        #expect(metrics.prCurve == PrecisionRecallCurve(sweep).downsampled(maxPoints: 100))
        // Areas do not depend on how many points are drawn.
        #expect(metrics.rocAUC == ROCCurve(sweep).area)
        #expect(metrics.prAUC == PrecisionRecallCurve(sweep).averagePrecision)
        #expect(try ClassificationMetrics(events, curvePoints: 0).rocAUC == metrics.rocAUC)
    }
}
