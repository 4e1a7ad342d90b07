import Foundation
import Testing
import PNNMetrics

/// Student's t against closed forms and hand-checked values (the SciPy grid is in
/// SciPyReplicateReferenceTests).
@Suite struct StudentTTests {
    func t(_ ν: Double) throws -> StudentT { try StudentT(degreesOfFreedom: ν) }

    @Test func knownQuantiles() throws {
        // t_{0.975, ν} as printed in every table (and by scipy.stats.t.ppf).
        #expect(abs(try t(1).quantile(0.975) - 12.706204736174694) < 1e-13)
        #expect(abs(try t(2).quantile(0.975) - 4.302652729749464) < 1e-14)
        #expect(abs(try t(4).quantile(0.975) - 2.7764451051977934) < 1e-14)
        #expect(abs(try t(9).quantile(0.975) - 2.262157162798205) < 1e-14)
        #expect(abs(try t(1000).quantile(0.975) - 1.9623390808264078) < 1e-14)
    }

    @Test func approachesTheNormalQuantile() throws {
        // Cornish–Fisher: t_{p, ν} = z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²) + O(ν⁻³),
        // z = Φ⁻¹(0.975) = 1.959963984540054; the next term is 3e-12 at ν = 10⁴.
        let z = 1.959963984540054
        for ν in [1e4, 1e5, 1e6] {
            let expansion = z + (z * z * z + z) / (4 * ν) + (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / (96 * ν * ν)
            #expect(abs(try t(ν).quantile(0.975) - expansion) < 1e-11)
        }
    }

    @Test func cauchyClosedForm() throws {
        // ν = 1: F(t) = ½ + atan(t)/π, t_p = tan(π(p − ½)).
        let cauchy = try t(1)
        for p in [0.5000001, 0.51, 0.6, 0.75, 0.9, 0.99, 0.999] {
            let exact = tan(Double.pi * (p - 0.5))
            #expect(abs(cauchy.quantile(p) - exact) <= 1e-12 * max(1, exact))
        }
        for x in [-30.0, -1, -0.25, 0, 0.5, 2, 100] {
            #expect(abs(cauchy.cdf(x) - (0.5 + atan(x) / Double.pi)) < 1e-15)
        }
        #expect(abs(cauchy.density(0) - 1 / Double.pi) < 1e-16)
    }

    @Test func twoDegreesOfFreedomClosedForm() throws {
        // ν = 2: F(t) = ½ + t / (2√(2 + t²)),  t_p = (2p − 1) / √(2p(1 − p)),  f(t) = (2 + t²)^(−3/2).
        let d = try t(2)
        for p in [0.001, 0.1, 0.3, 0.5, 0.55, 0.8, 0.975, 0.9995] {
            let exact = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            #expect(abs(d.quantile(p) - exact) <= 1e-14 * max(1, abs(exact)))
        }
        for x in [-10.0, -1, 0, 0.3, 4] {
            #expect(abs(d.cdf(x) - (0.5 + x / (2 * (2 + x * x).squareRoot()))) < 1e-15)
            #expect(abs(d.density(x) - pow(2 + x * x, -1.5)) < 1e-15)
        }
    }

    @Test func quantileInvertsTheCDF() throws {
        for ν in [0.5, 1, 3, 10, 57, 1000] {
            let d = try t(ν)
            for p in [1e-7, 0.001, 0.025, 0.3, 0.5, 0.6, 0.9, 0.975, 0.9995, 1 - 1e-9] {
                #expect(abs(d.cdf(d.quantile(p)) - p) <= 1e-12 * min(p, 1 - p))
            }
        }
    }

    @Test func symmetry() throws {
        // p and 1 − p exactly representable: the quantiles are exact negatives.
        for ν in [1.0, 4, 30] {
            let d = try t(ν)
            for p in [0.75, 0.875, 0.96875] {
                #expect(d.quantile(1 - p) == -d.quantile(p))
                #expect(abs(d.cdf(-d.quantile(p)) - (1 - p)) < 1e-15)
            }
        }
    }

    @Test func endsAndInvalidArguments() throws {
        let d = try t(5)
        #expect(d.quantile(0) == -.infinity)
        #expect(d.quantile(1) == .infinity)
        #expect(d.quantile(0.5) == 0)
        #expect(d.quantile(-0.1).isNaN && d.quantile(1.1).isNaN && d.quantile(.nan).isNaN)
        #expect(d.cdf(-.infinity) == 0 && d.cdf(.infinity) == 1 && d.cdf(0) == 0.5)
        #expect(d.cdf(.nan).isNaN)
        for ν in [0.0, -1, .nan, .infinity] {
            #expect(throws: MetricsError.self) { try StudentT(degreesOfFreedom: ν) }
        }
    }

    @Test func farTails() throws {
        // ν = 1: t_p = −cot(πp) ≈ −1/(πp) for tiny p, far beyond where t² overflows.
        let cauchy = try t(1)
        #expect(abs(cauchy.quantile(1e-300) / (-1 / (Double.pi * 1e-300)) - 1) < 1e-12)
        #expect(abs(cauchy.cdf(-1e300) / (1 / (Double.pi * 1e300)) - 1) < 1e-12)
        // Just above ½: t ≈ (p − ½)/f(0) = π·2⁻⁵³ for ν = 1.
        let p = 0.5.nextUp
        #expect(abs(cauchy.quantile(p) / (Double.pi * (p - 0.5)) - 1) < 1e-12)
        // Small ν and huge ν still terminate with a finite, ordered answer.
        for ν in [0.01, 0.3, 1e9] {
            let d = try t(ν)
            let q = [0.6, 0.9, 0.999].map { d.quantile($0) }
            #expect(q.allSatisfy(\.isFinite) && q[0] < q[1] && q[1] < q[2])
        }
    }
}
