import Foundation
import PNNData
import PNNMetrics
import PNNEngine
@testable import PNNBench

/// Results and paths shared by the store, baseline, claim and comparison tests.
enum CompareFixtures {
    /// The package's root folder (tests read the committed Baselines/ from it).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let baselines = root.appendingPathComponent("Baselines")
    /// `Tests/PNNBenchTests/Fixtures/compare`, in the source tree (the CLI tests read it too).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/compare")

    static let masses = [500, 750, 1000, 1250, 1500]
    static let smoke = Scale(name: "smoke", trainEvents: 20000, testEvents: 10000, epochs: 2, batchSize: 256)
    static let sim = DataIdentity(source: "sim", description: "HEPMASS-SIM (balanced), 20000 train / 10000 test events", fingerprint: "sim-v1-seed42")

    static func spec(_ id: String, _ artifact: String, _ row: String, model: ModelKind = .pnn) -> ExperimentSpec {
        ExperimentSpec(id: id, reproduces: PaperReference(artifact: artifact, row: row),
                       training: TrainingDefinition(dataset: .hepmass, model: model, backgroundMass: .identicalSampled, balance: .none,
                                                    trainMasses: nil, regularized: true, batchSize: nil),
                       description: nil)
    }

    /// A result whose ROC-AUC and σ_ratio (fractions) are given per mass; the averages are
    /// the plain means unless given.
    static func result(_ spec: ExperimentSpec, auc: [Double], sigma: [Double]? = nil, aucAverage: Double? = nil, sigmaAverage: Double? = nil,
                       masses: [Int] = masses, scale: Scale = smoke, data: DataIdentity = sim, seed: UInt64 = 42,
                       engineVersion: String = "test-1") -> RunResult {
        let sigma = sigma ?? auc.map { 0.7 + 0.25 * ($0 - 0.5) / 0.5 }
        let perMass = masses.indices.map { i in
            RunResult.MassResult(mass: masses[i], rocAUC: auc[i], prAUC: auc[i] - 0.01, sigmaRatio: sigma[i], sigmaRatioBinned: sigma[i] - 0.001,
                                 bestCut: 0.5 + 0.01 * Double(i), bestCutBinned: 0.5, signalCount: 100 + i, backgroundCount: 500,
                                 rocCurve: Curve(x: [0, 0.25, 1], y: [0, auc[i], 1]), prCurve: Curve(x: [0, 1], y: [1, 0.5]),
                                 signalHistogram: [0.1, 0.9], backgroundHistogram: [0.8, 0.2])
        }
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let averages = RunResult.Averages(rocAUC: aucAverage ?? mean(auc), prAUC: mean(auc) - 0.01,
                                          sigmaRatio: sigmaAverage ?? mean(sigma), sigmaRatioBinned: mean(sigma) - 0.001)
        let training = [RunResult.TrainingRecord(mass: nil, parameters: 70_001,
                                                 history: [.init(epoch: 1, trainLoss: 0.61, validationAUC: 0.8),
                                                           .init(epoch: 2, trainLoss: 0.52, validationAUC: 0.85)],
                                                 bestEpoch: 2)]
        let key = ResultStore.key(spec: spec, scale: scale, data: data, seed: seed, engineVersion: engineVersion)
        return RunResult(key: key, spec: spec, scale: scale, data: data, seed: seed, engineVersion: engineVersion,
                         perMass: perMass, average: averages, training: training)
    }

    /// The two smoke-scale results of the CLI fixtures, with made-up metrics but stored
    /// under the keys `bench compare --scale smoke --seed 42` computes today: the specs of
    /// Suites/paper.yaml, the smoke scale of Suites/scales.yaml, the simulator's identity
    /// and this engine version. (When any of these changes, `CompareFixtureFilesTests`
    /// says to regenerate the files.)
    static var smokeResults: [RunResult] {
        let suites = root.appendingPathComponent("Suites")
        // The committed suite and scales parse (RegistryTests check them).
        let suite = try! SuiteRegistry.load(suite: "paper", directory: suites)
        let scale = try! ScaleRegistry.load(scale: "smoke", directory: suites)
        func current(_ id: String, auc: [Double]) -> RunResult {
            let spec = suite.experiments.first { $0.id == id }!
            let (train, test) = DatasetProvider.simulatorEvents(spec.dataset, scale: scale)
            let data = DatasetProvider.simulatorIdentity(.default, kind: spec.dataset, trainEvents: train, testEvents: test)
            return result(spec, auc: auc, scale: scale, data: data, engineVersion: EngineVersion.current)
        }
        return [current("table3/single", auc: [0.70, 0.88, 0.95, 0.97, 0.98]),
                current("table3/individual", auc: [0.75, 0.91, 0.96, 0.98, 0.99])]
    }

    /// Results carrying the paper's own numbers for every row of the paper's tables, so
    /// that comparing them with the paper baseline is exact and every table claim can be
    /// checked against the paper itself.
    static func paperResults() throws -> [RunResult] {
        let set = try BaselineSet.load(kind: .paper, directory: baselines)
        return set.tables.flatMap { table in
            table.rows.map { row in
                let auc = row.values[.rocAUC]!.map { $0! / 100 }
                let sigma = row.values[.sigmaRatio].map { $0.map { $0! / 100 } }
                let id = row.reference.artifact + "/" + row.reference.row
                return result(spec(id, row.reference.artifact, row.reference.row), auc: auc, sigma: sigma,
                              aucAverage: row.averages[.rocAUC].map { $0 / 100 }, sigmaAverage: row.averages[.sigmaRatio].map { $0 / 100 },
                              scale: Scale(name: "paper", trainEvents: nil, testEvents: nil, epochs: 25, batchSize: 1024),
                              data: DataIdentity(source: "hepmass", description: "paper", fingerprint: "paper"))
            }
        }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects store warnings in tests.
final class WarningLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var all: [String] { lock.withLock { lines } }
    func append(_ line: String) { lock.withLock { lines.append(line) } }
}
