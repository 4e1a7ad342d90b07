/// L2 weight decay added to the loss, as Keras' `regularizers.l2(λ)` does:
///
///     R = λ_k·Σ_kernels Σ w² + λ_b·Σ_biases Σ b²,   ∂R/∂w = 2·λ·w
///
/// with separate coefficients for kernels and biases (paper §4.4, §6.3.1).
public struct L2Penalty: Sendable {
    public var kernel: Float
    public var bias: Float

    public init(kernel: Float, bias: Float) {
        self.kernel = kernel
        self.bias = bias
    }

    public func coefficient(for kind: Parameter.Kind) -> Float { kind == .kernel ? kernel : bias }

    /// Adds ∂R/∂θ to every parameter's gradient and returns R (in Double).
    public func apply(to parameters: [Parameter]) -> Double {
        var total = 0.0
        for p in parameters {
            let lambda = coefficient(for: p.kind)
            guard lambda != 0 else { continue }
            let v = p.value.data, g = p.gradient.data
            var sum: Float = 0
            let twoLambda = 2 * lambda
            for i in 0..<p.count {
                sum = sum.addingProduct(v[i], v[i])
                g[i] = g[i].addingProduct(twoLambda, v[i])
            }
            total += Double(lambda) * Double(sum)
        }
        return total
    }
}
