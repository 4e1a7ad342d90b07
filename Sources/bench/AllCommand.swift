import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

/// The main job: every experiment of the suite, then the comparison.
struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every experiment of the suite, then compare with the baselines (exit 1 outside tolerance).",
        discussion: """
        Trains each experiment of Suites/<suite>.yaml at the chosen scale (finished ones are reused \
        from <work-dir>/results/; --force retrains), then compares: on the embedded simulator \
        (--data sim, the default) with the results recorded in Baselines/sim/<scale>/ — a regression \
        check — and shows which of the paper's claims hold; on real HEPMASS with the paper's Tables \
        3, 4 and 5 and its claims. Finally writes the paper-style report to \
        Reports/<suite>-<data>-<scale>/ (figures rendered when gnuplot is installed; see `bench report`).
        Exit status 0 when everything is within tolerance, 1 otherwise.
        Scales: smoke (minutes, for CI), default (what runs with no options), paper (the paper's budget).
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Train again even when a result for the same inputs is stored.")
    var force = false

    /// The paper-style report of these results, rendered when gnuplot is installed.
    func writeReport() {
        print("")
        do {
            let output = try ReportCommand.write(options: options, threads: threads, out: nil,
                                                 render: GnuplotRenderer.locate() != nil)
            print(ReportCommand.summary(output))
        } catch {
            // The comparison above is the verdict; a report that cannot be written is reported, not fatal.
            print("report not written: \(error)")
        }
    }

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let context = try SuiteContext(options: options, threads: threads)
        try context.run(context.suite.experiments, force: force)
        print("")
        let source = try CompareCommand.dataSource(options.data)
        let kind: BaselineSet.Kind = source == "sim" ? .sim(scale: options.scale) : .paper
        let baseline: BaselineSet
        do {
            baseline = try BaselineSet.load(kind: kind, directory: options.baselinesDirectory)
        } catch let error as BaselineError where source == "sim" {
            // No recorded baseline for this scale yet: nothing to regress against.
            print("No comparison: \(error)")
            writeReport()
            return
        }
        let selection = ResultSelection(scale: options.scale, dataSource: source, seed: options.seed,
                                        engineVersion: EngineVersion.current)
        let report = Comparison.compare(store: context.store, suite: context.suite, baseline: baseline, selection: selection)
        print(report.render(), terminator: "")
        writeReport()
        if !report.passed { throw ExitCode(1) }
    }
}
