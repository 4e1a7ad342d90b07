import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// The exported tables hold what training and validation actually feed the network:
/// batches filled by the engine's own sampler and evaluation sets are looked up in them.
@Suite struct TrainingInputExportTests {
    static let tiny = Scale(name: "test", trainEvents: 6_000, testEvents: 2_000, epochs: 1, batchSize: 128)

    static func inputs(_ mode: BackgroundMassMode, trainMasses: [Int]?) throws -> ExperimentInputs {
        let spec = ExperimentSpec(id: "t/affine", reproduces: PaperReference(artifact: "table3", row: "Affine | x"),
                                  training: TrainingDefinition(dataset: .hepmass, model: .affine, backgroundMass: mode, balance: .none,
                                                               trainMasses: trainMasses, regularized: true, batchSize: nil),
                                  description: nil)
        let runner = ExperimentRunner(provider: DatasetProvider(source: .simulator(), scale: tiny, threads: 1), seed: 7, pool: WorkerPool(threads: 1))
        return try runner.inputs(spec)
    }

    @Test(arguments: [(BackgroundMassMode.identicalFixed, nil as [Int]?), (.identicalSampled, [500, 1500]), (.uniformFixed, nil)])
    func batchesAreRowsOfTheTrainingTable(mode: BackgroundMassMode, trainMasses: [Int]?) throws {
        let inputs = try Self.inputs(mode, trainMasses: trainMasses)
        let network = inputs.networks[0]
        let sampler = try BatchSampler(dataset: inputs.split.train, configuration: network.trainer.sampler, seed: network.trainer.seed)
        let table = TrainingInputExport.trainingTable(sampler, parameterNames: ["mass"])
        let width = table.columns.count, f = 27
        #expect(table.rows == sampler.eligibleCount)
        let position = Dictionary(uniqueKeysWithValues: sampler.eligibleEvents.enumerated().map { ($1, $0) })
        let points = Set(network.points.map { $0[0] / 1000 })
        let x = Matrix(rows: 128, cols: f), m = Matrix(rows: 128, cols: 1), y = Matrix(rows: 128, cols: 1), w = Matrix(rows: 128, cols: 1)
        for step in [0, 1, sampler.stepsPerEpoch - 1] {
            let n = sampler.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: step)
            for (r, event) in sampler.rows(epoch: 0, step: step).enumerated() {
                let row = Array(table.values[(position[event]! * width)..<((position[event]! + 1) * width)])
                #expect(row[0] == y.data[r] && row[1] == w.data[r])
                #expect(Array(row[2..<(2 + f)]) == Array(UnsafeBufferPointer(start: x.data + r * f, count: f)))
                if row[2 + f].isNaN {
                    // Sampled background: the batch drew one of the training masses.
                    #expect(mode.assignment == .sampled && y.data[r] == 0 && points.contains(m.data[r]))
                } else {
                    #expect(row[2 + f] == m.data[r])
                }
            }
            #expect(n > 0)
        }
    }

    @Test func validationAndTestColumnsAreWhatTheEvaluationSetsFill() throws {
        let inputs = try Self.inputs(.identicalSampled, trainMasses: [500, 1500])
        let validation = inputs.networks[0].validation
        let table = TrainingInputExport.evaluationTable(validation, ids: [500, 1500], parameterNames: ["mass"])
        #expect(Array(table.columns.suffix(2)) == ["mass@500", "mass@1500"])
        let events = Array(Set(validation.signalRows.joined()).union(validation.backgroundRows)).sorted()
        let width = table.columns.count
        let x = Matrix(rows: 1, cols: 27), m = Matrix(rows: 1, cols: 1), y = Matrix(rows: 1, cols: 1)
        var drawn = Set<Float>()
        for k in 0..<2 {
            for row in stride(from: 0, to: validation.count(massIndex: k), by: 37) {
                validation.fill(massIndex: k, rows: row..<(row + 1), x: x, mass: m, label: y)
                let r = events.firstIndex(of: validation.event(massIndex: k, row: row))!
                #expect(table.values[r * width + width - 2 + k] == m.data[0])
                #expect(table.values[r * width] == y.data[0])
                if y.data[0] == 0 { drawn.insert(m.data[0]) }
            }
        }
        // The validation background gets both training masses, never an untrained one.
        #expect(drawn == [0.5, 1.5])
        let test = TrainingInputExport.evaluationTable(inputs.test, ids: ParameterPoint.ids(inputs.test.points), parameterNames: ["mass"])
        #expect(test.columns.suffix(5) == ["mass@500", "mass@750", "mass@1000", "mass@1250", "mass@1500"])
        #expect(test.rows == inputs.data.test.count)
    }
}
