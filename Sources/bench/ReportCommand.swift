import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

/// `bench report`: the paper-style Markdown report with gnuplot figures, from stored results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the paper-style report (report.md and gnuplot figures) from stored results.",
        discussion: """
        Reads the results of the chosen --scale, --data and --seed made by this engine version \
        (run `bench all` first) and writes <out>/report.md and <out>/figures/: a banner with the \
        data set and scale, the environment (CPU, threads, engine, seed, git commit, wall time per \
        experiment), the paper's Tables 3, 4 and 5 with our value, the paper's, delta and a pass \
        mark per cell, the paper's claims, and the figures as gnuplot scripts with their data. \
        The same results give the same bytes. Default --out: Reports/<suite>-<data>-<scale> under --root.

        --render runs gnuplot (Debian: gnuplot-nox) on every script, writing SVG and PNG, and \
        report.md shows the PNGs. Without --render, or without gnuplot, report.md says how to \
        render the scripts.

        EXIT STATUS
          0 report written (and rendered, with --render); 1 --render was given and gnuplot \
        reported an error on a script (named in the message) or is not installed; 2 bad \
        options, no stored results, or unreadable baselines.
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Output folder (default: Reports/<suite>-<data>-<scale> under --root).")
    var out: String?

    @Flag(help: "Render every figure to SVG and PNG with gnuplot; exit 1 if a script fails or gnuplot is missing.")
    var render = false

    @Option(help: "Worker threads for figures that need the data (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let output: ReportBuilder.Output
        do {
            output = try ReportCommand.write(options: options, threads: threads, out: out, render: render)
        } catch let failure as GnuplotRenderer.Failure {
            FileHandle.standardError.write(Data("bench report: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        print(ReportCommand.summary(output))
        if output.rendering == .gnuplotMissing {
            FileHandle.standardError.write(Data("""
                bench report: --render needs gnuplot, which is not on PATH (Debian/Ubuntu: apt-get install gnuplot-nox).
                The scripts and data are written; report.md says how to render them.

                """.utf8))
            throw ExitCode(1)
        }
    }

    /// Loads the stored results of `options` and writes their report; shared with `bench all`.
    /// Throws `GnuplotRenderer.Failure` when gnuplot rejects a script.
    static func write(options: SuiteOptions, threads: Int?, out: String?, render: Bool) throws -> ReportBuilder.Output {
        let context = try SuiteContext(options: options, threads: threads)
        let dataSource = try CompareCommand.dataSource(options.data)
        let selection = ResultSelection(scale: options.scale, dataSource: dataSource, seed: options.seed,
                                        engineVersion: EngineVersion.current)
        let (stored, notes) = selection.apply(context.store.all()) { context.store.modificationDate(key: $0.key) }
        guard !stored.isEmpty else {
            throw ValidationError("no results of \(selection.summary) in \(context.store.directory.path); run `bench all --scale \(options.scale)` first")
        }
        var timings: [String: RunTiming] = [:]
        for result in stored { timings[result.key] = context.store.timing(key: result.key) }
        let rows = context.suite.rowResults(stored)
        let baseline: BaselineSet
        do {
            baseline = try BaselineSet.load(kind: .paper, directory: options.baselinesDirectory)
        } catch let error as BaselineError {
            throw ValidationError("\(error)")
        }
        let comparison = Comparison.compare(results: rows, baseline: baseline, selection: selection, notes: notes)
        let provider = DatasetProvider(source: context.source, scale: context.scale, threads: context.pool.threadCount)
        let figureContext = FigureContext(suite: context.suite, results: rows, timings: timings, scale: context.scale,
                                          seed: options.seed, provider: provider, modelsDirectory: options.modelsDirectory)
        let builder = ReportBuilder(context: figureContext, comparison: comparison, figureBuilders: ReportFigureBuilders.standard,
                                    environment: .current(root: URL(fileURLWithPath: options.root)), dataName: options.data)
        let directory = out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: options.root).appendingPathComponent("Reports")
            .appendingPathComponent(ReportBuilder.folderName(suite: options.suite, data: options.data, scale: options.scale))
        return try builder.write(to: directory, render: render, gnuplot: render ? GnuplotRenderer.locate() : nil)
    }

    /// One line saying where the report is and what it holds.
    static func summary(_ output: ReportBuilder.Output) -> String {
        var line = "report: \(output.reportURL.path) — \(output.figures.count) figure(s)"
        if !output.omitted.isEmpty { line += ", \(output.omitted.count) left out" }
        switch output.rendering {
        case .rendered: line += ", rendered to SVG and PNG"
        case .notRequested: line += " (scripts only; --render renders them)"
        case .gnuplotMissing: line += " (not rendered: gnuplot not found)"
        }
        return line
    }
}
