import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// A data set declared in a suite file, end to end: written by the test (12 features,
/// `mA` at 7 points or a 2-parameter grid, negative weights), read, trained and tested.
@Suite struct DeclaredDatasetTests {
    static let tiny = Scale(name: "test", trainEvents: nil, testEvents: nil, epochs: 8, batchSize: 64)

    /// A fresh folder with the fixture's files and suite.
    static func folder(parameters: Int, negativeWeights: String = "keep") throws -> (URL, Suite) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-declared-\(UUID().uuidString)")
        try DeclaredDataFixture.write(to: dir, parameters: parameters)
        let url = try DeclaredDataFixture.writeSuite(to: dir, parameters: parameters, negativeWeights: negativeWeights)
        return (dir, try SuiteRegistry.load(contentsOf: url))
    }

    static func runner(_ suite: Suite, threads: Int, seed: UInt64 = 42) -> ExperimentRunner {
        ExperimentRunner(provider: DatasetProvider(source: .simulator(), scale: tiny, threads: threads, declarations: suite.datasets,
                                                   searchDirectories: [suite.directory!]),
                         seed: seed, pool: WorkerPool(threads: threads))
    }

    @Test func oneParameterWithSevenPointsTrainsAndIsTestedAtEveryPoint() throws {
        let (dir, suite) = try Self.folder(parameters: 1)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(suite.masses.isEmpty)
        #expect(suite.experiments.count == 5)
        let spec = try #require(suite.experiment(id: "interp/pnn-identical-sampled"))
        #expect(spec.trainPoints == [[300], [500], [700], [900]])
        let data = try Self.runner(suite, threads: 2).provider.data(spec.dataset)
        #expect(data.train.featureCount == 12 && data.train.parameterCount == 1)
        #expect(data.train.parameterNames == ["mA"])
        #expect(data.train.signalMasses == [300, 400, 500, 600, 700, 800, 900])
        #expect(data.train.weight != nil && data.train.weight!.contains { $0 < 0 })
        // 25 % of every point's signal and of the background is held out for the test.
        #expect(data.test.signalIndices(mass: 400).count == 100)
        #expect(data.test.indices(label: 0).count == 1000)
        #expect(data.identity.source == "declared")
        #expect(data.identity.fingerprint.contains("signal.csv:") && data.identity.fingerprint.contains("background.csv:"))

        for model in ["pnn", "affine"] {
            let spec = try #require(suite.experiment(id: "interp/\(model)-identical-sampled"))
            let a = try Self.runner(suite, threads: 1).run(spec, key: "k").0
            let b = try Self.runner(suite, threads: 2).run(spec, key: "k").0
            #expect(a == b, "results differ between 1 and 2 threads")
            #expect(a.perMass.map(\.mass) == [300, 400, 500, 600, 700, 800, 900])
            #expect(a.perMass.allSatisfy { $0.point == nil })
            #expect(a.perMass.allSatisfy { $0.signalCount == 100 && $0.backgroundCount == 1000 })
            #expect(a.training[0].parameters == Model(spec: spec.training.architecture(features: 12, parameters: 1), seed: 1).parameterCount)
            // x1 alone separates the classes with ROC-AUC Φ(1.5/√2) ≈ 0.86 at every point;
            // the concatenation pNN gets there within the first epochs. The AffinePNN starts
            // slower on so few events (its mean test ROC-AUC is 0.61–0.72 over seeds 42–45
            // here), so for it the check is that validation improved during training.
            let history = a.training[0].history.map(\.validationAUC)
            if model == "pnn" {
                #expect(a.average.rocAUC > 0.75, "\(a.perMass.map(\.rocAUC))")
            } else {
                #expect(history.max()! > history[0] + 0.02, "\(history)")
            }
        }
    }

    @Test func twoParametersGiveEveryGridPointAResult() throws {
        let (dir, suite) = try Self.folder(parameters: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = try #require(suite.experiment(id: "interp/affine-uniform-sampled"))
        let runner = Self.runner(suite, threads: 2)
        let data = try runner.provider.data(spec.dataset)
        #expect(data.train.parameterCount == 2 && data.train.signalPoints.count == 9)
        let result = try runner.run(spec, key: "k").0
        #expect(result.perMass.map(\.mass) == Array(1...9))
        #expect(result.perMass.map { $0.point! } == DeclaredDataFixture.gridX.flatMap { x in DeclaredDataFixture.gridY.map { [x, $0] } })
        #expect(result.average.rocAUC > 0.6, "\(result.perMass.map(\.rocAUC))")
        let all = try runner.run(try #require(suite.experiment(id: "all/pnn")), key: "k2").0
        #expect(all.perMass.count == 9)
    }

    @Test func negativeWeightPoliciesTrainDifferentNetworks() throws {
        var averages: [String: Double] = [:]
        for policy in NegativeWeightPolicy.allCases {
            let (dir, suite) = try Self.folder(parameters: 1, negativeWeights: policy.rawValue)
            defer { try? FileManager.default.removeItem(at: dir) }
            let spec = try #require(suite.experiment(id: "all/pnn"))
            let runner = Self.runner(suite, threads: 2)
            #expect(runner.provider.negativeWeights(spec.dataset) == policy)
            let result = try runner.run(spec, key: "k").0
            averages[policy.rawValue] = result.average.rocAUC
            // The data's identity holds the declaration, so each policy has its own results.
            #expect(try runner.provider.identity(spec.dataset).fingerprint.contains("declaration="))
        }
        #expect(Set(averages.values).count == 3, "\(averages)")
    }
}
