import ArgumentParser
import Foundation

/// Options shared by the commands that work on a suite's experiments and results.
struct SuiteOptions: ParsableArguments {
    @Option(help: "Suite name: the file Suites/<name>.yaml.")
    var suite: String = "paper"

    @Option(help: "Scale from Suites/scales.yaml: smoke, default or paper.")
    var scale: String = "default"

    @Option(help: "Data: sim (the embedded HEPMASS-SIM generator), hepmass or hepmass-imb (files in --data-dir).")
    var data: String = "sim"

    @Option(help: "Folder with the HEPMASS files (all_train.csv[.gz], all_test.csv[.gz]).")
    var dataDir: String?

    @Option(help: "Random seed of every experiment (the paper used 42).")
    var seed: UInt64 = 42

    @Option(help: "Folder for results and cached data (default: .bench in the current folder).")
    var workDir: String = ".bench"

    @Option(help: "Folder holding Suites/, Baselines/ and Reports/ (default: the current folder).")
    var root: String = "."

    var suitesDirectory: URL { URL(fileURLWithPath: root).appendingPathComponent("Suites") }
    var baselinesDirectory: URL { URL(fileURLWithPath: root).appendingPathComponent("Baselines") }
    var resultsDirectory: URL { URL(fileURLWithPath: workDir).appendingPathComponent("results") }
    var modelsDirectory: URL { URL(fileURLWithPath: workDir).appendingPathComponent("models") }
}
