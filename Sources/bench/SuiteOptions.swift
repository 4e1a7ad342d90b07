import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

/// `--data` takes the names of `DataChoice`; `--help` lists them.
extension DataChoice: ExpressibleByArgument {}

/// Options shared by the commands that work on a suite's experiments and results.
struct SuiteOptions: ParsableArguments {
    @Option(help: "Suite name: the file Suites/<name>.yaml; or the path of a suite file ending in .yaml (e.g. one declaring your own data sets).")
    var suite: String = "paper"

    @Option(help: "Scale from Suites/scales.yaml: smoke, default, paper, … (`bench list` shows them); for run, status, submit, list and report also ladder (every rung of the convergence ladder).")
    var scale: String = "default"

    @Option(help: ArgumentHelp(
        "Data: sim (the embedded HEPMASS-SIM generator), hepmass (the UCI files in --data-dir; HEPMASS-IMB is built from them) or hepmass-imb (as hepmass, but HEPMASS-IMB is the authors' published files in --data-dir when they are there).",
        discussion: "With hepmass-imb the run's first line, the results' data identity and the report say whether HEPMASS-IMB was read from the published files or built from all_train."))
    var data: DataChoice = .sim

    @Option(help: "Folder with the real data: HEPMASS's all_train.csv[.gz] and all_test.csv[.gz]; for --data hepmass-imb also the published imbalanced_signal.csv[.gz] and imbalanced_background.csv[.gz] (each file may be a .pnncache from `bench data import`).")
    var dataDir: String?

    @Option(help: ArgumentHelp(
        "Replicates: a count n (the seeds 42, 43, …, 41+n) or a comma-separated list of seeds (e.g. 42,7,9). (default: 3)",
        discussion: "Each seed trains every experiment once on the same data; tables then show mean ± sd over seeds and claims get verdicts with 95% intervals. --seeds 1 is the paper's single seed 42.",
        valueName: "n|list"))
    var seeds: String?

    @Option(help: "Train and compare one seed only (the same as --seeds <seed>,).")
    var seed: UInt64?

    @Option(help: "Folder for results and cached data (default: .bench in the current folder).")
    var workDir: String = ".bench"

    @Option(help: "Folder holding Suites/, Baselines/ and Reports/ (default: the current folder).")
    var root: String = "."

    /// The seeds `--seeds` or `--seed` ask for; three by default.
    func replicateSeeds() throws -> ReplicateSeeds {
        switch (seeds, seed) {
        case (nil, nil): return .standard
        case (let text?, nil): return try ReplicateSeeds(parsing: text)
        case (nil, let one?): return try ReplicateSeeds([one])
        case (_?, _?): throw ValidationError("give either --seeds or --seed, not both")
        }
    }

    func validate() throws {
        do {
            _ = try replicateSeeds()
        } catch let error as PipelineError {
            throw ValidationError(error.message)
        }
    }

    /// The pipeline these options describe.
    func pipeline(threads: ThreadsOption? = nil) throws -> BenchPipeline {
        try BenchPipeline(configuration(threads: threads))
    }

    /// `--scale ladder`: every rung of the convergence ladder.
    var isLadder: Bool { scale == ConvergenceLadder.name }

    /// The ladder's pipeline (with `--scale ladder`).
    func ladderPipeline(threads: ThreadsOption? = nil) throws -> LadderPipeline {
        try LadderPipeline(configuration(threads: threads))
    }

    func configuration(threads: ThreadsOption?) throws -> PipelineConfiguration {
        PipelineConfiguration(suite: suite, scale: scale, data: data, dataDirectory: dataDir, seeds: try replicateSeeds(), threads: threads?.threads,
                              root: URL(fileURLWithPath: root), workDirectory: URL(fileURLWithPath: workDir))
    }
}

/// `--threads`, with its check, for every command that computes.
struct ThreadsOption: ParsableArguments {
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    /// The thread count to use.
    var count: Int { threads ?? WorkerPool.availableCores }

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }
}
