import Foundation
import Testing
@testable import PNNBench

/// Opt-in preview of the result figures from a real result store, for looking at them:
///
///     FIGURE_PREVIEW_STORE=/tmp/default FIGURE_PREVIEW_OUT=/tmp/preview swift test --filter ResultFigurePreview
///
/// writes and renders every figure of that store's results (the paper suite, any one
/// scale, every seed) into the output folder. Without the variables it does nothing.
@Suite struct ResultFigurePreviewTests {
    @Test func previewFromStore() throws {
        let env = ProcessInfo.processInfo.environment
        guard let store = env["FIGURE_PREVIEW_STORE"], let out = env["FIGURE_PREVIEW_OUT"] else { return }
        let suite = try ResultFigureFixtures.suite
        let all = ResultStore(directory: URL(fileURLWithPath: store).appendingPathComponent("results")).all()
        let first = try #require(all.first)
        let results = all.filter { $0.scale == first.scale }
        let replicates = ReplicateResults(seeds: Set(results.map(\.seed)).sorted(), results: results).mapSeeds(suite.rowResults)
        let seed = replicates.seeds[0]
        let context = FigureContext(suite: suite, results: replicates.results(seed: seed), replicates: replicates, timings: [:],
                                    scale: first.scale, seed: seed, provider: nil, modelsDirectory: nil)
        let outcome = try ResultFigures.make(context)
        let directory = URL(fileURLWithPath: out)
        for figure in outcome.figures {
            try figure.write(to: directory)
            if let gnuplot = GnuplotRenderer.locate() {
                try GnuplotRenderer.render(script: figure.scriptName, in: directory, gnuplot: gnuplot)
            }
        }
        for o in outcome.omitted { print("omitted \(o.name): \(o.reason)") }
    }
}
