import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// The runner end to end on a tiny simulated data set.
@Suite struct ExperimentRunnerTests {
    static let tiny = Scale(name: "test", trainEvents: 20_000, testEvents: 5_000, epochs: 3, batchSize: 128)

    static func run(_ spec: ExperimentSpec, threads: Int, seed: UInt64 = 42) throws -> RunResult {
        let pool = WorkerPool(threads: threads)
        let runner = ExperimentRunner(provider: DatasetProvider(source: .simulator(), scale: tiny, threads: threads),
                                      seed: seed, pool: pool)
        return try runner.run(spec, key: "k").0
    }

    static let affine = ExperimentSpec(id: "t/affine", reproduces: PaperReference(artifact: "table3", row: "Affine | Identical (sampled)"),
                                       training: TrainingDefinition(dataset: .hepmass, model: .affine, backgroundMass: .identicalSampled, balance: .none,
                                                                    trainMasses: nil, regularized: true, batchSize: nil), description: nil)

    @Test func resultsAreIdenticalAcrossRunsAndThreadCounts() throws {
        let a = try Self.run(Self.affine, threads: 1)
        let b = try Self.run(Self.affine, threads: 2)
        let c = try Self.run(Self.affine, threads: 2)
        #expect(a == b)
        #expect(b == c)
        #expect(a.perMass.map(\.mass) == [500, 750, 1000, 1250, 1500])
        #expect(a.training.count == 1 && a.training[0].history.count == 3)
        #expect((1...3).contains(a.training[0].bestEpoch))
        // A trained model separates the classes, and heavier masses are easier.
        #expect(a.average.rocAUC > 0.75, "\(a.perMass.map(\.rocAUC))")
        #expect(a.perMass.last!.rocAUC > a.perMass.first!.rocAUC)
    }

    @Test func differentSeedsGiveDifferentResults() throws {
        let a = try Self.run(Self.affine, threads: 2, seed: 1)
        let b = try Self.run(Self.affine, threads: 2, seed: 2)
        #expect(a.average.rocAUC != b.average.rocAUC)
    }

    @Test func individualNetworksAreOnePerMassAndEvaluatedAtTheirOwnMass() throws {
        var spec = Self.affine
        spec.model = .individual
        let r = try Self.run(spec, threads: 2)
        #expect(r.training.map(\.mass) == [500, 750, 1000, 1250, 1500])
        #expect(r.training.allSatisfy { $0.parameters == 73_751 })
    }

    @Test func interpolationTrainsOnASubsetButIsEvaluatedOnEveryMass() throws {
        var spec = Self.affine
        spec.trainMasses = [500, 1500]
        let r = try Self.run(spec, threads: 2)
        #expect(r.perMass.count == 5)
        var bad = spec
        bad.trainMasses = [600]
        #expect(throws: RunnerError.self) { try Self.run(bad, threads: 1) }
    }

    @Test func unregularisedSpecsHaveNoDropoutAndNoL2() {
        var spec = Self.affine
        spec.regularized = false
        let a = spec.training.architecture
        #expect(a.dropoutRate == 0 && a.l2Kernel == 0 && a.l2Bias == 0)
        #expect(Self.affine.training.architecture.dropoutRate == 0.25)
    }
}
