#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularized incomplete beta function, the engine of the Student t CDF.
///
///     I_x(a, b) = B(x; a, b) / B(a, b),   B(x; a, b) = ∫₀ˣ u^(a−1) (1−u)^(b−1) du,
///
/// with I_x(a, b) + I_{1−x}(b, a) = 1. It is evaluated from the continued fraction
///
///     I_x(a, b) = x^a (1−x)^b / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …)))
///     d_{2m+1} = −(a+m)(a+b+m)·x / ((a+2m)(a+2m+1))
///     d_{2m}   =  m(b−m)·x / ((a+2m−1)(a+2m))
///
/// which converges quickly for x < (a+1)/(a+b+2); above that point the fraction is
/// evaluated for I_{1−x}(b, a) instead, so the smaller of the pair is always computed
/// directly (to full relative precision) and the larger as its complement. The fraction
/// is summed with the modified Lentz method.
///
/// The caller passes x and y = 1 − x separately, with their logarithms, and log B(a, b):
/// each can then be formed without cancellation (for the t distribution y = t²/(ν+t²) is
/// tiny near t = 0 and x = ν/(ν+t²) is tiny in the far tail).
struct IncompleteBeta {
    /// I_x(a, b) and its complement 1 − I_x(a, b) = I_{1−x}(b, a).
    let lower: Double
    let upper: Double

    init(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double, logBeta: Double) {
        // x itself may underflow while x^a does not (the far tail of a heavy t), so the
        // end points are recognised by their logarithms.
        if logX == -.infinity { lower = 0; upper = 1; return }
        if logY == -.infinity { lower = 1; upper = 0; return }
        if x < (a + 1) / (a + b + 2) {
            lower = Self.direct(a: a, b: b, x: x, logX: logX, logY: logY, logBeta: logBeta)
            upper = 1 - lower
        } else {
            upper = Self.direct(a: b, b: a, x: y, logX: logY, logY: logX, logBeta: logBeta)
            lower = 1 - upper
        }
    }

    /// x^a y^b / (a·B(a, b)) divided by the continued fraction; meant for x < (a+1)/(a+b+2).
    static func direct(a: Double, b: Double, x: Double, logX: Double, logY: Double, logBeta: Double) -> Double {
        let prefactor = exp(a * logX + b * logY - logBeta) / a
        if prefactor == 0 { return 0 }
        // Modified Lentz: f = 1 + d₁/(1 + d₂/(1 + …)) as the product of C_j·D_j.
        let tiny = 1e-300
        var f = 1.0, c = 1.0, d = 0.0
        for j in 1...maximumTerms {
            let m = Double(j / 2)
            let coefficient = j % 2 == 1
                ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if abs(delta - 1) <= .ulpOfOne { break }
        }
        return prefactor / f
    }

    /// Enough for a, b up to ~10⁸ at the switch point (the number of terms grows like √max(a, b)).
    static let maximumTerms = 100_000
}
