import Foundation
import Testing
import PNNMetrics

/// Statistics over seeds, on values small enough to check by hand (the SciPy fixture is in
/// SciPyReplicateReferenceTests).
@Suite struct ReplicateStatisticsTests {
    @Test func fourValuesByHand() throws {
        let s = try ReplicateStatistics([1, 2, 3, 4])
        #expect(s.count == 4)
        #expect(s.mean == 2.5 && s.median == 2.5 && s.minimum == 1 && s.maximum == 4)
        // Σ(x − 2.5)² = 5, s² = 5/3.
        #expect(abs(s.standardDeviation! - (5.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(s.standardError! - (5.0 / 3).squareRoot() / 2) < 1e-15)
        // t_{0.975, 3} = 3.1824463052837086 (mpmath, 50 digits).
        let half = 3.1824463052837086 * (5.0 / 3).squareRoot() / 2
        #expect(abs(s.halfWidth! - half) < 1e-14)
        #expect(abs(s.interval!.lowerBound - (2.5 - half)) < 1e-14)
        #expect(abs(s.interval!.upperBound - (2.5 + half)) < 1e-14)
        #expect(s.confidence == 0.95)
    }

    @Test func oddCountMedianIsTheMiddleValue() throws {
        let s = try ReplicateStatistics([0.93, 0.5, 0.94])
        #expect(s.median == 0.93 && s.minimum == 0.5 && s.maximum == 0.94)
    }

    @Test func oneSeedHasNoSpread() throws {
        let s = try ReplicateStatistics([0.873])
        #expect(s.count == 1)
        #expect(s.mean == 0.873 && s.median == 0.873 && s.minimum == 0.873 && s.maximum == 0.873)
        #expect(s.standardDeviation == nil && s.standardError == nil)
        #expect(s.halfWidth == nil && s.interval == nil)
        // nil survives a JSON round trip (NaN would not encode).
        let back = try JSONDecoder().decode(ReplicateStatistics.self, from: JSONEncoder().encode(s))
        #expect(back == s)
    }

    @Test func equalValuesGiveAPointInterval() throws {
        let s = try ReplicateStatistics([0.75, 0.75, 0.75])
        #expect(s.standardDeviation == 0 && s.halfWidth == 0)
        #expect(s.interval == 0.75...0.75)
    }

    @Test func confidenceLevelIsAParameter() throws {
        let values = [0.91, 0.87, 0.93, 0.90]
        let wide = try ReplicateStatistics(values, confidence: 0.99)
        let usual = try ReplicateStatistics(values)
        let narrow = try ReplicateStatistics(values, confidence: 0.8)
        #expect(narrow.halfWidth! < usual.halfWidth! && usual.halfWidth! < wide.halfWidth!)
        // t_{0.995, 3} = 5.840909309733355 (mpmath).
        #expect(abs(wide.halfWidth! - 5.840909309733355 * wide.standardError!) < 1e-13)
        for c in [0.0, 1, -0.5, 95, .nan] {
            #expect(throws: MetricsError.self) { try ReplicateStatistics(values, confidence: c) }
        }
    }

    @Test func nonFiniteValuesAreRefused() throws {
        do {
            _ = try ReplicateStatistics([0.9, .nan, 0.8])
            Issue.record("NaN was accepted")
        } catch let MetricsError.nonFiniteReplicate(index, value) {
            #expect(index == 1 && value.isNaN)
        }
        #expect(throws: MetricsError.nonFiniteReplicate(index: 2, value: .infinity)) {
            try ReplicateStatistics([0.9, 0.8, .infinity])
        }
        #expect(throws: MetricsError.noReplicates) { try ReplicateStatistics([]) }
        #expect(MetricsError.nonFiniteReplicate(index: 2, value: .infinity).description.contains("finite"))
    }

    @Test func pairedDifferenceByHand() throws {
        // d = [2, 3, 2]: mean 7/3, s² = (1/9 + 4/9 + 1/9)/2 = 1/3.
        let d = try ReplicateStatistics.pairedDifference([3, 5, 4], [1, 2, 2])
        #expect(d.count == 3)
        #expect(abs(d.mean - 7.0 / 3) < 1e-15)
        #expect(abs(d.standardDeviation! - (1.0 / 3).squareRoot()) < 1e-15)
        #expect(d.median == 2 && d.minimum == 2 && d.maximum == 3)
    }

    @Test func pairingCancelsTheSharedSeedVariation() throws {
        // b lies about 0.5 points above a on every seed, while the seeds themselves spread by
        // several points: separate intervals overlap, the paired one excludes 0.
        let a = [0.934, 0.881, 0.912, 0.950, 0.899]
        let b = zip(a, [0.0052, 0.0047, 0.0055, 0.0049, 0.0051]).map { $0 + $1 }
        let ia = try ReplicateStatistics(a).interval!, ib = try ReplicateStatistics(b).interval!
        #expect(ia.overlaps(ib))
        let d = try ReplicateStatistics.pairedDifference(b, a)
        #expect(d.interval!.lowerBound > 0)
        #expect(abs(d.mean - 0.00508) < 1e-12)
    }

    @Test func pairedDifferenceChecksItsInputs() throws {
        #expect(throws: MetricsError.replicateCountMismatch(first: 3, second: 2)) {
            try ReplicateStatistics.pairedDifference([1, 2, 3], [1, 2])
        }
        #expect(throws: MetricsError.nonFiniteReplicate(index: 0, value: -.infinity)) {
            try ReplicateStatistics.pairedDifference([1, 2], [-.infinity, 2])
        }
        #expect(throws: MetricsError.noReplicates) { try ReplicateStatistics.pairedDifference([], []) }
        let one = try ReplicateStatistics.pairedDifference([0.9], [0.8])
        #expect(abs(one.mean - 0.1) < 1e-15 && one.interval == nil)
    }
}
