#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// The distributions the generator draws from, all fed by one engine `RandomStream`
/// (one stream per chunk of events, so chunks can be generated on any thread).
///
/// Gaussians come in Box–Muller pairs and the second of a pair is kept for the next
/// call — half the logarithms of `RandomStream.nextGaussian`, and still a pure function
/// of the stream, hence deterministic.
struct EventRandom {
    var stream: RandomStream
    private var spare = 0.0
    private var hasSpare = false

    init(_ stream: RandomStream) { self.stream = stream }

    /// Uniform on [0, 1).
    @inline(__always) mutating func uniform() -> Double { stream.nextDouble() }

    /// Uniform on (0, 1], safe for logarithms.
    @inline(__always) mutating func positiveUniform() -> Double { 1 - stream.nextDouble() }

    /// Standard normal.
    @inline(__always) mutating func gaussian() -> Double {
        if hasSpare { hasSpare = false; return spare }
        let r = (-2 * log(positiveUniform())).squareRoot()
        let a = 2 * Double.pi * uniform()
        spare = r * sin(a)
        hasSpare = true
        return r * cos(a)
    }

    /// Breit–Wigner (Cauchy) around `pole` with full width `width`, truncated to
    /// ±cut·width: inverse CDF m = pole + (Γ/2)·tan((2u − 1)·atan(2·cut)).
    @inline(__always) mutating func breitWigner(pole: Double, width: Double, cut: Double) -> Double {
        if width <= 0 { return pole }
        return pole + 0.5 * width * tan((2 * uniform() - 1) * atan(2 * cut))
    }

    /// Gamma(k, 1) for integer shape k: −log(u₁⋯u_k).
    @inline(__always) mutating func gammaInteger(_ k: Int) -> Double {
        var product = 1.0
        for _ in 0..<max(1, k) { product *= positiveUniform() }
        return -log(product)
    }

    /// Poisson(λ) by inversion (λ here is ≲ 5), capped at 20.
    @inline(__always) mutating func poisson(_ lambda: Double) -> Int {
        var p = exp(-lambda), cumulative = p
        let u = uniform()
        var x = 0
        while u > cumulative && x < 20 {
            x += 1
            p *= lambda / Double(x)
            cumulative += p
        }
        return x
    }

    /// A Bernoulli trial.
    @inline(__always) mutating func chance(_ p: Double) -> Bool { uniform() < p }
}
