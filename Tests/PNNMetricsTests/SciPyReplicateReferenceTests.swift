import Foundation
import Testing
import PNNMetrics

/// Agreement with SciPy/NumPy (scipy.stats.t.ppf and .cdf, numpy mean/std/median,
/// scipy.stats.t.interval, scipy.stats.median_abs_deviation) and with mpmath at 50 digits,
/// on the fixture written by Tools/reference/replicate_statistics.py.
///
/// Tolerances: SciPy 1.17.1's stdtrit/stdtr are themselves off the exact values by up to
/// 1.1e-10 (quantile, p = 0.5000001, ν = 4) and 1.4e-11 (CDF), so SciPy is held to
/// 1e-9·max(1, |t|) (the project's target) and 1e-10; the exact values to 1e-13·max(1, |t|)
/// and 1e-15 (measured when the fixture was made: 4.2e-15 and 4.5e-16). Means, medians, sd
/// and MAD differ from NumPy's only by summation order: 1e-13 of the data's scale (measured:
/// 1.1e-16 for the mean, 0 for the others).
@Suite struct SciPyReplicateReferenceTests {
    struct Fixture: Decodable {
        let scipy_version: String
        let mpmath_version: String
        let k: Double
        let min_count: Int
        let mad_normal_constant: Double
        let t_quantiles: [[Double]]  // [p, ν, SciPy, exact]
        let t_cdf: [[Double]]        // [t, ν, SciPy, exact]
        let samples: [Sample]
        let paired: Sample
    }
    struct Sample: Decodable, CustomTestStringConvertible {
        let name: String
        let values: [Double]?
        let a: [Double]?
        let b: [Double]?
        let n: Int
        let mean: Double
        let sd: Double?
        let median: Double
        let min: Double
        let max: Double
        let interval95: [Double]?
        let interval90: [Double]?
        let t975: Double?
        let mad_scaled: Double
        let floor: Double
        let flagged: [Int]
        var testDescription: String { name }
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/replicate_statistics", withExtension: "json")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test func fixtureIsUsable() {
        let f = Self.fixture
        #expect(!f.scipy_version.isEmpty && !f.mpmath_version.isEmpty)
        #expect(f.t_quantiles.count >= 200 * 15 && f.t_cdf.count >= 200)
        #expect(f.samples.count >= 10 && f.samples.contains { $0.n == 1 } && f.samples.contains { $0.n == 10 })
        #expect(f.samples.contains { !$0.flagged.isEmpty })
        // The rule in Python used the same constants.
        #expect(f.mad_normal_constant == CollapseRule.normalQuartile)
        #expect(f.k == CollapseRule().k && f.min_count == CollapseRule.minimumCount)
    }

    @Test func quantiles() throws {
        for row in Self.fixture.t_quantiles {
            let (p, ν, scipy, exact) = (row[0], row[1], row[2], row[3])
            let t = try StudentT(degreesOfFreedom: ν).quantile(p)
            #expect(abs(t - scipy) <= 1e-9 * max(1, abs(scipy)), "p \(p), ν \(ν): \(t) against SciPy \(scipy)")
            #expect(abs(t - exact) <= 1e-13 * max(1, abs(exact)), "p \(p), ν \(ν): \(t) against \(exact)")
        }
    }

    @Test func cdf() throws {
        for row in Self.fixture.t_cdf {
            let (t, ν, scipy, exact) = (row[0], row[1], row[2], row[3])
            let f = try StudentT(degreesOfFreedom: ν).cdf(t)
            #expect(abs(f - scipy) <= 1e-10, "t \(t), ν \(ν): \(f) against SciPy \(scipy)")
            #expect(abs(f - exact) <= 1e-15, "t \(t), ν \(ν): \(f) against \(exact)")
            // The small side, to relative precision: the tail is what a quantile inverts.
            let tail = min(exact, 1 - exact)
            if tail > 0 { #expect(abs(min(f, 1 - f) - tail) <= 1e-12 * tail) }
        }
    }

    func check(_ s: ReplicateStatistics, _ ref: Sample, _ values: [Double]) {
        let scale = values.map(abs).max()!
        #expect(s.count == ref.n)
        #expect(abs(s.mean - ref.mean) <= 1e-13 * scale)
        #expect(abs(s.median - ref.median) <= 1e-13 * scale)
        #expect(s.minimum == ref.min && s.maximum == ref.max)
        if let sd = ref.sd {
            #expect(abs(s.standardDeviation! - sd) <= 1e-12 * sd + 1e-13 * scale)
        } else {
            #expect(s.standardDeviation == nil)
        }
        if let i = ref.interval95 {
            let half = s.halfWidth!
            #expect(abs(s.interval!.lowerBound - i[0]) <= 1e-9 * half + 1e-13 * scale)
            #expect(abs(s.interval!.upperBound - i[1]) <= 1e-9 * half + 1e-13 * scale)
        } else {
            #expect(s.interval == nil)
        }
    }

    @Test(arguments: fixture.samples) func samples(_ ref: Sample) throws {
        let values = ref.values!
        check(try ReplicateStatistics(values), ref, values)
        if let i90 = ref.interval90 {
            let s90 = try ReplicateStatistics(values, confidence: 0.9)
            let scale = values.map(abs).max()!
            #expect(abs(s90.interval!.lowerBound - i90[0]) <= 1e-9 * s90.halfWidth! + 1e-13 * scale)
            #expect(abs(s90.interval!.upperBound - i90[1]) <= 1e-9 * s90.halfWidth! + 1e-13 * scale)
        }
        if let t975 = ref.t975 {
            let t = try StudentT(degreesOfFreedom: Double(ref.n - 1)).quantile(0.975)
            #expect(abs(t - t975) <= 1e-9 * t975)
        }
        let mad = try CollapseRule.scaledMAD(values)
        #expect(abs(mad - ref.mad_scaled) <= 1e-12 * ref.mad_scaled + 1e-13 * values.map(abs).max()!)
        #expect(try CollapseRule(k: Self.fixture.k, floor: ref.floor).collapsed(values) == ref.flagged)
    }

    @Test func pairedDifference() throws {
        let ref = Self.fixture.paired
        let a = ref.a!, b = ref.b!
        let d = try ReplicateStatistics.pairedDifference(a, b)
        check(d, ref, zip(a, b).map { $0 - $1 })
    }
}
