/// The time a training step of a model would take if it did nothing but its Dense layers'
/// matrix products, each timed alone on the step's shapes (batch B):
///
///     T_bound = Σ_Dense [ t(X·W + b, f)  +  t(Xᵀ·∂Z)  +  t(∂Z·Wᵀ) ]
///
/// (the last term only for layers whose input gradient the step computes). A step's
/// fraction of its GEMM bound is T_bound / T_step: 1 means everything else — conditioning
/// maps, dropout, the loss, L2 and Adam, thread hand-offs — costs nothing. Because the
/// products are measured on this machine, the fraction tells on any CPU how much of a
/// step is outside the kernels, whatever the kernels' own speed.
public enum GEMMBound {
    /// One product of the step: `form` as in `KernelBenchmark`, C[m×n] with reduction k.
    public struct Product: Codable, Sendable {
        public let layer: String
        public let form: String
        public let m: Int, n: Int, k: Int
        public let medianMilliseconds: Double
    }

    public struct Result: Codable, Sendable {
        public let products: [Product]
        /// Σ of the products' medians.
        public var milliseconds: Double { products.reduce(0) { $0 + $1.medianMilliseconds } }
    }

    public static func measure(model: Model, batch: Int, pool: WorkerPool, repetitions: Int = 30) -> Result {
        var products: [Product] = []
        for (index, layer) in model.layers.enumerated() {
            guard let dense = layer as? Dense else { continue }
            let n = dense.outputWidth, k = dense.inputWidth
            let o = KernelBenchmark.LayerOperands(fanIn: k, fanOut: n, batch: batch, seed: UInt64(index))
            func add(_ form: String, _ m: Int, _ n: Int, _ k: Int, _ body: () -> Void) {
                let t = KernelBenchmark.median(repetitions, body)
                products.append(Product(layer: dense.name, form: form, m: m, n: n, k: k, medianMilliseconds: t * 1e3))
            }
            let relu = dense.activation == .relu
            add(relu ? "X·W+b ReLU" : "X·W+b", batch, n, k) { o.forward(bias: true, relu: relu, pool: pool) }
            add("Xᵀ·dY", k, n, batch) { o.weightGradient(pool: pool) }
            if model.computesInputGradient(ofLayer: index) {
                add("dY·Wᵀ", batch, k, n) { o.inputGradient(pool: pool) }
            }
        }
        return Result(products: products)
    }
}
