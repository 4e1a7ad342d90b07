import Foundation
import PNNData
import PNNEngine

/// The calibration of HEPMASS-SIM: individual NNs (one network per mass, no mass input,
/// Table 3's "Individual-NNs | None" row) trained on simulated events, their test
/// ROC-AUC per mass set against the paper's on HEPMASS. The generator is tuned so that
/// this profile matches the paper's within a few points, with 500 GeV the hardest mass.
public struct SimulatorCalibration {
    /// The paper's individual-NN ROC-AUC on HEPMASS (Table 3), percent, per mass (GeV).
    public static let paperIndividualAUC: [Int: Double] = [500: 77.35, 750: 92.59, 1000: 97.42, 1250: 98.89, 1500: 99.45]

    /// Table 3's individual NNs, as `Suites/paper.yaml` declares them.
    public static let training = TrainingDefinition(dataset: .hepmass, model: .individual, backgroundMass: .identicalFixed,
                                                    balance: .none, trainMasses: nil, regularized: true, batchSize: nil)

    public var parameters: SimulationParameters
    public var scale: Scale
    public var seed: UInt64
    public var threads: Int

    public init(parameters: SimulationParameters, scale: Scale, seed: UInt64, threads: Int) {
        self.parameters = parameters
        self.scale = scale
        self.seed = seed
        self.threads = threads
    }

    /// Generates the events, trains and evaluates the individual NNs. The result is not
    /// stored: its key is the fixed placeholder "calibration".
    public func run() throws -> (RunResult, RunTiming) {
        let pool = WorkerPool(threads: threads)
        let runner = ExperimentRunner(provider: DatasetProvider(source: .simulator(parameters), scale: scale, threads: pool.threadCount),
                                      seed: seed, pool: pool)
        let spec = ExperimentSpec(id: "calibration/individual", reproduces: PaperReference(artifact: "table3", row: "Individual-NNs | None"),
                                  training: Self.training, description: nil)
        return try runner.run(spec, key: "calibration")
    }
}
