import ArgumentParser
import Foundation
import PNNBench

/// `bench submit …`: hands the run's trainings to a cluster scheduler.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Run the suite on a cluster: one scheduler task per shard of the trainings, then compare and report.",
        subcommands: [SubmitSlurmCommand.self, SubmitCondorCommand.self])
}

/// What every scheduler's submission takes: the run, its shards and one task's resources.
struct ClusterOptions: ParsableArguments {
    @OptionGroup var options: SuiteOptions

    @Option(help: "N, the shards (one task or job each); at most the number of trainings.")
    var shards: Int = 8

    @Option(help: "Cores per task; the task's bench run uses as many threads.")
    var cpusPerTask: Int = 2

    @Option(help: "Memory per task, as the scheduler takes it (Slurm: 4G; HTCondor: 4GB).")
    var mem: String?

    @Option(help: "At most this many tasks at once (Slurm: the %k of --array; HTCondor: max_materialize).")
    var maxRunning: Int?

    @Option(help: "The bench executable the tasks run (default: this one).")
    var bench: String?

    @Flag(help: "Submit only the shards that have missing results.")
    var resume = false

    @Flag(help: "Write the files, submit nothing.")
    var dryRun = false

    @Argument(help: "Experiment ids, globs or artifact ids (default: every experiment).")
    var patterns: [String] = []

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be at least 1") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
    }

    /// The job of this submission in a new `<work-dir>/submit/<scheduler>-NNN` folder, or nil
    /// when `--resume` finds nothing missing. Prints what it found. `check` may refuse the
    /// configuration before anything is written.
    func job(scheduler: String, check: (PipelineConfiguration) throws -> Void = { _ in }) throws -> ClusterJob? {
        // One scale, or every rung of the ladder under one shard plan.
        let configuration: PipelineConfiguration, trainings: Int, progress: () throws -> RunProgress
        if options.isLadder {
            let ladder = try options.ladderPipeline()
            let specs = try ladder.select(patterns)
            (configuration, trainings) = (ladder.configuration, ladder.trainingCount(specs))
            progress = { try ladder.progress(specs, shardCount: shards) }
        } else {
            let pipeline = try options.pipeline()
            let specs = try pipeline.select(patterns)
            (configuration, trainings) = (pipeline.configuration, specs.count * pipeline.configuration.seeds.count)
            progress = { try pipeline.progress(specs, shardCount: shards) }
        }
        try check(configuration)
        try ShardPlan.check(count: shards, trainings: trainings)
        var selected = Array(1...shards)
        if resume {
            let progress = try progress()
            selected = progress.incompleteShards
            print("\(progress.done) of \(progress.entries.count) trainings are done; shards with missing results: "
                  + (selected.isEmpty ? "none" : selected.map(String.init).joined(separator: ", ")))
            if selected.isEmpty {
                print("nothing to submit; compare and report with `bench compare` / `bench report` and the same options")
                return nil
            }
        }
        let directory = try ClusterJob.newDirectory(in: configuration.workDirectory, scheduler: scheduler)
        return ClusterJob(bench: bench ?? ExternalTool.currentExecutable, configuration: configuration, patterns: patterns,
                          shardCount: shards, shards: selected, cpusPerTask: cpusPerTask, directory: directory)
    }

    /// "wrote …": the files and what they hold.
    static func wrote(_ files: [URL], job: ClusterJob) -> String {
        "wrote " + files.map(\.path).joined(separator: ", ")
            + " (\(job.shards.count) task(s) of \(job.shardCount) shards)"
    }
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

    @OptionGroup var cluster: ClusterOptions

    @Option(help: "Slurm partition (default: the cluster's).")
    var partition: String?

    @Option(help: "Time limit per task, as sbatch takes it (e.g. 2:00:00).")
    var time: String?

    @Option(help: "Slurm account to charge.")
    var account: String?

    @Option(name: .customLong("extra"), help: ArgumentHelp("An extra #SBATCH line for both scripts (repeatable), e.g. --extra '--qos=short'.", valueName: "SBATCH_LINE"))
    var extraLines: [String] = []

    func run() throws {
        guard let job = try cluster.job(scheduler: "slurm") else { return }
        let scripts = SlurmScripts(job: job, partition: partition, time: time, memory: cluster.mem, account: account,
                                   extraLines: extraLines, maxRunning: cluster.maxRunning)
        let files = try scripts.write()
        print(ClusterOptions.wrote([files.train, files.collect], job: job))
        if cluster.dryRun { return }
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
        try Data("\(arrayID)\n".utf8).write(to: job.directory.appendingPathComponent("train.jobid"))
        try Data("\(collectID)\n".utf8).write(to: job.directory.appendingPathComponent("collect.jobid"))
        print("""
            submitted job array \(arrayID) (tasks \(job.arraySpec)) and collect job \(collectID) (runs when every task succeeded)
            logs: \(job.logsDirectory.path)/train-\(arrayID)_<task>.out, collect-\(collectID).out
            watch: squeue -j \(arrayID),\(collectID)   or   bench status --shards \(job.shardCount) with the same options
            report, once the collect job ran: \(job.reportDirectory.path)/report.md
            a task failed or was cancelled? run this command again with --resume
            """)
    }

    /// "123" from sbatch --parsable output "123" or "123;cluster".
    static func jobID(_ output: String) -> String? {
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        return id.isEmpty || !id.allSatisfy(\.isNumber) ? nil : id
    }
}

