import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

/// The main job: every experiment of the suite, then the comparison and the report.
struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every experiment of the suite, then compare with the baselines (exit 1 outside tolerance).",
        discussion: """
        Trains each experiment of Suites/<suite>.yaml at the chosen scale once per seed (--seeds, \
        default 3: seeds 42, 43, 44; finished ones are reused \
        from <work-dir>/results/; --force retrains), then compares: on the embedded simulator \
        (--data sim, the default) with the results recorded in Baselines/sim/<scale>/ — a regression \
        check — and shows which of the paper's claims hold; on real HEPMASS with the paper's Tables \
        3, 4 and 5 and its claims. Finally writes the paper-style report to \
        Reports/<suite>-<data>-<scale>/ (figures rendered when gnuplot is installed; see `bench report`).
        A suite file of your own (--suite path/to/file.yaml) may declare its own data sets under \
        `datasets:` (Suites/README.md); its results are compared with Baselines/sim/<scale>/<suite>.yaml \
        once recorded (`bench baseline record`), and a suite on declared data only reports to \
        Reports/<suite>-<scale>/. Relative data paths are looked up beside the suite file, then in --data-dir.
        At the end it prints where the wall time went, phase by phase (data, training steps, validation, \
        checkpoints, evaluation, result store, comparison, report); the report's environment section \
        shows the same phases up to the report (kept in <work-dir>/runs/).
        Exit status 0 when everything is within tolerance, 1 otherwise.
        Scales: smoke (minutes, for CI), default (what runs with no options), medium and large (rungs of the convergence ladder; see `bench report --scale ladder`), paper (the paper's budget).
        """)

    @OptionGroup var options: SuiteOptions

    @OptionGroup var threads: ThreadsOption

    @Flag(help: "Train again even when a result for the same inputs is stored.")
    var force = false

    func run() throws {
        let start = MonotonicClock.now()
        let phases = RunPhases.shared
        let pipeline = try phases.measure(.startup) { try options.pipeline(threads: threads) }
        try pipeline.trainShowingProgress(pipeline.suite.experiments, force: force)
        print("")
        let comparison: ComparisonReport
        do {
            comparison = try phases.measure(.comparison) {
                try pipeline.compare(with: pipeline.defaultBaseline, engineVersion: EngineVersion.current)
            }
        } catch let error as BaselineError where options.data == .sim {
            // No recorded baseline for this scale yet: nothing to regress against.
            print("No comparison: \(error)")
            writeReport(pipeline, start: start)
            return
        }
        print(comparison.render(), terminator: "")
        writeReport(pipeline, start: start)
        if !comparison.passed { throw ExitCode(1) }
    }

    /// The paper-style report of these results, rendered when gnuplot is installed, then
    /// the phases of the run. The phases so far are stored first, for the report to show.
    func writeReport(_ pipeline: BenchPipeline, start: Double) {
        let phases = RunPhases.shared
        do {
            try phases.summary(wallSeconds: MonotonicClock.now() - start).write(to: pipeline.runPhasesFile)
        } catch {
            print("phases not stored: \(error)")
        }
        phases.measure(.report) { printReport(pipeline) }
        phases.printTable(since: start)
    }

    func printReport(_ pipeline: BenchPipeline) {
        print("")
        do {
            print(try pipeline.report(render: GnuplotRenderer.locate() != nil).summary)
        } catch {
            // The comparison above is the verdict; a report that cannot be written is reported, not fatal.
            print("report not written: \(error)")
        }
    }
}
