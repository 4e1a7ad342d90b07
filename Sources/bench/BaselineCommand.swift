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

/// `bench baseline record`: writes Baselines/sim/<scale>/baseline.yaml from the store.
struct RecordBaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Write Baselines/sim/<scale>/baseline.yaml from the stored HEPMASS-SIM results of a scale.",
        discussion: """
        Takes the newest stored result of every experiment run with --scale, --seed and
        the simulator (--data sim), and writes per-mass and average ROC-AUC and
        sigma_ratio (percent, 4 decimals) with the tolerances of the scale: +-0.5 AUC and
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
        guard options.data == "sim" else {
            throw ValidationError("recorded baselines are for the simulator (--data sim); real HEPMASS is compared with the paper's tables")
        }
        for value in [rocAucTolerance, sigmaRatioTolerance].compactMap({ $0 }) where !(value >= 0) {
            throw ValidationError("tolerances must be non-negative numbers")
        }
        let selection = ResultSelection(scale: options.scale, dataSource: "sim", seed: options.seed)
        let store = ResultStore(directory: options.resultsDirectory)
        let (experiments, notes) = selection.apply(store.all()) { store.modificationDate(key: $0.key) }
        // Record every row of the suite, as `bench compare` checks them (reused rows included).
        let results = try SuiteRegistry.load(suite: options.suite, directory: options.suitesDirectory).rowResults(experiments)
        for note in notes { print("note: \(note)") }
        guard !results.isEmpty else {
            FileHandle.standardError.write(Data("bench baseline record: no results of \(selection.summary) in \(options.resultsDirectory.path); run `bench all --scale \(options.scale)` first\n".utf8))
            throw ExitCode(2)
        }
        var tolerance = SimBaselineRecorder.Tolerance.standard(scale: options.scale)
        if let rocAucTolerance { tolerance.rocAUC = rocAucTolerance }
        if let sigmaRatioTolerance { tolerance.sigmaRatio = sigmaRatioTolerance }
        let url = try SimBaselineRecorder.record(results: results, scale: options.scale,
                                                 baselines: options.baselinesDirectory, tolerance: tolerance)
        print("wrote \(url.path): \(results.count) row(s) from \(experiments.count) experiment(s), tolerance ±\(tolerance.rocAUC) ROC-AUC, ±\(tolerance.sigmaRatio) σ_ratio points")
    }
}
