/// Keras' default initialisation: kernels glorot-uniform, biases zero.
///
/// Kernel W [fan_in × fan_out]:  W_ij ~ U(−L, L),  L = √(6 / (fan_in + fan_out))
/// (Glorot & Bengio 2010); a conditioning kernel on p physics parameters is [p × D], so
/// fan_in = p and fan_out = D, as for Keras' Dense(D) on p inputs. Parameter number p of a model draws from the stream
/// (seed, .initialization, p), element by element in row-major order, in Double and
/// rounded once to Float, so the weights are a function of (spec, seed) alone.
public enum GlorotUniform {
    public static func limit(fanIn: Int, fanOut: Int) -> Double {
        (6.0 / Double(fanIn + fanOut)).squareRoot()
    }

    public static func initialize(_ parameters: [Parameter], seed: UInt64) {
        for (p, parameter) in parameters.enumerated() {
            let value = parameter.value
            switch parameter.kind {
            case .bias:
                value.fill(0)
            case .kernel:
                let l = limit(fanIn: value.rows, fanOut: value.cols)
                var stream = RandomStream(seed: seed, purpose: .initialization, index: UInt64(p))
                for e in 0..<value.count {
                    value.data[e] = Float((2 * stream.nextDouble() - 1) * l)
                }
            }
        }
    }
}
