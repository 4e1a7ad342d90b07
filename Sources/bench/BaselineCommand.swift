import ArgumentParser
import Foundation
import PNNBench

/// `bench baseline …`: maintenance of the recorded baselines.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the results of the simulator as the regression baseline of a scale.",
        subcommands: [RecordBaselineCommand.self])
}

/// `bench baseline record`: writes Baselines/sim/<scale>/<suite>.yaml from the store.
struct RecordBaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Write Baselines/sim/<scale>/<suite>.yaml from the stored HEPMASS-SIM results of a scale.",
        discussion: """
        Takes the stored result of every experiment and seed under the current
        definition (its key: suite, --scale, the simulator's data, --seeds, this engine
        version; results of an edited definition are stale, named and left out), and
        writes one row per experiment and
        seed (per-mass and average ROC-AUC and sigma_ratio, percent, 4 decimals), then
        each experiment's mean and sd over the seeds, with the tolerances of the scale: +-0.5 AUC and
        +-1.0 sigma_ratio points at smoke, +-0.3 and +-0.6 otherwise (reasons in
        Baselines/README.md). The file is replaced atomically and depends only on the
        results, so recording the same results again changes no byte.
        Run `bench all --scale <scale>` first; check the diff before committing.
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Override the ROC-AUC tolerance (points).")
    var rocAucTolerance: Double?

    @Option(help: "Override the sigma_ratio tolerance (points).")
    var sigmaRatioTolerance: Double?

    func run() throws {
        for value in [rocAucTolerance, sigmaRatioTolerance].compactMap({ $0 }) where !(value >= 0) {
            throw ValidationError("tolerances must be non-negative numbers")
        }
        let pipeline = try options.pipeline()
        var tolerance = SimBaselineRecorder.Tolerance.standard(scale: pipeline.scale.name)
        if let rocAucTolerance { tolerance.rocAUC = rocAucTolerance }
        if let sigmaRatioTolerance { tolerance.sigmaRatio = sigmaRatioTolerance }
        let recorded: BenchPipeline.RecordedBaseline
        do {
            recorded = try pipeline.recordBaseline(tolerance: tolerance)
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("bench baseline record: \(error)\n".utf8))
            throw ExitCode(2)
        }
        for note in recorded.notes { print("note: \(note)") }
        print("wrote \(recorded.file.path): \(recorded.rows) row(s) from \(recorded.experiments) experiment(s), tolerance ±\(recorded.tolerance.rocAUC) ROC-AUC, ±\(recorded.tolerance.sigmaRatio) σ_ratio points")
    }
}
