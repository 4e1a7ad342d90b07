import ArgumentParser
import Foundation
import PNNBench

/// `bench report`: the paper-style Markdown report with gnuplot figures, from stored results.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the paper-style report (report.md and gnuplot figures) from stored results.",
        discussion: """
        Reads the results of the chosen --scale, --data and --seeds made by this engine version \
        (run `bench all` first) and writes <out>/report.md, <out>/figures/ and <out>/tables/: a banner with the \
        data set and scale, the environment (CPU, threads, engine, seeds, git commit, wall time per \
        experiment), the paper's Tables 3, 4 and 5 with our value (mean ± sd over seeds), the paper's, \
        delta and a pass mark per cell, the paper's claims with their verdicts (95% intervals over \
        seeds), the seeds that collapsed, and the figures as gnuplot scripts with their data (figures \
        9, 10, 13 and 14 with ±1 sd bars over seeds); tables/ holds each table as CSV (every cell and \
        seed at full precision) and as LaTeX booktabs tables. With --seeds 1 the report has no spread. \
        The same results give the same bytes. Default --out: Reports/<suite>-<data>-<scale> under --root (Reports/<suite>-<scale> for a suite on declared data sets only).

        --scale ladder writes the convergence report instead (default --out: \
        Reports/convergence-<data>, or Reports/convergence-<suite>-<data> for another suite): for every \
        rung of the `ladder:` list in Suites/scales.yaml that has results, each claim's verdict with its \
        effect and 95% interval, where each claim settles, every cell of the published tables (mean ± sd, \
        the paper's value, budget-limited cells marked) as tables, CSV and one figure per table row and \
        metric against the training budget (event-epochs, log axis).

        --render runs gnuplot (Debian: gnuplot-nox) on every script, writing SVG, PNG and PDF, and \
        report.md shows the PNGs. Without --render, or without gnuplot, report.md says how to \
        render the scripts.

        EXIT STATUS
          0 report written (and rendered, with --render); 1 --render was given and gnuplot \
        reported an error on a script (named in the message) or is not installed; 2 bad \
        options, no stored results, or unreadable baselines.
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Output folder (default: Reports/<suite>-<data>-<scale> under --root; Reports/<suite>-<scale> for a suite on declared data sets only).")
    var out: String?

    @Flag(help: "Render every figure to SVG, PNG and PDF with gnuplot; exit 1 if a script fails or gnuplot is missing.")
    var render = false

    @OptionGroup var threads: ThreadsOption

    func run() throws {
        let output: ReportBuilder.Output
        do {
            let directory = out.map { URL(fileURLWithPath: $0) }
            output = options.isLadder ? try options.ladderPipeline(threads: threads).report(to: directory, render: render)
                : try options.pipeline(threads: threads).report(to: directory, render: render)
        } catch let failure as GnuplotRenderer.Failure {
            FileHandle.standardError.write(Data("bench report: \(failure)\n".utf8))
            throw ExitCode(1)
        }
        print(output.summary)
        if output.rendering == .gnuplotMissing {
            FileHandle.standardError.write(Data("""
                bench report: --render needs gnuplot, which is not on PATH (Debian/Ubuntu: apt-get install gnuplot-nox).
                The scripts and data are written; report.md says how to render them.

                """.utf8))
            throw ExitCode(1)
        }
    }
}
