/// Scoring throughput of a model: `Model.predict` (dropout off) over events in batches of
/// B rows, the path of per-epoch validation and of test evaluation, against its own GEMM
/// bound, the forward products alone at batch B:
///
///     T_bound = Σ_Dense t(X·W + b, f)   per batch,   fraction = T_bound / T_batch
///
/// A fraction near 1 says scoring costs what its matrix products cost: a run's validation
/// and evaluation time is then the protocol's, not overhead.
public enum InferenceBenchmark {
    public struct Result: Codable, Sendable {
        public let batchSize: Int
        /// Events scored per timed repetition.
        public let events: Int
        public let samplesPerSecond: Double
        public let medianBatchMilliseconds: Double
        public let forwardBoundMilliseconds: Double
        public let forwardBoundFraction: Double
    }

    public static func run(model: Model, batchSize: Int = 4096, batches: Int = 8, pool: WorkerPool,
                           seed: UInt64 = 42, repetitions: Int = 15) -> Result {
        let events = batchSize * batches
        let data = SyntheticBatch(size: events, features: model.spec.inputFeatures)
        data.fill(seed: seed, index: 0)
        let seconds = KernelBenchmark.median(repetitions) {
            _ = model.predict(data.x, mass: data.mass, pool: pool, batchSize: batchSize)
        }
        var bound = 0.0
        for (index, layer) in model.layers.enumerated() {
            guard let dense = layer as? Dense else { continue }
            let o = KernelBenchmark.LayerOperands(fanIn: dense.inputWidth, fanOut: dense.outputWidth, batch: batchSize,
                                                  seed: UInt64(index))
            let relu = dense.activation == .relu
            bound += KernelBenchmark.median(repetitions * 2) { o.forward(bias: true, relu: relu, pool: pool) }
        }
        let perBatch = seconds / Double(batches)
        return Result(batchSize: batchSize, events: events, samplesPerSecond: Double(events) / seconds,
                      medianBatchMilliseconds: perBatch * 1e3, forwardBoundMilliseconds: bound * 1e3,
                      forwardBoundFraction: bound / perBatch)
    }
}
