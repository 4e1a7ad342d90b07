import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

/// `--data` takes the names of `DataChoice`; `--help` lists them.
extension DataChoice: ExpressibleByArgument {}

/// Options shared by the commands that work on a suite's experiments and results.
struct SuiteOptions: ParsableArguments {
    @Option(help: "Suite name: the file Suites/<name>.yaml.")
    var suite: String = "paper"

    @Option(help: "Scale from Suites/scales.yaml: smoke, default or paper.")
    var scale: String = "default"

    @Option(help: "Data: sim (the embedded HEPMASS-SIM generator) or hepmass (the UCI files in --data-dir; HEPMASS-IMB is built from them). hepmass-imb, the published HEPMASS-IMB files, is not supported yet.")
    var data: DataChoice = .sim

    @Option(help: "Folder with the HEPMASS files (all_train.csv[.gz], all_test.csv[.gz]).")
    var dataDir: String?

    @Option(help: "Random seed of every experiment (the paper used 42).")
    var seed: UInt64 = 42

    @Option(help: "Folder for results and cached data (default: .bench in the current folder).")
    var workDir: String = ".bench"

    @Option(help: "Folder holding Suites/, Baselines/ and Reports/ (default: the current folder).")
    var root: String = "."

    /// The pipeline these options describe.
    func pipeline(threads: ThreadsOption? = nil) throws -> BenchPipeline {
        try BenchPipeline(PipelineConfiguration(
            suite: suite, scale: scale, data: data, dataDirectory: dataDir, seed: seed, threads: threads?.threads,
            root: URL(fileURLWithPath: root), workDirectory: URL(fileURLWithPath: workDir)))
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
