import Foundation
import PNNData
import PNNEngine

/// Trains and evaluates experiments: the spec, a scale, a data source and a seed in; a
/// `RunResult` (and its timing) out. Training follows the paper's §6.3.1: the network of
/// the spec's kind with `PaperRecipe`'s Adam (lr 3e-4), dropout 0.25 and L2 (1e-4 kernels, 1e-5 biases)
/// unless the spec is unregularised, the scale's epochs and batch size; model selection
/// on validation ROC-AUC (§4.3.1); test per mass (§6).
public final class ExperimentRunner {
    public let provider: DatasetProvider
    public let seed: UInt64
    public let pool: WorkerPool
    /// The train/validation split of each data set for this seed (see `inputs`).
    var splits: [DatasetKind: TrainValidationSplit] = [:]
    /// When set, every trained network is saved there (see `checkpointName`), for figures
    /// that need the networks themselves (t-SNE of the last hidden layer).
    public var modelsDirectory: URL?

    public init(provider: DatasetProvider, seed: UInt64, pool: WorkerPool) {
        self.provider = provider
        self.seed = seed
        self.pool = pool
    }

    public var scale: Scale { provider.scale }

    /// Events of a stage, for progress: which network of the experiment is training.
    public struct Progress: Sendable {
        public var network: Int
        public var networks: Int
        public var mass: Int?
        public var training: TrainingProgress
    }

    /// File name of a trained network's checkpoint: `<result key>.ckpt`, or
    /// `<result key>-<mass>.ckpt` for the individual NN of one mass.
    public static func checkpointName(key: String, mass: Int?) -> String {
        mass.map { "\(key)-\($0).ckpt" } ?? "\(key).ckpt"
    }

    /// The data identity the result of `spec` will carry (see `DatasetProvider.identity`).
    public func dataIdentity(_ spec: ExperimentSpec) throws -> DataIdentity {
        try provider.identity(spec.dataset)
    }

    public func run(_ spec: ExperimentSpec, key: String, progress: ((Progress) -> Void)? = nil) throws -> (RunResult, RunTiming) {
        let inputs = try RunPhases.shared.measure(.data) { try self.inputs(spec) }
        let split = inputs.split, test = inputs.test, id = inputs.id
        var outcomes: [(points: [[Float]], outcome: NetworkTrainer.Outcome)] = []
        for (g, network) in inputs.networks.enumerated() {
            let points = network.points
            let outcome = try network.trainer.train(split.train, validation: network.validation, pool: pool) { p in
                progress?(Progress(network: g + 1, networks: inputs.networks.count,
                                   mass: spec.model == .individual ? id(points[0]) : nil, training: p))
            }
            outcomes.append((points, outcome))
            if let dir = modelsDirectory {
                try RunPhases.shared.measure(.checkpoints) {
                    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                    try Checkpoint.save(outcome.trainer, to: dir.appendingPathComponent(
                        Self.checkpointName(key: key, mass: spec.model == .individual ? id(points[0]) : nil)).path)
                }
            }
        }

        let evaluationStart = MonotonicClock.now()
        let perMass = try RunPhases.shared.measure(.evaluation) {
            try TestEvaluator.evaluate(test, model: { k in
                let point = test.points[k]
                return (outcomes.first { $0.points.contains(point) } ?? outcomes[0]).outcome.model
            }, massDependent: spec.model.isParametric, pool: pool)
        }
        let evaluationSeconds = MonotonicClock.now() - evaluationStart

        func mean(_ f: (RunResult.MassResult) -> Double) -> Double { perMass.map(f).reduce(0, +) / Double(perMass.count) }
        let result = RunResult(
            key: key, spec: spec, scale: scale, data: inputs.data.identity, seed: seed, engineVersion: EngineVersion.current,
            perMass: perMass,
            average: .init(rocAUC: mean(\.rocAUC), prAUC: mean(\.prAUC), sigmaRatio: mean(\.sigmaRatio),
                           sigmaRatioBinned: mean(\.sigmaRatioBinned)),
            training: outcomes.map { entry in
                RunResult.TrainingRecord(mass: spec.model == .individual ? id(entry.points[0]) : nil,
                                         parameters: entry.outcome.model.parameterCount,
                                         history: entry.outcome.history, bestEpoch: entry.outcome.bestEpoch,
                                         conditions: TrainingConditions(
                                            points: entry.points.map { p in
                                                .init(mass: id(p), trainingSignal: split.train.signalIndices(point: p).count,
                                                      validationSignal: split.validation.signalIndices(point: p).count)
                                            },
                                            trainingBackground: split.train.indices(label: 0).count,
                                            validationBackground: split.validation.indices(label: 0).count,
                                            epochs: scale.epochs, batchSize: inputs.batchSize, stepsPerEpoch: entry.outcome.stepsPerEpoch))
            })
        let trainingSeconds = outcomes.reduce(0) { $0 + $1.outcome.trainingSeconds }
        let samples = outcomes.reduce(0) { $0 + $1.outcome.trainedSamples }
        let timing = RunTiming(trainingSeconds: trainingSeconds, evaluationSeconds: evaluationSeconds,
                               samplesPerSecond: Double(samples) / max(trainingSeconds, 1e-9), threads: pool.threadCount)
        return (result, timing)
    }
}

extension ExperimentRunner {
    /// The points `spec` trains on (sorted), nil for all: `trainMasses` (GeV, one-parameter
    /// data) or `trainPoints`, each of which must be a signal point of the data.
    static func trainingPoints(_ spec: ExperimentSpec, available: [[Float]], names: [String]) throws -> [[Float]]? {
        let wanted: [[Float]]? = spec.trainPoints.map { $0.map { $0.map(Float.init) } }
            ?? spec.trainMasses.map { $0.map { [Float($0)] } }
        return try wanted.map { points in
            for point in points where !available.contains(point) {
                throw RunnerError.unknownPoint(experiment: spec.id, point: ParameterPoint.label(point, names: names),
                                               available: available.map { ParameterPoint.label($0, names: names) },
                                               inGeV: names == ["mass"])
            }
            return points.sorted(by: ParameterPoint.precedes)
        }
    }
}

/// Problems found while running an experiment.
public enum RunnerError: Error, CustomStringConvertible {
    case unknownPoint(experiment: String, point: String, available: [String], inGeV: Bool)

    public var description: String {
        switch self {
        case let .unknownPoint(experiment, point, available, inGeV):
            return inGeV
                ? "experiment '\(experiment)': training mass \(point) GeV is not in the data (signal masses: \(available.joined(separator: ", ")))"
                : "experiment '\(experiment)': training point \(point) is not in the data (signal points: \(available.joined(separator: "; ")))"
        }
    }
}
