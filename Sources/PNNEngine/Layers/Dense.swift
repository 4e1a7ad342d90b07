/// Fully connected layer: for a batch X [B × n_in],
///
///     Z = X·W + 1·bᵀ,   Y = f(Z)
///
/// with kernel W [n_in × n_out] and bias b [n_out] (Keras' layout). Backward, given
/// G = ∂L/∂Y:  ∂L/∂Z = G ⊙ f'(Z),  ∂L/∂W = Xᵀ·∂L/∂Z,  ∂L/∂b = Σ_rows ∂L/∂Z,
/// ∂L/∂X = ∂L/∂Z·Wᵀ.
///
/// With `.sigmoid` the layer also keeps the logits Z: the loss differentiates with respect
/// to Z directly (`backward(logitGradient:)`), which is exact and avoids σ'(z) underflow.
public final class Dense: Layer {
    public let name: String
    public let inputWidth: Int
    public let outputWidth: Int
    public let activation: Activation
    public let kernel: Parameter
    public let bias: Parameter
    public var parameters: [Parameter] { [kernel, bias] }

    private var input: Matrix?
    private var output: Matrix?
    private var logitBuffer: Matrix?
    private var gradInput: Matrix?

    public init(name: String, inputWidth: Int, outputWidth: Int, activation: Activation) {
        self.name = name
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
        self.activation = activation
        self.kernel = Parameter(name: "\(name).kernel", kind: .kernel, rows: inputWidth, cols: outputWidth)
        self.bias = Parameter(name: "\(name).bias", kind: .bias, rows: 1, cols: outputWidth)
    }

    /// Pre-activations of the last forward pass (only kept for `.sigmoid`).
    public var logits: Matrix? { logitBuffer }

    public func forward(_ x: Matrix, _ context: PassContext) -> Matrix {
        precondition(x.cols == inputWidth, "\(name): input has \(x.cols) columns, expected \(inputWidth)")
        input = x
        let rows = x.rows, n = outputWidth
        let y = ensureRows(&output, rows: rows, cols: n)
        if activation != .sigmoid {
            // Bias and ReLU fused into the product: each element's FMA chain starts at b_j.
            GEMM.nn(m: rows, n: n, k: inputWidth, a: x.data, lda: inputWidth, b: kernel.value.data, ldb: n,
                    c: y.data, ldc: n, bias: bias.value.data, relu: activation == .relu, pool: context.pool)
            return y
        }
        let z = ensureRows(&logitBuffer, rows: rows, cols: n)
        GEMM.nn(m: rows, n: n, k: inputWidth, a: x.data, lda: inputWidth, b: kernel.value.data, ldb: n,
                c: z.data, ldc: n, bias: bias.value.data, relu: false, pool: context.pool)
        let count = rows * n
        for e in 0..<count { y.data[e] = stableSigmoid(z.data[e]) }
        return y
    }

    public func backward(_ g: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        backward(g, factor: nil, context, needInputGradient: needInputGradient)
    }

    /// Backward pass given ∂L/∂Y = G ⊙ K, with K a dropout's factor not yet applied (nil: K = 1),
    /// which is multiplied in the pass that sums the bias gradient.
    func backward(_ g: Matrix, factor: GradientFactor?, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        let rows = g.rows, n = outputWidth
        if activation == .sigmoid {
            precondition(factor == nil, "\(name): a sigmoid output has no dropout above it")
            let y = output!
            for e in 0..<(rows * n) { g.data[e] *= y.data[e] * (1 - y.data[e]) }
        }
        // For ReLU, f'(z) = [y > 0] (y = max(z, 0)) is applied in the bias-gradient pass.
        RowOps.columnSums(g, into: bias.gradient.data, reluOutput: activation == .relu ? output : nil, factor: factor,
                          pool: context.pool)
        return products(logitGradient: g, context, needInputGradient: needInputGradient)
    }

    /// Backward pass given ∂L/∂Z (the gradient with respect to the pre-activations).
    public func backward(logitGradient dz: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        RowOps.columnSums(dz, into: bias.gradient.data, pool: context.pool)
        return products(logitGradient: dz, context, needInputGradient: needInputGradient)
    }

    /// The rest of the backward pass once ∂L/∂Z and ∂L/∂b are known: ∂L/∂W = Xᵀ·∂L/∂Z and,
    /// when asked for, ∂L/∂X = ∂L/∂Z·Wᵀ. A conditioning layer above a ReLU Dense layer
    /// forms both in its own pass (`MassConditioningLayer.backward(_:factor:reluBiasGradient:_:needInputGradient:)`).
    func products(logitGradient dz: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        let x = input!
        let rows = dz.rows, n = outputWidth, k = inputWidth
        GEMM.tn(m: k, n: n, k: rows, a: x.data, lda: k, b: dz.data, ldb: n,
                c: kernel.gradient.data, ldc: n, accumulate: false, pool: context.pool)
        guard needInputGradient else { return nil }
        let dx = ensureRows(&gradInput, rows: rows, cols: k)
        GEMM.nt(m: rows, n: k, k: n, a: dz.data, lda: n, b: kernel.value.data, ldb: n,
                c: dx.data, ldc: k, accumulate: false, pool: context.pool)
        return dx
    }
}
