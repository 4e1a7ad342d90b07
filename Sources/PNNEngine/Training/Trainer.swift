/// One model, its optimiser and the random streams of a run: `step` performs one
/// mini-batch update exactly as Keras' `train_on_batch` would.
///
/// Loss of a step: L = (1/N)·Σ w_i·ℓ_i + R(θ), with R the L2 penalty, evaluated at the
/// weights before the update (what Keras reports).
public final class Trainer {
    public let model: Model
    public let optimizer: Adam
    public let penalty: L2Penalty
    public let pool: WorkerPool
    /// Seed of the run; keys the dropout streams.
    public let seed: UInt64
    private let logitGradient = Matrix(rows: 0, cols: 1)

    public init(model: Model, seed: UInt64, pool: WorkerPool, learningRate: Float = PaperRecipe.learningRate) {
        self.model = model
        self.seed = seed
        self.pool = pool
        self.optimizer = Adam(parameters: model.parameters, learningRate: learningRate)
        self.penalty = L2Penalty(kernel: model.spec.l2Kernel, bias: model.spec.l2Bias)
    }

    /// Number of updates applied so far.
    public var step: Int64 { optimizer.iterations }

    /// The loss decomposed into its two terms.
    public struct StepLoss: Sendable {
        public let crossEntropy: Double
        public let penalty: Double
        public var total: Double { crossEntropy + penalty }
    }

    /// Forward, backward and one Adam update on the batch (x [B × F], physics parameters
    /// mass [B × p], labels [B × 1] in {0, 1}, optional sample weights [B × 1]).
    @discardableResult
    public func step(x: Matrix, mass: Matrix, labels: Matrix, weights: Matrix? = nil) -> StepLoss {
        let context = PassContext(mass: mass, training: true, pool: pool, seed: seed, step: UInt64(optimizer.iterations))
        let profiler = model.profiler
        model.forward(x, context)
        logitGradient.resize(rows: x.rows)
        let ce = stage(profiler, "loss") {
            BinaryCrossEntropy.lossAndGradient(logits: model.outputLayer.logits!, labels: labels,
                                               weights: weights, gradient: logitGradient)
        }
        model.backward(logitGradient: logitGradient, context)
        // L2 gradient and Adam in one pass over the weights; R uses the pre-update values.
        let parameters = model.parameters, penalty = penalty
        let r = stage(profiler, "L2 + Adam update") {
            optimizer.update(parameters, pool: pool, penalty: penalty)
        }
        profiler?.finishStep()
        return StepLoss(crossEntropy: ce, penalty: r)
    }

    @inline(__always)
    private func stage<T>(_ profiler: StepProfiler?, _ name: String, _ body: () -> T) -> T {
        if let profiler { return profiler.measure(name, body) }
        return body()
    }
}
