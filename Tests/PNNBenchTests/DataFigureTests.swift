import Foundation
import Testing
import PNNData
@testable import PNNBench

/// Shared set-up of the data-set and embedding figure tests: a small HEPMASS-SIM provider
/// and a context on the paper suite.
enum DataFigureFixtures {
    static let scale = Scale(name: "figtest", trainEvents: 12_000, testEvents: 4_000, epochs: 1, batchSize: 256)

    static func context(provider: DatasetProvider?, results: [RunResult] = [], models: URL? = nil) throws -> FigureContext {
        let suite = try SuiteRegistry.load(contentsOf: RegistryFixtures.suitesDirectory.appendingPathComponent("paper.yaml"))
        return FigureContext(suite: suite, results: results, timings: [:], scale: scale, seed: 42,
                             provider: provider, modelsDirectory: models)
    }

    static func provider() -> DatasetProvider { DatasetProvider(source: .simulator(), scale: scale, threads: 2) }

    /// Writes the figures into a fresh folder and renders them when gnuplot is installed
    /// (under CI a missing gnuplot fails the test; see `GnuplotAvailability`).
    static func writeAndRender(_ figures: [GnuplotFigure]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figtest-\(UUID().uuidString)")
        for f in figures { try f.write(to: dir) }
        guard let gnuplot = GnuplotAvailability.gnuplot else {
            if GnuplotAvailability.underCI { _ = try GnuplotAvailability.required() }
            print("note: gnuplot not installed, figures written but not rendered")
            return dir
        }
        for f in figures {
            try GnuplotRenderer.render(script: f.scriptName, in: dir, gnuplot: gnuplot)
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f.name + ".png").path))
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f.name + ".svg").path))
        }
        return dir
    }
}

@Suite struct DataFigureTests {
    @Test func omittedWithoutProvider() throws {
        let outcome = try DataFigures.make(DataFigureFixtures.context(provider: nil))
        #expect(outcome.figures.isEmpty)
        #expect(outcome.omitted.count == 4)
        #expect(outcome.omitted.allSatisfy { $0.reason.contains("provider") })
    }

    @Test func figuresAreDeterministicAndRender() throws {
        let a = try DataFigures.make(DataFigureFixtures.context(provider: DataFigureFixtures.provider()))
        let b = try DataFigures.make(DataFigureFixtures.context(provider: DataFigureFixtures.provider()))
        #expect(a.omitted.isEmpty)
        #expect(a.figures.map(\.name) == ["fig03a-mwwbb-distribution", "fig05-correlations", "fig05b-correlations-target", "fig06-imbalance"])
        for (x, y) in zip(a.figures, b.figures) {
            #expect(x.script == y.script)
            #expect(x.dataFiles.mapValues(\.text) == y.dataFiles.mapValues(\.text))
            #expect(x.caption.contains("HEPMASS-SIM"))
        }
        let dir = try DataFigureFixtures.writeAndRender(a.figures)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func distributionColumnsHaveUnitArea() throws {
        let train = try DataFigureFixtures.provider().data(.hepmass).train
        let figure = DataDistributionFigure.make(train, dataName: "HEPMASS-SIM")
        let table = try #require(figure.dataFiles["fig03a-mwwbb-distribution.dat"])
        let rows = table.lines.map { $0.split(separator: " ").compactMap { Double($0) } }
        let width = rows[1][0] - rows[0][0]
        for c in 1..<table.columns.count {
            let area = rows.map { $0[c] }.reduce(0, +) * width
            #expect(abs(area - 1) < 1e-4, "column \(table.columns[c]) has area \(area)")
        }
    }

    @Test func correlationMatrixIsSymmetricWithUnitDiagonal() throws {
        let train = try DataFigureFixtures.provider().data(.hepmass).train
        let rows = DataCorrelationFigure.rows(train, seed: 42)
        let r = DataCorrelationFigure.correlations(train, rows: rows)
        let v = HEPMASSSchema.featureCount + 2
        for a in 0..<v {
            #expect(abs(r[a * v + a] - 1) < 1e-9 || r[a * v + a] == 1)
            for b in 0..<v { #expect(r[a * v + b] == r[b * v + a]) }
        }
        // The label column agrees with DatasetStatistics' (same events, same formula).
        let stats = DatasetStatistics(train)
        for j in 0..<HEPMASSSchema.featureCount {
            #expect(abs(r[j * v + v - 1] - stats.correlationWithLabel[j]) < 1e-9)
        }
    }
}
