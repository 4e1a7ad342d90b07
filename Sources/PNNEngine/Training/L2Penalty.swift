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
        parameters.reduce(0.0) { $0 + apply(to: $1, range: 0..<$1.count) }
    }

    /// The same for elements `range` of one parameter: g += 2λθ there, returns λ·Σθ².
    /// Σθ² is summed in 16 lanes (element i into lane i mod 16 of the range), then across
    /// lanes in order: a fixed order for a given range, which the caller keeps fixed.
    @inline(__always)
    public func apply(to parameter: Parameter, range: Range<Int>) -> Double {
        let lambda = coefficient(for: parameter.kind)
        guard lambda != 0 else { return 0 }
        typealias V = SIMD16<Float>
        let v = parameter.value.data + range.lowerBound, g = parameter.gradient.data + range.lowerBound
        let n = range.count, twoLambda = V(repeating: 2 * lambda)
        var lanes = V()
        var i = 0
        while i + 16 <= n {
            let vi = UnsafeRawPointer(v + i).loadUnaligned(as: V.self)
            var gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
            lanes.addProduct(vi, vi)
            gi.addProduct(twoLambda, vi)
            UnsafeMutableRawPointer(g + i).storeBytes(of: gi, as: V.self)
            i += 16
        }
        while i < n {
            lanes[i % 16] = lanes[i % 16].addingProduct(v[i], v[i])
            g[i] = g[i].addingProduct(2 * lambda, v[i])
            i += 1
        }
        var sum: Float = 0
        for l in 0..<16 { sum += lanes[l] }
        return Double(lambda) * Double(sum)
    }
}
