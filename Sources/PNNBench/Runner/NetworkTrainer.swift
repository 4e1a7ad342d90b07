import PNNData
import PNNEngine
import PNNMetrics

/// Progress of a training, for terminals and logs.
public struct TrainingProgress: Sendable {
    public var epoch: Int
    public var epochs: Int
    public var step: Int
    public var stepsPerEpoch: Int
    public var meanLoss: Double
    public var validationAUC: Double?
    public var samplesPerSecond: Double
}

/// Trains one network as the paper does (§4.3.1, §6.3.1): Adam on mini-batches from a
/// `BatchSampler` for a fixed number of epochs; after every epoch the ROC-AUC on the
/// validation set (for each training mass m_i: its signal and all background with the
/// background's mass drawn from the training masses), averaged over masses
/// (`ValidationScoring`); the weights
/// of the epoch with the best validation AUC are kept.
public struct NetworkTrainer {
    public var architecture: ArchitectureSpec
    public var sampler: BatchSampler.Configuration
    public var epochs: Int
    public var seed: UInt64
    public var learningRate: Float = PaperRecipe.learningRate

    public init(architecture: ArchitectureSpec, sampler: BatchSampler.Configuration, epochs: Int, seed: UInt64) {
        self.architecture = architecture
        self.sampler = sampler
        self.epochs = epochs
        self.seed = seed
    }

    public struct Outcome {
        /// Holds the model with the kept epoch's weights (and the optimiser's final state).
        public let trainer: Trainer
        public var model: Model { trainer.model }
        public let history: [RunResult.EpochRecord]
        public let bestEpoch: Int
        public let trainedSamples: Int
        public let trainingSeconds: Double
        public let stepsPerEpoch: Int
    }

    /// `validation`: the per-mass validation set (built from the 25 % split).
    public func train(_ data: EventDataset, validation: PerMassEvaluationSet, pool: WorkerPool,
                      progress: ((TrainingProgress) -> Void)? = nil) throws -> Outcome {
        try RunPhases.shared.measure(.training) { try trainCharged(data, validation: validation, pool: pool, progress: progress) }
    }

    /// `train`, inside the run's training phase; validation and the best-epoch copies are
    /// charged to their own phases.
    private func trainCharged(_ data: EventDataset, validation: PerMassEvaluationSet, pool: WorkerPool,
                              progress: ((TrainingProgress) -> Void)?) throws -> Outcome {
        let model = Model(spec: architecture, seed: seed)
        let trainer = Trainer(model: model, seed: seed, pool: pool, learningRate: learningRate)
        let batchSampler = try BatchSampler(dataset: data, configuration: sampler, seed: seed)
        let b = sampler.batchSize
        let x = Matrix(rows: b, cols: data.featureCount), m = Matrix(rows: b, cols: data.parameterCount)
        let y = Matrix(rows: b, cols: 1), w = Matrix(rows: b, cols: 1)
        var history: [RunResult.EpochRecord] = []
        var best = (epoch: 0, auc: -Double.infinity, weights: [[Float]]())
        var samples = 0
        var seconds = 0.0
        let steps = batchSampler.stepsPerEpoch
        let scoring = RunPhases.shared.measure(.validation) { ValidationScoring(validation) }
        for epoch in 0..<epochs {
            var lossSum = 0.0
            let start = MonotonicClock.now()
            var lastReport = start
            for step in 0..<steps {
                let n = batchSampler.fill(x: x, mass: m, label: y, weight: w, epoch: epoch, step: step)
                lossSum += trainer.step(x: x, mass: m, labels: y, weights: w).total
                samples += n
                let now = MonotonicClock.now()
                if let progress, now - lastReport > 0.5 {
                    lastReport = now
                    progress(TrainingProgress(epoch: epoch + 1, epochs: epochs, step: step + 1, stepsPerEpoch: steps,
                                              meanLoss: lossSum / Double(step + 1), validationAUC: nil,
                                              samplesPerSecond: Double((step + 1) * b) / (now - start)))
                }
            }
            seconds += MonotonicClock.now() - start
            let auc = try RunPhases.shared.measure(.validation) { try scoring.meanROCAUC(model, pool: pool) }
            let record = RunResult.EpochRecord(epoch: epoch + 1, trainLoss: lossSum / Double(max(steps, 1)), validationAUC: auc)
            history.append(record)
            progress?(TrainingProgress(epoch: epoch + 1, epochs: epochs, step: steps, stepsPerEpoch: steps,
                                       meanLoss: record.trainLoss, validationAUC: auc,
                                       samplesPerSecond: Double(samples) / max(seconds, 1e-9)))
            // Strictly better only: ties keep the earlier epoch.
            if auc > best.auc {
                best = RunPhases.shared.measure(.checkpoints) { (epoch + 1, auc, model.parameters.map { $0.value.toArray() }) }
            }
        }
        RunPhases.shared.measure(.checkpoints) {
            for (p, values) in zip(model.parameters, best.weights) {
                values.withUnsafeBufferPointer { p.value.data.update(from: $0.baseAddress!, count: values.count) }
            }
        }
        return Outcome(trainer: trainer, history: history, bestEpoch: best.epoch, trainedSamples: samples, trainingSeconds: seconds,
                       stepsPerEpoch: steps)
    }
}

/// Scores of a model on an evaluation set.
enum Scoring {
    static let batch = 4096

    /// Scores of rows `rows` (default: all; signal rows first, then background) at mass index k.
    static func scores(_ model: Model, _ set: PerMassEvaluationSet, massIndex k: Int, rows: Range<Int>? = nil,
                       pool: WorkerPool) -> [Float] {
        let rows = rows ?? 0..<set.count(massIndex: k)
        let x = Matrix(rows: batch, cols: set.dataset.featureCount), m = Matrix(rows: batch, cols: set.dataset.parameterCount)
        let label = Matrix(rows: batch, cols: 1)
        return model.predict(count: rows.count, x: x, mass: m, pool: pool) { part in
            set.fill(massIndex: k, rows: (rows.lowerBound + part.lowerBound)..<(rows.lowerBound + part.upperBound),
                     x: x, mass: m, label: label)
        }
    }
}
