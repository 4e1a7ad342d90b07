import Foundation
import PNNData
import PNNEngine

/// Trains and evaluates experiments: the spec, a scale, a data source and a seed in; a
/// `RunResult` (and its timing) out. Training follows the paper's §6.3.1: the network of
/// the spec's kind, Adam (lr 3e-4), dropout 0.25 and L2 (1e-4 kernels, 1e-5 biases)
/// unless the spec is unregularised, the scale's epochs and batch size; model selection
/// on validation ROC-AUC (§4.3.1); test per mass (§6).
public final class ExperimentRunner {
    public let provider: DatasetProvider
    public let seed: UInt64
    public let pool: WorkerPool
    private var splits: [DatasetKind: TrainValidationSplit] = [:]
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
        let data = try provider.data(spec.dataset)
        let split = splits[spec.dataset] ?? TrainValidationSplit(data.train, seed: seed)
        splits[spec.dataset] = split
        let allMasses = data.train.signalMasses.sorted()
        let trainMasses = try spec.trainMasses.map { masses -> [Float] in
            let ms = masses.map(Float.init).sorted()
            for m in ms where !allMasses.contains(m) {
                throw RunnerError.unknownMass(experiment: spec.id, mass: Int(m), available: allMasses.map { Int($0) })
            }
            return ms
        }
        let batchSize = spec.batchSize ?? scale.batchSize
        let architecture = spec.training.architecture
        let test = PerMassEvaluationSet.test(data.test)

        // Individual NNs: one network per mass, each on that mass's signal and all background.
        let groups: [[Float]] = spec.model == .individual ? (trainMasses ?? allMasses).map { [$0] } : [trainMasses ?? allMasses]
        var outcomes: [(masses: [Float], outcome: NetworkTrainer.Outcome)] = []
        for (g, masses) in groups.enumerated() {
            let trainer = NetworkTrainer(
                architecture: architecture,
                sampler: .init(batchSize: batchSize, balance: spec.balance, backgroundMass: spec.backgroundMass,
                               trainingMasses: masses == allMasses ? nil : masses),
                epochs: scale.epochs,
                // Each network of an experiment draws from its own streams.
                seed: groups.count == 1 ? seed : seed &+ UInt64(g) &* 0x9E37_79B9)
            let validation = PerMassEvaluationSet.validation(split.validation, masses: masses, seed: seed)
            let outcome = try trainer.train(split.train, validation: validation, pool: pool) { p in
                progress?(Progress(network: g + 1, networks: groups.count,
                                   mass: spec.model == .individual ? Int(masses[0]) : nil, training: p))
            }
            outcomes.append((masses, outcome))
            if let dir = modelsDirectory {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try Checkpoint.save(outcome.trainer, to: dir.appendingPathComponent(
                    Self.checkpointName(key: key, mass: spec.model == .individual ? Int(masses[0]) : nil)).path)
            }
        }

        let evaluationStart = MonotonicClock.now()
        let perMass = try TestEvaluator.evaluate(test, model: { k in
            let mass = test.masses[k]
            return (outcomes.first { $0.masses.contains(mass) } ?? outcomes[0]).outcome.model
        }, massDependent: spec.model.isParametric, pool: pool)
        let evaluationSeconds = MonotonicClock.now() - evaluationStart

        func mean(_ f: (RunResult.MassResult) -> Double) -> Double { perMass.map(f).reduce(0, +) / Double(perMass.count) }
        let result = RunResult(
            key: key, spec: spec, scale: scale, data: data.identity, seed: seed, engineVersion: EngineVersion.current,
            perMass: perMass,
            average: .init(rocAUC: mean(\.rocAUC), prAUC: mean(\.prAUC), sigmaRatio: mean(\.sigmaRatio),
                           sigmaRatioBinned: mean(\.sigmaRatioBinned)),
            training: outcomes.map { entry in
                RunResult.TrainingRecord(mass: spec.model == .individual ? Int(entry.masses[0]) : nil,
                                         parameters: entry.outcome.model.parameterCount,
                                         history: entry.outcome.history, bestEpoch: entry.outcome.bestEpoch)
            })
        let trainingSeconds = outcomes.reduce(0) { $0 + $1.outcome.trainingSeconds }
        let samples = outcomes.reduce(0) { $0 + $1.outcome.trainedSamples }
        let timing = RunTiming(trainingSeconds: trainingSeconds, evaluationSeconds: evaluationSeconds,
                               samplesPerSecond: Double(samples) / max(trainingSeconds, 1e-9), threads: pool.threadCount)
        return (result, timing)
    }
}

/// Problems found while running an experiment.
public enum RunnerError: Error, CustomStringConvertible {
    case unknownMass(experiment: String, mass: Int, available: [Int])

    public var description: String {
        switch self {
        case let .unknownMass(experiment, mass, available):
            return "experiment '\(experiment)': training mass \(mass) GeV is not in the data (signal masses: \(available.map(String.init).joined(separator: ", ")))"
        }
    }
}
