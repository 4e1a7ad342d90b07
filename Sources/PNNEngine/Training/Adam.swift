/// Adam (Kingma & Ba 2015) in the exact form Keras implements it.
///
/// At iteration t = 1, 2, … with gradient g, in Float32:
///
///     α_t = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
///     m  ← m + (g − m)·(1 − β₁)
///     v  ← v + (g² − v)·(1 − β₂)
///     θ  ← θ − α_t·m / (√v + ε)
///
/// i.e. the bias correction is folded into the step size and ε is added to √v, not to
/// √v̂ as in the paper's Algorithm 1. Defaults are the paper's (`PaperRecipe`): η = 3e−4, β₁ = 0.9,
/// β₂ = 0.999, ε = 1e−7 (Keras' default ε).
public final class Adam {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// Number of updates applied so far (Keras' `iterations`).
    public internal(set) var iterations: Int64 = 0
    /// First and second moment estimates, one per parameter, same shapes.
    public internal(set) var moments: [Matrix]
    public internal(set) var velocities: [Matrix]

    public init(parameters: [Parameter], learningRate: Float = PaperRecipe.learningRate, beta1: Float = PaperRecipe.beta1,
                beta2: Float = PaperRecipe.beta2, epsilon: Float = PaperRecipe.epsilon) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        moments = parameters.map { Matrix(rows: $0.value.rows, cols: $0.value.cols) }
        velocities = parameters.map { Matrix(rows: $0.value.rows, cols: $0.value.cols) }
    }

    /// Elements per task: fixed, so the chunking (and any per-chunk sum) never depends on
    /// the thread count; small enough to give both threads work on the 45k-element kernel.
    static let chunk = 4096

    /// Applies one update to every parameter from its gradient buffer, in one parallel pass,
    /// and returns the L2 penalty R of the pre-update weights (0 without `penalty`).
    ///
    /// With `penalty`, each element first gets its L2 gradient, g ← fma(2λ, θ, g) with the
    /// pre-update θ (written back to the gradient buffer), in the same pass: λ·Σθ² is summed
    /// per chunk as `L2Penalty.apply(to:range:)` sums it, and the chunks' sums in chunk order.
    @discardableResult
    public func update(_ parameters: [Parameter], pool: WorkerPool, penalty: L2Penalty? = nil) -> Double {
        precondition(parameters.count == moments.count, "optimizer built for another parameter list")
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - _powf(beta2, t)).squareRoot() / (1 - _powf(beta1, t))
        let constants = Constants(alpha: alpha, oneMinusB1: 1 - beta1, oneMinusB2: 1 - beta2, eps: epsilon)
        var chunks: [(parameter: Int, range: Range<Int>)] = []
        for (p, parameter) in parameters.enumerated() {
            for start in stride(from: 0, to: parameter.count, by: Adam.chunk) {
                chunks.append((p, start..<min(parameter.count, start + Adam.chunk)))
            }
        }
        var partial = [Double](repeating: 0, count: chunks.count)
        partial.withUnsafeMutableBufferPointer { partial in
            pool.run(tasks: chunks.count) { c in
                let (p, range) = chunks[c]
                let parameter = parameters[p]
                let lambda = penalty?.coefficient(for: parameter.kind) ?? 0
                partial[c] = Adam.step(theta: parameter.value.data, g: parameter.gradient.data,
                                       m: moments[p].data, v: velocities[p].data, range: range, lambda: lambda, constants)
            }
        }
        return partial.reduce(0, +)
    }

    /// α_t, 1 − β₁, 1 − β₂ and ε of one update.
    struct Constants {
        let alpha, oneMinusB1, oneMinusB2, eps: Float
    }

    /// The element-wise update over `range`, 16 lanes at a time (the same operations in the
    /// same order per element as the scalar tail, so lane width does not change a bit),
    /// after the L2 gradient when λ ≠ 0. Returns λ·Σθ² over the range: θ² summed into lane
    /// r mod 16 for the range's r-th element, then the lanes in order.
    @inline(always)
    static func step(theta: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>,
                     m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, range: Range<Int>,
                     lambda: Float, _ k: Constants) -> Double {
        typealias V = SIMD16<Float>
        let regularised = lambda != 0
        let theta = theta + range.lowerBound, g = g + range.lowerBound, m = m + range.lowerBound, v = v + range.lowerBound
        let n = range.count
        let a = V(repeating: k.alpha), b1 = V(repeating: k.oneMinusB1), b2 = V(repeating: k.oneMinusB2), e = V(repeating: k.eps)
        let twoLambda = V(repeating: 2 * lambda)
        var lanes = V()
        var i = 0
        while i + 16 <= n {
            let ti = UnsafeRawPointer(theta + i).loadUnaligned(as: V.self)
            var gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            if regularised {
                lanes.addProduct(ti, ti)
                gi.addProduct(twoLambda, ti)
                UnsafeMutableRawPointer(g + i).storeBytes(of: gi, as: V.self)
            }
            var mi = UnsafeRawPointer(m + i).loadUnaligned(as: V.self)
            var vi = UnsafeRawPointer(v + i).loadUnaligned(as: V.self)
            mi += (gi - mi) * b1
            vi += (gi * gi - vi) * b2
            UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
            UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
            UnsafeMutableRawPointer(theta + i).storeBytes(of: ti - (mi * a) / (vi.squareRoot() + e), as: V.self)
            i += 16
        }
        var sum: Float = 0
        withUnsafeMutableBytes(of: &lanes) { bytes in
            let lane = bytes.baseAddress!.assumingMemoryBound(to: Float.self)
            while i < n {
                if regularised {
                    lane[i % 16] = lane[i % 16].addingProduct(theta[i], theta[i])
                    g[i] = g[i].addingProduct(2 * lambda, theta[i])
                }
                let gi = g[i]
                m[i] += (gi - m[i]) * k.oneMinusB1
                v[i] += (gi * gi - v[i]) * k.oneMinusB2
                theta[i] -= (m[i] * k.alpha) / (v[i].squareRoot() + k.eps)
                i += 1
            }
            for l in 0..<16 { sum += lane[l] }
        }
        return regularised ? Double(lambda) * Double(sum) : 0
    }
}