/// `bench submit condor`: one HTCondor job per shard and a collect job, as a DAGMan workflow.
struct SubmitCondorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "condor",
        abstract: "Submit the suite to HTCondor: one job per shard and a collect job (compare + report), as a DAGMan workflow.",
        discussion: """
        Splits the run's (experiment, seed) trainings into --shards parts of about equal expected cost \
        (see `bench list --shards N`) and writes into <work-dir>/submit/condor-NNN/: train.sub, a submit \
        description with one job per shard (`queue shard from ( … )`; request_cpus = --cpus-per-task, \
        which is also the job's --threads; request_memory = --mem; max_materialize = --max-running), \
        collect.sub, one job that runs `bench compare` and `bench report --render` into <that \
        folder>/report, the two shell scripts they run, and pnnbench.dag, in which the collect node is \
        the child of the train node: it runs once every shard's job succeeded. Then submits the DAG with \
        condor_submit_dag and prints its cluster id, where the logs go and how to watch.

        The jobs read and write the shared file system (should_transfer_files = NO): --work-dir and \
        the bench executable (--bench; default: this one) must be on a file system every execute node \
        sees. Site-specific submit commands go in --extra, e.g. --extra '+JobFlavour = "workday"' at \
        CERN. If one training job fails, DAGMan removes the node's other jobs; finished trainings are \
        kept, and --resume (same --shards N) submits only the shards that still miss results. \
        --dry-run writes the files and submits nothing.

        EXIT STATUS
          0 submitted (or written, with --dry-run, or nothing missing with --resume); 1 \
        condor_submit_dag refused the DAG (its message is printed); 2 bad options, or \
        condor_submit_dag not found.
        """)

    @OptionGroup var cluster: ClusterOptions

    @Option(name: .customLong("extra"), help: ArgumentHelp("An extra submit command for both submit descriptions (repeatable), e.g. --extra '+JobFlavour = \"workday\"'.", valueName: "SUBMIT_LINE"))
    var extraLines: [String] = []

    func validate() throws {
        if let bad = extraLines.first(where: { $0.lowercased().hasPrefix("queue") }) {
            throw ValidationError("--extra '\(bad)': the queue statement is written by bench; give submit commands only")
        }
    }

    func run() throws {
        // DAG files separate words by blanks, so the submit descriptions' paths may not hold any.
        let noBlanks = { (configuration: PipelineConfiguration) throws in
            let work = configuration.workDirectory.standardizedFileURL.path
            if work.contains(where: \.isWhitespace) {
                throw ValidationError("--work-dir '\(work)': HTCondor's DAG file cannot name files in a path with blanks; choose another folder")
            }
        }
        guard let job = try cluster.job(scheduler: "condor", check: noBlanks) else { return }
        let scripts = CondorScripts(job: job, memory: cluster.mem, extraLines: extraLines, maxRunning: cluster.maxRunning)
        let dag = try scripts.write()
        let files = [CondorScripts.trainFile, CondorScripts.collectFile].map(job.directory.appendingPathComponent) + [dag]
        print(ClusterOptions.wrote(files, job: job))
        if cluster.dryRun { return }
        let submitted = try ExternalTool.run("condor_submit_dag", ["-batch-name", "pnnbench", dag.path])
        guard submitted.status == 0, let clusterID = CondorScripts.clusterID(submitted.stdout) else {
            FileHandle.standardError.write(Data("bench submit condor: condor_submit_dag refused \(dag.path): \(submitted.stdout)\(submitted.stderr)".utf8))
            throw ExitCode(1)
        }
        try Data("\(clusterID)\n".utf8).write(to: job.directory.appendingPathComponent("dagman.jobid"))
        print("""
            submitted DAG \(dag.lastPathComponent) as DAGMan job \(clusterID): \(job.shards.count) training job(s) (shards \(job.arraySpec)), then the collect job
            logs: \(job.logsDirectory.path)/train-<cluster>_<shard>.out, collect-<cluster>.out; DAGMan: \(dag.path).dagman.out
            watch: condor_q -dag -nobatch \(clusterID)   or   bench status --shards \(job.shardCount) with the same options
            report, once the collect job ran: \(job.reportDirectory.path)/report.md
            a job failed or was removed? run this command again with --resume
            """)
    }
}
