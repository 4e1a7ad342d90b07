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
/// √v̂ as in the paper's Algorithm 1. Defaults are the paper's: η = 3e−4, β₁ = 0.9,
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

    public init(parameters: [Parameter], learningRate: Float = 3e-4, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        moments = parameters.map { Matrix(rows: $0.value.rows, cols: $0.value.cols) }
        velocities = parameters.map { Matrix(rows: $0.value.rows, cols: $0.value.cols) }
    }

    /// Applies one update to every parameter from its gradient buffer.
    public func update(_ parameters: [Parameter], pool: WorkerPool) {
        precondition(parameters.count == moments.count, "optimizer built for another parameter list")
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - _powf(beta2, t)).squareRoot() / (1 - _powf(beta1, t))
        let oneMinusB1 = 1 - beta1, oneMinusB2 = 1 - beta2, eps = epsilon
        for (p, parameter) in parameters.enumerated() {
            let theta = parameter.value.data, g = parameter.gradient.data
            let m = moments[p].data, v = velocities[p].data
            pool.parallelRanges(count: parameter.count, granularity: 4096) { range in
                for i in range {
                    let gi = g[i]
                    m[i] += (gi - m[i]) * oneMinusB1
                    v[i] += (gi * gi - v[i]) * oneMinusB2
                    theta[i] -= (m[i] * alpha) / (v[i].squareRoot() + eps)
                }
            }
        }
    }
}
