import ArgumentParser
import Foundation
import PNNBench
import PNNEngine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train and evaluate selected experiments of a suite.",
        discussion: """
        Select experiments by id (table3/affine-identical-fixed), glob (table5/*, */pnn-*) or artifact \
        (table4, fig9); `bench list` shows them all. Each experiment is trained with the paper's \
        hyper-parameters at the chosen scale, the epoch with the best validation ROC-AUC is kept, and \
        it is evaluated per signal mass on the test set. Results go to <work-dir>/results/ as one JSON \
        file per run, named by a hash of everything that determines it: a finished experiment is not \
        trained again (an interrupted run resumes) unless --force is given.
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(help: "Train again even when a result for the same inputs is stored.")
    var force = false

    @Argument(help: "Experiment ids, globs or artifact ids.")
    var patterns: [String]

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if patterns.isEmpty { throw ValidationError("name at least one experiment, glob or artifact (see `bench list`)") }
    }

    func run() throws {
        let context = try SuiteContext(options: options, threads: threads)
        let specs = try context.suite.select(patterns: patterns)
        try context.run(specs, force: force)
    }
}

/// What `run` and `all` share: the suite, the scale, the data source, the store, and the
/// loop that trains with progress.
struct SuiteContext {
    let options: SuiteOptions
    let suite: Suite
    let scale: Scale
    let source: DataSource
    let store: ResultStore
    let pool: WorkerPool

    init(options: SuiteOptions, threads: Int?) throws {
        self.options = options
        suite = try SuiteRegistry.load(suite: options.suite, directory: options.suitesDirectory)
        scale = try ScaleRegistry.load(scale: options.scale, directory: options.suitesDirectory)
        switch options.data {
        case "sim":
            source = .simulator()
        case "hepmass", "hepmass-imb":
            guard let dir = options.dataDir else {
                throw ValidationError("--data \(options.data) needs --data-dir DIR, the folder holding all_train.csv[.gz] and all_test.csv[.gz] (see the README)")
            }
            source = .hepmass(directory: dir)
        default:
            throw ValidationError("unknown --data '\(options.data)'; expected sim, hepmass or hepmass-imb")
        }
        store = ResultStore(directory: options.resultsDirectory)
        pool = WorkerPool(threads: threads ?? WorkerPool.availableCores)
    }

    /// Trains (or reuses) `specs` with progress output; returns their results.
    @discardableResult
    func run(_ specs: [ExperimentSpec], force: Bool) throws -> [RunResult] {
        let provider = DatasetProvider(source: source, scale: scale, threads: pool.threadCount)
        let experimentRunner = ExperimentRunner(provider: provider, seed: options.seed, pool: pool)
        experimentRunner.modelsDirectory = options.modelsDirectory
        let runner = SuiteRunner(runner: experimentRunner, store: store, force: force)
        let printer = ProgressPrinter(total: specs.count)
        print("\(specs.count) experiment\(specs.count == 1 ? "" : "s"), scale \(scale.name) (\(scale.epochs) epochs, batch \(scale.batchSize)), data \(source.name), seed \(options.seed), \(pool.threadCount) thread\(pool.threadCount == 1 ? "" : "s")")
        let results = try runner.run(specs) { event in
            switch event {
            case let .started(k, _, spec):
                printer.begin(k, id: spec.id)
            case let .progress(p):
                printer.update(p)
            case let .finished(_, _, result, timing):
                printer.finish(summary: Self.summary(result) + String(format: "  (%@, %.0fk samples/s)",
                                                                      ProgressPrinter.duration(timing.trainingSeconds + timing.evaluationSeconds),
                                                                      timing.samplesPerSecond / 1000))
            case let .reused(k, _, result):
                printer.skip(k, id: result.spec.id, reason: Self.summary(result) + "  (stored result)")
            }
        }
        print("done in \(printer.elapsed); results in \(store.directory.path)")
        return results
    }

    static func summary(_ r: RunResult) -> String {
        let masses = r.perMass.map { String(format: "%d:%.2f", $0.mass, 100 * $0.rocAUC) }.joined(separator: " ")
        return String(format: "ROC-AUC %% %@ | mean %.2f, σ_ratio %.2f", masses, 100 * r.average.rocAUC, 100 * r.average.sigmaRatio)
    }
}
