import Testing
import PNNMetrics

@Suite struct BootstrapTests {
    func sample(_ n: Int, seed: UInt64) throws -> RankedEvents {
        var rng = SplitMix64Generator(seed: seed)
        var scores: [Double] = [], labels: [Bool] = []
        for _ in 0..<n {
            let signal = rng.next() & 1 == 1
            let u = Double(rng.next() >> 11) * 0x1p-53
            scores.append((((signal ? 0.25 : 0) + 0.75 * u) * 100).rounded() / 100)  // ties
            labels.append(signal)
        }
        return try RankedEvents(scores: scores, labels: labels)
    }

    @Test func generatorIsSplitMix64() {
        // First outputs of SplitMix64 seeded with 0 (reference implementation by S. Vigna).
        var g = SplitMix64Generator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        var h = SplitMix64Generator(seed: 5)
        for _ in 0..<1000 { #expect(h.index(below: 7) < 7) }
    }

    @Test func sameSeedSameIntervals() throws {
        let events = try sample(2000, seed: 1)
        let a = try Bootstrap(replicates: 50, seed: 7).intervals(for: events)
        let b = try Bootstrap(replicates: 50, seed: 7).intervals(for: events)
        let c = try Bootstrap(replicates: 50, seed: 8).intervals(for: events)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func intervalsCoverThePointEstimateAndShrinkWithN() throws {
        let small = try sample(1000, seed: 2), large = try sample(16000, seed: 3)
        let bootstrap = Bootstrap(replicates: 100, confidence: 0.95, seed: 11)
        let ci = try bootstrap.intervals(for: small)
        let point = try ClassificationMetrics(small)
        #expect(ci.rocAUC.lower < point.rocAUC && point.rocAUC < ci.rocAUC.upper)
        #expect(ci.sigmaRatio.lower < point.exact.ratio && point.exact.ratio < ci.sigmaRatio.upper)
        #expect(ci.rocAUC.replicates == 100)
        let ciLarge = try bootstrap.intervals(for: large)
        // Width ∝ 1/√n: 16× the events, about ¼ the width.
        let ratio = (ciLarge.rocAUC.upper - ciLarge.rocAUC.lower) / (ci.rocAUC.upper - ci.rocAUC.lower)
        #expect(ratio > 0.12 && ratio < 0.45)
    }

    @Test func percentileRule() {
        let i = BootstrapInterval(values: [5, 1, 4, 2, 3], confidence: 0.5)
        #expect(i.lower == 2 && i.upper == 4)  // quantiles 0.25 and 0.75, h = q·(B−1)
        let j = BootstrapInterval(values: [0, 10], confidence: 0.9)
        #expect(abs(j.lower - 0.5) < 1e-12 && abs(j.upper - 9.5) < 1e-12)
        #expect(abs(j.standardDeviation - 50.0.squareRoot()) < 1e-12)
    }

    @Test func badParameters() throws {
        let events = try sample(100, seed: 4)
        #expect(throws: MetricsError.self) { try Bootstrap(replicates: 1).intervals(for: events) }
        #expect(throws: MetricsError.self) { try Bootstrap(replicates: 10, confidence: 1).intervals(for: events) }
    }
}
