import ArgumentParser
import Foundation
import PNNBench

/// `bench submit …`: hands the run's trainings to a cluster scheduler.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Run the suite on a cluster: one scheduler task per shard of the trainings, then compare and report.",
        subcommands: [SubmitSlurmCommand.self])
}

/// `bench submit slurm`: a job array of `bench run --shard i/N` tasks and a collect job.
struct SubmitSlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Submit the suite as a Slurm job array (one task per shard) and a collect job (compare + report).",
        discussion: """
        Splits the run's (experiment, seed) trainings into --shards parts of about equal expected cost \
        (see `bench list --shards N`) and writes two sbatch scripts into <work-dir>/submit/slurm-NNN/: \
        train.sbatch, a job array whose task i runs `bench run --shard i/N` with --threads set to \
        --cpus-per-task, and collect.sbatch, which runs `bench compare` and `bench report --render` \
        into <that folder>/report once every task has succeeded (--dependency=afterok:<array> \
        --kill-on-invalid-dep=yes). Then submits both with sbatch and prints the job ids, where the \
        logs go and how to watch. --work-dir must be on a file system every node sees, and the bench \
        executable too (--bench; default: this one). Build it for the cluster's CPUs (see the README, \
        PNNBENCH_TARGET_CPU).

        --resume submits only the shards that still have missing results (same --shards N as \
        before): what finished is never trained again. `bench status` shows what is done.
        --dry-run writes the scripts and submits nothing.

        EXIT STATUS
          0 submitted (or written, with --dry-run, or nothing missing with --resume); 1 sbatch \
        refused a script (its message is printed); 2 bad options, or sbatch not found.
        """)

    @OptionGroup var options: SuiteOptions

    @Option(help: "N, the shards (array tasks); at most the number of trainings.")
    var shards: Int = 8

    @Option(help: "Cores per task; the task's bench run uses as many threads.")
    var cpusPerTask: Int = 2

    @Option(help: "Slurm partition (default: the cluster's).")
    var partition: String?

    @Option(help: "Time limit per task, as sbatch takes it (e.g. 2:00:00).")
    var time: String?

    @Option(help: "Memory per task, as sbatch takes it (e.g. 4G).")
    var mem: String?

    @Option(help: "Slurm account to charge.")
    var account: String?

    @Option(name: .customLong("extra"), help: ArgumentHelp("An extra #SBATCH line for both scripts (repeatable), e.g. --extra '--qos=short'.", valueName: "SBATCH_LINE"))
    var extraLines: [String] = []

    @Option(help: "At most this many tasks at once (the %k of --array).")
    var maxRunning: Int?

    @Option(help: "The bench executable the tasks run (default: this one).")
    var bench: String?

    @Flag(help: "Submit only the shards that have missing results.")
    var resume = false

    @Flag(help: "Write the scripts, submit nothing.")
    var dryRun = false

    @Argument(help: "Experiment ids, globs or artifact ids (default: every experiment).")
    var patterns: [String] = []

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be at least 1") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
    }

    func run() throws {
        let pipeline = try options.pipeline()
        let specs = try pipeline.select(patterns)
        let trainings = specs.count * pipeline.configuration.seeds.count
        let count = min(shards, trainings)
        var selected = Array(1...count)
        if resume {
            let progress = try pipeline.progress(specs, shardCount: count)
            selected = progress.incompleteShards
            print("\(progress.done) of \(progress.entries.count) trainings are done; shards with missing results: "
                  + (selected.isEmpty ? "none" : selected.map(String.init).joined(separator: ", ")))
            if selected.isEmpty {
                print("nothing to submit; compare and report with `bench compare` / `bench report` and the same options")
                return
            }
        }
        let directory = try Self.newSubmissionDirectory(in: pipeline.configuration.workDirectory)
        let job = ClusterJob(bench: bench ?? ExternalTool.currentExecutable, configuration: pipeline.configuration, patterns: patterns,
                             shardCount: count, shards: selected, cpusPerTask: cpusPerTask, directory: directory)
        let scripts = SlurmScripts(job: job, partition: partition, time: time, memory: mem, account: account,
                                   extraLines: extraLines, maxRunning: maxRunning)
        let files = try scripts.write()
        print("wrote \(files.train.path) (\(selected.count) task(s) of \(count) shards, \(trainings) trainings in all) and \(files.collect.path)")
        if dryRun { return }
        let array = try ExternalTool.run("sbatch", ["--parsable", files.train.path])
        guard array.status == 0, let arrayID = Self.jobID(array.stdout) else {
            FileHandle.standardError.write(Data("bench submit slurm: sbatch refused \(files.train.path): \(array.stderr)".utf8))
            throw ExitCode(1)
        }
        let collect = try ExternalTool.run("sbatch", SlurmScripts.collectArguments(arrayID: arrayID) + [files.collect.path])
        guard collect.status == 0, let collectID = Self.jobID(collect.stdout) else {
            FileHandle.standardError.write(Data("bench submit slurm: sbatch refused \(files.collect.path): \(collect.stderr)".utf8))
            throw ExitCode(1)
        }
        try Data("\(arrayID)\n".utf8).write(to: directory.appendingPathComponent("train.jobid"))
        try Data("\(collectID)\n".utf8).write(to: directory.appendingPathComponent("collect.jobid"))
        print("""
            submitted job array \(arrayID) (tasks \(job.arraySpec)) and collect job \(collectID) (runs when every task succeeded)
            logs: \(job.logsDirectory.path)/train-\(arrayID)_<task>.out, collect-\(collectID).out
            watch: squeue -j \(arrayID),\(collectID)   or   bench status --shards \(count) with the same options
            report, once the collect job ran: \(job.reportDirectory.path)/report.md
            a task failed or was cancelled? run this command again with --resume
            """)
    }

    /// "123" from sbatch --parsable output "123" or "123;cluster".
    static func jobID(_ output: String) -> String? {
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        return id.isEmpty || !id.allSatisfy(\.isNumber) ? nil : id
    }

    /// `<work-dir>/submit/slurm-NNN`, the first number not taken.
    static func newSubmissionDirectory(in work: URL) throws -> URL {
        let parent = work.appendingPathComponent("submit")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        for n in 1... {
            let candidate = parent.appendingPathComponent(String(format: "slurm-%03d", n))
            // mkdir fails when another submission took the name first.
            if (try? FileManager.default.createDirectory(at: candidate, withIntermediateDirectories: false)) != nil { return candidate }
        }
        fatalError("unreachable")
    }
}
