import PNNData
import PNNEngine

/// Everything one experiment's networks are trained, validated and tested on for one
/// seed at one scale: what `ExperimentRunner.run` trains from and what `bench data export`
/// writes, built by one function (`ExperimentRunner.inputs`) so the two cannot drift apart.
///
/// An individual-NN experiment has one network per training point (that point's signal and
/// all background); every other experiment has one network on all its training points.
public struct ExperimentInputs {
    /// One network to train: its points, its trainer (architecture, sampler, epochs, seed,
    /// learning rate) and its validation set.
    public struct Network {
        /// The signal points it trains on (sorted).
        public var points: [[Float]]
        public var trainer: NetworkTrainer
        /// Per training point: its validation signal and all validation background, the
        /// background's point drawn from `points` (`PerMassEvaluationSet.validation`).
        public var validation: PerMassEvaluationSet
    }

    public let data: PreparedData
    /// The seeded 75/25 split of `data.train` (`TrainValidationSplit`).
    public let split: TrainValidationSplit
    /// Every signal point of the training file (sorted), trained on or not.
    public let allPoints: [[Float]]
    /// Whole-number ids of `allPoints` (HEPMASS: the mass in GeV).
    public let ids: [Int]
    public let networks: [Network]
    /// Per signal point of the test file: its signal and all test background at that point.
    public let test: PerMassEvaluationSet
    public let batchSize: Int

    /// The id of a signal point of the training file.
    public func id(_ point: [Float]) -> Int { ids[allPoints.firstIndex(of: point)!] }
}

extension ExperimentRunner {
    /// The inputs of `spec` for this runner's seed and scale. The split is made once per
    /// data set and seed and kept, as every experiment of a seed shares it.
    public func inputs(_ spec: ExperimentSpec) throws -> ExperimentInputs {
        let data = try provider.data(spec.dataset)
        let split = splits[spec.dataset] ?? TrainValidationSplit(data.train, seed: seed)
        splits[spec.dataset] = split
        let allPoints = data.train.signalPoints
        let trainPoints = try Self.trainingPoints(spec, available: allPoints, names: data.train.parameterNames)
        let batchSize = spec.batchSize ?? scale.batchSize
        let architecture = spec.training.architecture(features: data.train.featureCount, parameters: data.train.parameterCount)
        let groups: [[[Float]]] = spec.model == .individual ? (trainPoints ?? allPoints).map { [$0] } : [trainPoints ?? allPoints]
        let networks = groups.enumerated().map { g, points in
            ExperimentInputs.Network(
                points: points,
                trainer: NetworkTrainer(
                    architecture: architecture,
                    sampler: .init(batchSize: batchSize, balance: spec.balance, backgroundMass: spec.backgroundMass,
                                   trainingPoints: points == allPoints ? nil : points,
                                   negativeWeights: provider.negativeWeights(spec.dataset)),
                    epochs: scale.epochs,
                    // Each network of an experiment draws from its own streams.
                    seed: RandomStream.networkSeed(seed, network: g)),
                validation: PerMassEvaluationSet.validation(split.validation, points: points, seed: seed))
        }
        return ExperimentInputs(data: data, split: split, allPoints: allPoints, ids: ParameterPoint.ids(allPoints),
                                networks: networks, test: PerMassEvaluationSet.test(data.test), batchSize: batchSize)
    }
}
