import Foundation
import PNNMetrics
@testable import PNNBench

/// Contexts for the result-figure tests: the paper suite with a plausible result for
/// every experiment (AUC rising with mass, 50-bin histograms, curves, several epochs).
enum ResultFigureFixtures {
    static var suite: Suite {
        get throws { try SuiteRegistry.load(suite: "paper", directory: CompareFixtures.root.appendingPathComponent("Suites")) }
    }

    /// A result of `spec` whose numbers depend on the spec's position `k` (so curves differ).
    static func result(_ spec: ExperimentSpec, k: Int) -> RunResult {
        let base = 0.80 + 0.01 * Double(k % 7)
        let auc = CompareFixtures.masses.indices.map { min(0.995, base + 0.035 * Double($0)) }
        var r = CompareFixtures.result(spec, auc: auc)
        for i in r.perMass.indices {
            // Signal piles up at high scores, background at low ones, more so at high mass.
            let sharp = 3.0 + Double(i) + 0.2 * Double(k % 5)
            r.perMass[i].signalHistogram = (0..<50).map { j in 100 * exp(sharp * (Double(j) / 49 - 1)) }
            r.perMass[i].backgroundHistogram = (0..<50).map { j in j > 45 && i == 4 ? 0 : 100 * exp(-sharp * Double(j) / 49) }
            let xs = (0...20).map { Double($0) / 20 }
            r.perMass[i].rocCurve = Curve(x: xs, y: xs.map { pow($0, 1 / (2 * auc[i])) })
            r.perMass[i].prCurve = Curve(x: xs, y: xs.map { 1 - 0.4 * pow($0, 3) })
        }
        r.training = [RunResult.TrainingRecord(mass: nil, parameters: 70_001,
                                               history: (1...6).map { e in .init(epoch: e, trainLoss: 0.6 / Double(e) + 0.01 * Double(k % 3),
                                                                                  validationAUC: 0.9 - 0.1 / Double(e) - (e == 6 ? 0.01 : 0)) },
                                               bestEpoch: 5)]
        return r
    }

    /// Every experiment of the paper suite with a result, mapped onto the suite's rows.
    static func fullContext(dropping: (ExperimentSpec) -> Bool = { _ in false }) throws -> FigureContext {
        let suite = try suite
        let results = suite.experiments.enumerated().filter { !dropping($0.element) }.map { result($0.element, k: $0.offset) }
        return context(suite, results)
    }

    /// `fullContext` trained with several seeds: seed `seeds[i]` has the results of seed 42
    /// with every ROC-AUC and σ_ratio (binned and exact) raised by `offsets[i]`, then
    /// changed by `edit` (e.g. a collapsed seed, or a seed left out).
    static func replicatedContext(seeds: [UInt64] = [42, 43, 44], offsets: [Double] = [0, 0.02, -0.01],
                                  edit: (UInt64, RunResult) -> RunResult? = { $1 }) throws -> FigureContext {
        let suite = try suite
        let base = suite.experiments.enumerated().map { result($0.element, k: $0.offset) }
        let all = zip(seeds, offsets).flatMap { seed, offset in
            suite.rowResults(base.compactMap { r -> RunResult? in
                var r = r
                r.seed = seed
                for i in r.perMass.indices {
                    r.perMass[i].rocAUC += offset
                    r.perMass[i].sigmaRatio += offset
                    r.perMass[i].sigmaRatioBinned += offset
                }
                return edit(seed, r)
            })
        }
        let replicates = ReplicateResults(seeds: seeds, results: all)
        return FigureContext(suite: suite, results: replicates.results(seed: seeds[0]), replicates: replicates, timings: [:],
                             scale: CompareFixtures.smoke, seed: seeds[0], provider: nil, modelsDirectory: nil)
    }

    static func context(_ suite: Suite, _ experimentResults: [RunResult]) -> FigureContext {
        FigureContext(suite: suite, results: suite.rowResults(experimentResults), timings: [:], scale: CompareFixtures.smoke,
                      seed: 42, provider: nil, modelsDirectory: nil)
    }
}
