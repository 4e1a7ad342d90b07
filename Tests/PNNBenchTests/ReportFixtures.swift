import Foundation
import PNNMetrics
@testable import PNNBench

/// A small, fully deterministic input for the report tests: the paper suite, one
/// synthetic result per trained experiment (every row of it, aliases included, through
/// `Suite.rowResults`), fixed timings, a fixed environment, and a fake figure builder.
enum ReportFixtures {
    static func suite() throws -> Suite {
        try SuiteRegistry.load(suite: "paper", directory: RegistryFixtures.suitesDirectory)
    }

    static let environment = ReportEnvironment(cpuModel: "Test CPU @ 1.00GHz", logicalCPUs: 2, engineVersion: "test-1",
                                               targetCPU: "x86-64", gitCommit: "abc1234")

    /// ROC-AUC of experiment number `i` at mass index `m`: distinct, in (0.5, 1).
    static func auc(_ i: Int, _ m: Int) -> Double {
        0.60 + 0.07 * Double(m) + 0.001 * Double((i * 7) % 13)
    }

    /// Results for `experiments` (nil: every experiment), with `overrides` of the AUCs by
    /// experiment id.
    static func results(_ suite: Suite, experiments: Set<String>? = nil, overrides: [String: [Double]] = [:]) -> [RunResult] {
        let stored = suite.experiments.enumerated().compactMap { i, spec -> RunResult? in
            if let experiments, !experiments.contains(spec.id) { return nil }
            let values = overrides[spec.id] ?? (0..<5).map { auc(i, $0) }
            return CompareFixtures.result(spec, auc: values)
        }
        return suite.rowResults(stored)
    }

    static func timings(_ results: [RunResult]) -> [String: RunTiming] {
        var out: [String: RunTiming] = [:]
        for (i, r) in results.enumerated() {
            out[r.key] = RunTiming(trainingSeconds: 10 + Double(i), evaluationSeconds: 0.5, samplesPerSecond: 1e5, threads: 2)
        }
        return out
    }

    /// A builder drawing table 3's average ROC-AUC per row, and leaving out a figure
    /// whose experiment "did not run".
    static func fakeBuilder(_ context: FigureContext) throws -> FigureOutcome {
        var outcome = FigureOutcome()
        let rows = context.results("table3")
        if rows.isEmpty {
            outcome.omitted.append((name: "fake-table3", reason: "no Table 3 results"))
        } else {
            var table = DataTable(columns: ["row", "auc"])
            for (i, r) in rows.enumerated() { table.append([Double(i), 100 * r.average.rocAUC]) }
            let body = """
                set xlabel "row"
                set ylabel "ROC-AUC (%)"
                set grid
                plot "fake-table3.dat" using 1:2 with linespoints title "average ROC-AUC"
                """
            outcome.figures.append(GnuplotFigure(name: "fake-table3", title: "Fake: Table 3 averages",
                                                 caption: "Average ROC-AUC of every Table 3 row.", body: body,
                                                 dataFiles: ["fake-table3.dat": table]))
        }
        outcome.omitted.append((name: "fake-fig99", reason: "experiment fig99/nothing was not run"))
        return outcome
    }

    static func builder(results: [RunResult], suite: Suite, data: DataChoice = .sim,
                        builders: [ReportBuilder.FigureBuilder] = [fakeBuilder],
                        runPhases: RunPhases.Summary? = nil) throws -> ReportBuilder {
        let baseline = try BaselineSet.load(kind: .paper, directory: CompareFixtures.baselines)
        let comparison = Comparison.compare(results: results, baseline: baseline,
                                            selection: ResultSelection(scale: "smoke", dataSources: data.resultSources(dataDirectory: nil), seeds: [42]))
        var context = FigureContext(suite: suite, results: results, timings: timings(results), scale: CompareFixtures.smoke,
                                    seed: 42, provider: nil, modelsDirectory: nil)
        context.runPhases = runPhases
        return ReportBuilder(context: context, comparison: comparison, figureBuilders: builders,
                             environment: environment, data: data)
    }

    /// Every file below `directory`, relative path → bytes.
    static func files(_ directory: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(directory.path.count))
            out[relative] = try Data(contentsOf: url)
        }
        return out
    }
}
