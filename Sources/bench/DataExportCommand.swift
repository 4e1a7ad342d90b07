import ArgumentParser
import Foundation
import PNNBench
import PNNData
import PNNEngine

extension DataCommand {
    /// `bench data export`: one experiment's training, validation and test inputs for one
    /// seed, as the runner builds them (`ExperimentRunner.inputs`), for training the same
    /// model elsewhere (`Tools/reference/keras_budget.py`).
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the exact events, mass features, labels and weights one experiment trains, validates and tests on (CSV + meta.json).",
            discussion: """
            For one experiment and one seed at a scale, writes what `bench run` would feed the network, so another \
            framework can train the same model on the same events:

              train.csv       the events mini-batches are drawn from (signal at the training masses, all background; \
            75 % of the training file, split by --seed): label, weight, f0…f26 (standardised, as the network sees them), \
            mass (m / 1000). With a sampled background mass (identical-sampled, uniform-sampled) the background's mass is \
            nan: it is drawn afresh from the training masses every time an event enters a batch.
              validation.csv  the other 25 %: label, weight, f0…f26, and per training mass a column mass@<GeV> with the \
            mass that event has when that mass is validated (nan where it is not part of that mass's set).
              test.csv        the test events in the same layout, one column per signal mass of the test file, the \
            background at that mass (paper §6).
              meta.json       written last: the experiment, the scale, the seed, the data's identity, the key of the \
            result `bench run` stores; per network the architecture, the parameters' names and shapes, optimiser and \
            learning rate, epochs, batch size, steps per epoch, balancing and background-mass modes and their rules, \
            dropout and L2; per file its rows and each column's sum in row order, to check that a reader got every value.

            Values are the shortest decimals that read back to the same Float32. An individual-NN experiment has one \
            train_<GeV>.csv and validation_<GeV>.csv per network. Each file is written under a temporary name and \
            renamed; a folder whose meta.json is present and lists its files is complete.
            Example:  bench data export --scale default --seed 42 table4/affine-none --out export/table4-affine-none-42
            """)

        @Argument(help: "One experiment id (see `bench list`), e.g. table4/affine-none.")
        var experiment: String

        @Option(help: "Folder to write to (created if needed; files of the same names are replaced).")
        var out: String

        @Option(help: "Training seed: it decides the train/validation split and the background masses drawn once.")
        var seed: UInt64 = ReplicateSeeds.standard.first

        @Option(help: "Suite name (Suites/<name>.yaml) or the path of a suite file.")
        var suite: String = "paper"

        @Option(help: "Scale from Suites/scales.yaml: smoke, default, medium, large or paper.")
        var scale: String = "default"

        @Option(help: "Data: sim (HEPMASS-SIM), hepmass or hepmass-imb (files in --data-dir).")
        var data: DataChoice = .sim

        @Option(help: "Folder with the real data (for --data hepmass or hepmass-imb).")
        var dataDir: String?

        @Option(help: "Folder for cached data identities of files on disk.")
        var workDir: String = ".bench"

        @Option(help: "Folder holding Suites/.")
        var root: String = "."

        @OptionGroup var threads: ThreadsOption

        func run() throws {
            let configuration = PipelineConfiguration(
                suite: suite, scale: scale, data: data, dataDirectory: dataDir, seeds: try ReplicateSeeds([seed]),
                threads: threads.threads, root: URL(fileURLWithPath: root), workDirectory: URL(fileURLWithPath: workDir))
            let pipeline = try BenchPipeline(configuration)
            let specs = try pipeline.select([experiment])
            guard specs.count == 1, let spec = specs.first else {
                throw DataCommand.fail("'\(experiment)' matches \(specs.count) experiments (\(specs.prefix(4).map(\.id).joined(separator: ", "))\(specs.count > 4 ? ", …" : "")); export takes one id, e.g. \(specs.first?.id ?? "table4/affine-none")")
            }
            try DataCommand.guarded {
                let t0 = MonotonicClock.now()
                let inputs = try pipeline.experimentRunner(seed: seed).inputs(spec)
                let paths = try TrainingInputExport.write(inputs, spec: spec, seed: seed, scale: pipeline.scale, to: out, pool: pipeline.pool)
                let alias = spec.id == experiment ? "" : " (\(experiment) trains \(spec.id))"
                print("exported \(spec.id)\(alias), seed \(seed), scale \(pipeline.scale.name): \(inputs.networks.count) network\(inputs.networks.count == 1 ? "" : "s"), \(inputs.split.train.count) training / \(inputs.split.validation.count) validation / \(inputs.data.test.count) test events in \(fmt(MonotonicClock.now() - t0)) s")
                for path in paths { print("  \(path)") }
            }
        }
    }
}
