import ArgumentParser
import Foundation
import PNNBench

/// `bench status`: what a run (local or on a cluster) has finished, from the shared store.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which (experiment, seed) trainings have a result, per shard, and the cluster jobs of bench.",
        discussion: """
        Reads <work-dir>/results for the chosen --suite, --scale, --data and --seeds (this engine \
        version) and counts the trainings done, per seed and, with --shards N, per shard of \
        `bench run --shard i/N` (with --scale ladder, per rung of the convergence ladder too); lists the missing ones, and for those with a stored result of \
        another definition (stale) the fields that differ. Where squeue is on PATH, also lists the \
        queued and running Slurm jobs named pnnbench-train and pnnbench-collect; where condor_q is, \
        the HTCondor jobs of the batch pnnbench (what `bench submit condor` submits).
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "Count per shard of this many shards (as given to bench submit).")
    var shards: Int = 1

    @Argument(help: "Experiment ids, globs or artifact ids (default: every experiment).")
    var patterns: [String] = []

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be at least 1") }
    }

    func run() throws {
        let seeds: ReplicateSeeds, progress: RunProgress, scaleText: String, store: ResultStore
        let stale: ([ShardPlan.Training]) throws -> [StaleResult]
        var rungs: [Scale] = []
        if options.isLadder {
            let ladder = try options.ladderPipeline()
            let specs = try ladder.select(patterns)
            try ShardPlan.check(count: shards, trainings: ladder.trainingCount(specs))
            (seeds, store, rungs) = (ladder.configuration.seeds, ladder.store, ladder.ladder.rungs)
            progress = try ladder.progress(specs, shardCount: shards)
            scaleText = "convergence ladder: " + rungs.map(\.name).joined(separator: ", ")
            stale = { try ladder.staleResults(of: $0) }
        } else {
            let pipeline = try options.pipeline()
            let specs = try pipeline.select(patterns)
            try ShardPlan.check(count: shards, trainings: specs.count * pipeline.configuration.seeds.count)
            (seeds, store) = (pipeline.configuration.seeds, pipeline.store)
            progress = try pipeline.progress(specs, shardCount: shards)
            scaleText = "scale \(pipeline.scale.name)"
            stale = { try pipeline.staleResults(of: $0) }
        }
        print("\(progress.done) of \(progress.entries.count) trainings done (\(scaleText), \(seeds)); results in \(store.directory.path)")
        for scale in rungs {
            let entries = progress.entries.filter { $0.training.scale == scale }
            print("  rung \(scale.name): \(entries.filter(\.done).count) of \(entries.count)")
        }
        for seed in seeds.seeds {
            let entries = progress.entries.filter { $0.training.seed == seed }
            print("  seed \(seed): \(entries.filter(\.done).count) of \(entries.count)")
        }
        if progress.shardCount > 1 {
            for k in 1...progress.shardCount {
                let (done, total) = progress.count(shard: k)
                print("  shard \(k)/\(progress.shardCount): \(done) of \(total)\(done == total ? "" : "  (incomplete)")")
            }
        }
        let missing = progress.missing
        if !missing.isEmpty {
            let label = { (t: ShardPlan.Training) in "\(t.spec.id) [seed \(t.seed)\(rungs.isEmpty ? "" : ", \(t.scale.name)")]" }
            let shown = missing.prefix(20).map { label($0.training) }
            print("missing: " + shown.joined(separator: ", ") + (missing.count > 20 ? ", … (\(missing.count - 20) more)" : ""))
            // A missing training whose experiment has a result of another definition: say what changed.
            let staleResults = try stale(missing.map(\.training))
            for entry in staleResults.prefix(20) { print("stale: " + entry.message) }
            if staleResults.count > 20 { print("stale: … (\(staleResults.count - 20) more)") }
        }
        if ExternalTool.locate("squeue") != nil {
            let queue = try ExternalTool.run("squeue", ["-h", "--name=\(SlurmScripts.trainName),\(SlurmScripts.collectName)",
                                                           "-o", "%i %j %T %r"])
            let lines = queue.stdout.split(separator: "\n")
            print(queue.status != 0 ? "squeue failed: \(queue.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
                  : lines.isEmpty ? "no bench jobs queued or running" : "Slurm jobs (id, name, state, reason):\n" + lines.map { "  " + $0 }.joined(separator: "\n"))
        }
        if ExternalTool.locate("condor_q") != nil {
            let queue = try ExternalTool.run("condor_q", ["-dag", "-nobatch", "-constraint", "JobBatchName =?= \"pnnbench\""])
            print(queue.status != 0 ? "condor_q failed: \(queue.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
                  : "HTCondor jobs of the batch pnnbench:\n" + queue.stdout.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}
