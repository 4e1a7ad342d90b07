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
        (table4, fig9); `bench list` shows them all. Each experiment is trained once per seed (--seeds, \
        default 3: seeds 42, 43, 44, every experiment of a seed before the next seed) with the paper's \
        hyper-parameters at the chosen scale, the epoch with the best validation ROC-AUC is kept, and \
        it is evaluated per signal mass on the test set. Results go to <work-dir>/results/ as one JSON \
        file per run, named by a hash of everything that determines it: a finished experiment is not \
        trained again (an interrupted run resumes) unless --force is given.

        --scale ladder trains the selection at every rung of the convergence ladder (the `ladder:` \
        list of Suites/scales.yaml), smallest first; --shard i/N then splits the trainings of all \
        rungs together. `bench report --scale ladder` draws how cells and claims move with the budget.

        At the end the run prints where its wall time went: training steps, per-epoch validation \
        scoring, data, checkpoints, test evaluation and the result store.
        """)

    @OptionGroup var options: SuiteOptions

    @OptionGroup var threads: ThreadsOption

    @Flag(help: "Train again even when a result for the same inputs is stored.")
    var force = false

    @Option(help: ArgumentHelp(
        "Train only shard i of N: the (experiment, seed) trainings split into N parts of about equal expected cost.",
        discussion: "Every task of a cluster job computes the same split (`bench list --shards N` shows it), so any shard can be run again alone; results go to the shared --work-dir.",
        valueName: "i/N"))
    var shard: String?

    @Argument(help: "Experiment ids, globs or artifact ids.")
    var patterns: [String]

    func validate() throws {
        if patterns.isEmpty { throw ValidationError("name at least one experiment, glob or artifact (see `bench list`)") }
        if let shard {
            do { _ = try ShardSelection(parsing: shard) } catch let error as PipelineError { throw ValidationError(error.message) }
        }
    }

    func run() throws {
        let start = MonotonicClock.now()
        let phases = RunPhases.shared
        if options.isLadder {
            let ladder = try phases.measure(.startup) { try options.ladderPipeline(threads: threads) }
            try ladder.trainShowingProgress(try ladder.select(patterns), force: force, shard: try shard.map(ShardSelection.init(parsing:)))
        } else {
            let pipeline = try phases.measure(.startup) { try options.pipeline(threads: threads) }
            try pipeline.trainShowingProgress(try pipeline.select(patterns), force: force,
                                              shard: try shard.map(ShardSelection.init(parsing:)))
        }
        phases.printTable(since: start)
    }
}
