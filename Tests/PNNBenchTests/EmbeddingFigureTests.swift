import Foundation
import Testing
import PNNData
import PNNEngine
@testable import PNNBench

@Suite struct EmbeddingFigureTests {
    static let individual = ExperimentSpec(id: "t/individual", reproduces: PaperReference(artifact: "table3", row: EmbeddingFigures.individualRow),
                                           training: TrainingDefinition(dataset: .hepmass, model: .individual, backgroundMass: .identicalFixed, balance: .none,
                                                                    trainMasses: nil, regularized: true, batchSize: nil), description: nil)
    static let pnn = ExperimentSpec(id: "t/pnn", reproduces: PaperReference(artifact: "table3", row: EmbeddingFigures.parametricRow),
                                    training: TrainingDefinition(dataset: .hepmass, model: .pnn, backgroundMass: .identicalFixed, balance: .none,
                                                                    trainMasses: nil, regularized: true, batchSize: nil), description: nil)

    @Test func omittedWithoutProviderModelsOrCheckpoints() throws {
        let noProvider = try EmbeddingFigures.make(DataFigureFixtures.context(provider: nil))
        #expect(noProvider.figures.isEmpty && noProvider.omitted.count == 2)
        let provider = DataFigureFixtures.provider()
        let noModels = try EmbeddingFigures.make(DataFigureFixtures.context(provider: provider))
        #expect(noModels.figures.isEmpty && noModels.omitted.allSatisfy { $0.reason.contains("models directory") })
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("emb-empty-\(UUID().uuidString)")
        let notRun = try EmbeddingFigures.make(DataFigureFixtures.context(provider: provider, models: empty))
        #expect(notRun.figures.isEmpty && notRun.omitted.allSatisfy { $0.reason.contains("was not run") })
    }

    @Test func sampleIsBalancedOverMassesAndClasses() throws {
        let test = try DataFigureFixtures.provider().data(.hepmass).test
        let s = EmbeddingSample(test, events: 200, seed: 42, dataName: "HEPMASS-SIM")
        #expect(s.count == 200)
        for m in s.masses {
            for l: UInt8 in [0, 1] {
                #expect(s.mass.indices.filter { s.mass[$0] == m && s.label[$0] == l }.count == 20)
            }
        }
        // Signal rows really are signal of that mass; background rows are distinct.
        for i in 0..<s.count where s.label[i] == 1 { #expect(test.mass[s.rows[i]] == s.mass[i] && test.label[s.rows[i]] == 1) }
        let background = s.rows.indices.filter { s.label[$0] == 0 }.map { s.rows[$0] }
        #expect(Set(background).count == background.count)
        let again = EmbeddingSample(test, events: 200, seed: 42, dataName: "HEPMASS-SIM")
        #expect(again.rows == s.rows && again.mass == s.mass)
    }

    /// Trains the two networks on a tiny set, keeps their checkpoints and draws both
    /// figures twice: same bytes, and they render.
    @Test func figuresFromCheckpoints() throws {
        let models = FileManager.default.temporaryDirectory.appendingPathComponent("emb-models-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: models) }
        let provider = DataFigureFixtures.provider()
        let runner = ExperimentRunner(provider: provider, seed: 42, pool: WorkerPool(threads: 2))
        runner.modelsDirectory = models
        let results = try [Self.individual, Self.pnn].map { try runner.run($0, key: $0.id.replacingOccurrences(of: "/", with: "_")).0 }
        #expect(FileManager.default.fileExists(atPath: models.appendingPathComponent("t_individual-750.ckpt").path))
        let context = try DataFigureFixtures.context(provider: provider, results: results, models: models)
        let a = try EmbeddingFigures.make(context, events: 100, iterations: 120)
        let b = try EmbeddingFigures.make(context, events: 100, iterations: 120)
        #expect(a.omitted.isEmpty, "\(a.omitted)")
        #expect(a.figures.map(\.name) == ["fig11-tsne-individual-nns", "fig12-tsne-pnn"])
        for (x, y) in zip(a.figures, b.figures) {
            #expect(x.script == y.script)
            #expect(x.dataFiles.mapValues(\.text) == y.dataFiles.mapValues(\.text))
            #expect(x.dataFiles.values.first!.lines.count == 100)
        }
        let dir = try DataFigureFixtures.writeAndRender(a.figures)
        try? FileManager.default.removeItem(at: dir)
    }
}
