import Foundation
import PNNEngine

/// The two sbatch scripts of a Slurm submission: a job array with one task per shard
/// (`--array`, `--cpus-per-task`, the user's resources and extra lines), and a collect
/// job submitted with `--dependency=afterok:<array>` and `--kill-on-invalid-dep=yes`, so it
/// runs once every task has succeeded and is removed if one fails or is cancelled.
public struct SlurmScripts: Sendable {
    public var job: ClusterJob
    public var partition: String?
    public var time: String?
    /// Memory per task, as sbatch takes it ("4G").
    public var memory: String?
    public var account: String?
    /// Added verbatim as `#SBATCH <line>` to both scripts.
    public var extraLines: [String]
    /// `%k` of `--array`: at most k tasks at once; nil: as many as the cluster allows.
    public var maxRunning: Int?

    public init(job: ClusterJob, partition: String? = nil, time: String? = nil, memory: String? = nil, account: String? = nil,
                extraLines: [String] = [], maxRunning: Int? = nil) {
        self.job = job
        self.partition = partition
        self.time = time
        self.memory = memory
        self.account = account
        self.extraLines = extraLines
        self.maxRunning = maxRunning
    }

    public static let trainName = "pnnbench-train"
    public static let collectName = "pnnbench-collect"
    public static let trainFile = "train.sbatch"
    public static let collectFile = "collect.sbatch"

    private func header(name: String, output: String) -> [String] {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(name)", "#SBATCH --output=\(job.logsDirectory.path)/\(output)"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account { lines.append("#SBATCH --account=\(account)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines
    }

    /// The job array: task i runs shard i.
    public var train: String {
        var lines = header(name: Self.trainName, output: "train-%A_%a.out")
        lines.append("#SBATCH --array=\(job.arraySpec)\(maxRunning.map { "%\($0)" } ?? "")")
        lines.append("#SBATCH --cpus-per-task=\(job.cpusPerTask)")
        lines += extraLines.map { "#SBATCH \($0)" }
        lines += ["# Written by `bench submit slurm`: shard $SLURM_ARRAY_TASK_ID of \(job.shardCount) of the run's trainings.",
                  "set -euo pipefail",
                  "exec " + job.trainCommand(index: "${SLURM_ARRAY_TASK_ID}")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The collect job: compare, then the report into the submission's folder.
    public var collect: String {
        var lines = header(name: Self.collectName, output: "collect-%j.out")
        lines.append("#SBATCH --cpus-per-task=\(job.cpusPerTask)")
        lines += extraLines.map { "#SBATCH \($0)" }
        lines += ["# Written by `bench submit slurm`: runs after every task of the array succeeded (submitted with",
                  "# --dependency=afterok:<array> --kill-on-invalid-dep=yes)."]
        lines += job.collectCommands
        return lines.joined(separator: "\n") + "\n"
    }

    /// The sbatch arguments of the collect job once the array has the id `arrayID`.
    public static func collectArguments(arrayID: String) -> [String] {
        ["--parsable", "--dependency=afterok:\(arrayID)", "--kill-on-invalid-dep=yes"]
    }

    /// Writes both scripts (and the logs folder) into the job's folder; returns their paths.
    public func write() throws -> (train: URL, collect: URL) {
        try FileManager.default.createDirectory(at: job.logsDirectory, withIntermediateDirectories: true)
        let trainURL = job.directory.appendingPathComponent(Self.trainFile)
        let collectURL = job.directory.appendingPathComponent(Self.collectFile)
        try AtomicFile.write(Data(train.utf8), to: trainURL.path)
        try AtomicFile.write(Data(collect.utf8), to: collectURL.path)
        return (trainURL, collectURL)
    }
}
