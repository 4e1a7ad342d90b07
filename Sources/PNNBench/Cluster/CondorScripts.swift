import Foundation
import PNNEngine

/// The files of an HTCondor submission, for a pool whose nodes share the work folder:
///
/// - `train.sh` / `collect.sh`: what one job runs (`train.sh k` trains shard k);
/// - `train.sub`: a submit description with one job per shard, `queue shard from ( … )`,
///   `request_cpus` = the job's cores (its `bench run --threads`), `request_memory`, and
///   `max_materialize` for at most k jobs at once;
/// - `collect.sub`: one job that runs `bench compare` and `bench report`;
/// - `pnnbench.dag`: a DAGMan workflow, the training node as the parent of the collect
///   node, so the collect runs only once every shard's job succeeded (as Slurm's
///   `afterok`). A DAGMan FINAL node is not used: it runs also after a failure or a
///   `condor_rm`, and would compare an incomplete store.
///
/// The training node is one cluster of jobs: when one of them fails, DAGMan removes the
/// others and the node fails. Finished trainings stay in the store either way, and a new
/// submission with `--resume` runs only the shards that miss results.
public struct CondorScripts: Sendable {
    public var job: ClusterJob
    /// `request_memory`, as HTCondor takes it ("4GB", "4096" for MB).
    public var memory: String?
    /// Submit commands added verbatim to both submit descriptions (e.g. `+JobFlavour = "workday"`).
    public var extraLines: [String]
    /// `max_materialize`: at most k training jobs in the queue at once; nil: all.
    public var maxRunning: Int?

    public init(job: ClusterJob, memory: String? = nil, extraLines: [String] = [], maxRunning: Int? = nil) {
        self.job = job
        self.memory = memory
        self.extraLines = extraLines
        self.maxRunning = maxRunning
    }

    public static let trainScriptFile = "train.sh"
    public static let collectScriptFile = "collect.sh"
    public static let trainFile = "train.sub"
    public static let collectFile = "collect.sub"
    public static let dagFile = "pnnbench.dag"
    /// DAG node names (no spaces, dots or plus signs).
    public static let trainNode = "train"
    public static let collectNode = "collect"

    private func path(_ file: String) -> String { job.directory.appendingPathComponent(file).path }

    /// Shard k's job: `train.sh k`.
    public var trainScript: String {
        ["#!/bin/sh",
         "# Written by `bench submit condor`: trains shard $1 of \(job.shardCount) of the run's trainings.",
         "set -eu",
         "exec " + job.trainCommand(index: "\"$1\"")].joined(separator: "\n") + "\n"
    }

    public var collectScript: String {
        (["#!/bin/sh",
          "# Written by `bench submit condor`: runs once every training job succeeded (child of the train node)."]
         + job.collectCommands).joined(separator: "\n") + "\n"
    }

    /// Lines both submit descriptions share: a vanilla job on the shared file system.
    private func common(executable: String) -> [String] {
        var lines = ["universe = vanilla",
                     "executable = \(path(executable))",
                     "transfer_executable = false",
                     "should_transfer_files = NO",
                     "initialdir = \(job.directory.path)",
                     "request_cpus = \(job.cpusPerTask)"]
        if let memory { lines.append("request_memory = \(memory)") }
        return lines
    }

    /// The job's standard output and error (`<job>.out`, `<job>.err`) and HTCondor's event
    /// log (`<log>.log`, shared by a submission's jobs) in the logs folder.
    private func logs(job name: String, log: String) -> [String] {
        let folder = job.logsDirectory.path
        return ["output = \(folder)/\(name).out", "error = \(folder)/\(name).err", "log = \(folder)/\(log).log"]
    }

    /// One job per shard; `$(shard)` is the shard's number.
    public var train: String {
        var lines = ["# Written by `bench submit condor`: one job per shard of the run's \(job.shardCount) shards."]
        lines += common(executable: Self.trainScriptFile)
        lines.append("arguments = $(shard)")
        lines += logs(job: "train-$(ClusterId)_$(shard)", log: "train")
        if let maxRunning { lines.append("max_materialize = \(maxRunning)") }
        lines += extraLines
        lines.append("queue shard from (")
        lines += job.shards.map { "  \($0)" }
        lines.append(")")
        return lines.joined(separator: "\n") + "\n"
    }

    public var collect: String {
        var lines = ["# Written by `bench submit condor`: compare, then the report into \(job.reportDirectory.path)."]
        lines += common(executable: Self.collectScriptFile)
        lines += logs(job: "collect-$(ClusterId)", log: "collect")
        lines += extraLines
        lines.append("queue")
        return lines.joined(separator: "\n") + "\n"
    }

    public var dag: String {
        ["# Written by `bench submit condor`: the trainings, then compare and report once all succeeded.",
         "JOB \(Self.trainNode) \(path(Self.trainFile))",
         "JOB \(Self.collectNode) \(path(Self.collectFile))",
         "PARENT \(Self.trainNode) CHILD \(Self.collectNode)"].joined(separator: "\n") + "\n"
    }

    /// Writes the five files (and the logs folder); returns the DAG's path.
    @discardableResult
    public func write() throws -> URL {
        try FileManager.default.createDirectory(at: job.logsDirectory, withIntermediateDirectories: true)
        for (file, text) in [(Self.trainScriptFile, trainScript), (Self.collectScriptFile, collectScript)] {
            try AtomicFile.write(Data(text.utf8), to: path(file))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path(file))
        }
        for (file, text) in [(Self.trainFile, train), (Self.collectFile, collect), (Self.dagFile, dag)] {
            try AtomicFile.write(Data(text.utf8), to: path(file))
        }
        return job.directory.appendingPathComponent(Self.dagFile)
    }

    /// The DAGMan job's cluster id from condor_submit_dag's "1 job(s) submitted to cluster 123."
    public static func clusterID(_ output: String) -> String? {
        guard let range = output.range(of: "submitted to cluster ") else { return nil }
        let id = output[range.upperBound...].prefix { $0.isNumber }
        return id.isEmpty ? nil : String(id)
    }
}
