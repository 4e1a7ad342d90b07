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

    /// Elements per task: fixed, so the chunking (and any per-chunk sum) never depends on
    /// the thread count; small enough to give both threads work on the 45k-element kernel.
    static let chunk = 4096

    /// Applies one update to every parameter from its gradient buffer, in one parallel pass.
    ///
    /// `prepare(p, range)`, if given, runs on each chunk of parameter p just before the
    /// chunk is updated (the trainer adds the L2 gradient there, reading the pre-update
    /// weights); its results are summed in chunk order and returned.
    @discardableResult
    public func update(_ parameters: [Parameter], pool: WorkerPool,
                       prepare: ((Int, Range<Int>) -> Double)? = nil) -> Double {
        precondition(parameters.count == moments.count, "optimizer built for another parameter list")
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - _powf(beta2, t)).squareRoot() / (1 - _powf(beta1, t))
        let oneMinusB1 = 1 - beta1, oneMinusB2 = 1 - beta2, eps = epsilon
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
                if let prepare { partial[c] = prepare(p, range) }
                Adam.step(theta: parameters[p].value.data, g: parameters[p].gradient.data,
                          m: moments[p].data, v: velocities[p].data, range: range,
                          alpha: alpha, oneMinusB1: oneMinusB1, oneMinusB2: oneMinusB2, eps: eps)
            }
        }
        return partial.reduce(0, +)
    }

    /// The element-wise update over `range`, 16 lanes at a time (the same operations in the
    /// same order per element as the scalar tail, so lane width does not change a bit).
    @inline(__always)
    static func step(theta: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>,
                     m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, range: Range<Int>,
                     alpha: Float, oneMinusB1: Float, oneMinusB2: Float, eps: Float) {
        typealias V = SIMD16<Float>
        var i = range.lowerBound
        let a = V(repeating: alpha), b1 = V(repeating: oneMinusB1), b2 = V(repeating: oneMinusB2), e = V(repeating: eps)
        @inline(__always) func load(_ p: UnsafeMutablePointer<Float>) -> V { UnsafeRawPointer(p + i).loadUnaligned(as: V.self) }
        @inline(__always) func store(_ x: V, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p + i).storeBytes(of: x, as: V.self) }
        while i + 16 <= range.upperBound {
            let gi = load(g)
            var mi = load(m), vi = load(v)
            mi += (gi - mi) * b1
            vi += (gi * gi - vi) * b2
            store(mi, m)
            store(vi, v)
            store(load(theta) - (mi * a) / (vi.squareRoot() + e), theta)
            i += 16
        }
        while i < range.upperBound {
            let gi = g[i]
            m[i] += (gi - m[i]) * oneMinusB1
            v[i] += (gi * gi - v[i]) * oneMinusB2
            theta[i] -= (m[i] * alpha) / (v[i].squareRoot() + eps)
            i += 1
        }
    }
}
