import Foundation

/// What a cluster submission runs, independent of the scheduler: the `bench` executable,
/// the pipeline's options, the shards, and the resources of one task. Each task runs
/// `bench run … --shard i/N` into the shared work folder; a final collect step runs
/// `bench compare` and `bench report` once every task has succeeded.
public struct ClusterJob: Sendable {
    /// The `bench` executable the tasks run; it must be reachable from every node.
    public var bench: String
    public var configuration: PipelineConfiguration
    /// Experiment patterns as given to `bench run` (empty: every experiment).
    public var patterns: [String]
    /// N, the shards of the run's trainings.
    public var shardCount: Int
    /// The shards to run, 1-based (all of 1…N, or those with missing trainings).
    public var shards: [Int]
    /// Cores of one task; passed to `bench run --threads`.
    public var cpusPerTask: Int
    /// Where the scripts, logs and the collect step's report go.
    public var directory: URL

    public init(bench: String, configuration: PipelineConfiguration, patterns: [String], shardCount: Int, shards: [Int],
                cpusPerTask: Int, directory: URL) {
        self.bench = bench
        self.configuration = configuration
        self.patterns = patterns
        self.shardCount = shardCount
        self.shards = shards
        self.cpusPerTask = cpusPerTask
        self.directory = directory
    }

    public var logsDirectory: URL { directory.appendingPathComponent("logs") }
    public var reportDirectory: URL { directory.appendingPathComponent("report") }

    /// The options every `bench` command of the job shares, absolute paths, seeds listed.
    var suiteArguments: [String] {
        let c = configuration
        let suite = c.suiteFile.map { $0.standardizedFileURL.path } ?? c.suite
        var args = ["--suite", suite, "--scale", c.scale, "--data", c.data.rawValue]
        if let dataDirectory = c.dataDirectory { args += ["--data-dir", URL(fileURLWithPath: dataDirectory).standardizedFileURL.path] }
        args += ["--seeds", c.seeds.seeds.map(String.init).joined(separator: ",") + (c.seeds.count == 1 ? "," : ""),
                 "--root", c.root.standardizedFileURL.path, "--work-dir", c.workDirectory.standardizedFileURL.path]
        return args
    }

    /// The training command of one task, with the shard index left to the shell as `index`
    /// (e.g. `"$SLURM_ARRAY_TASK_ID"`).
    public func trainCommand(index: String) -> String {
        ([Self.quote(bench), "run"] + suiteArguments.map(Self.quote)
         + ["--threads", String(cpusPerTask), "--shard", "\(index)/\(shardCount)"]
         + (patterns.isEmpty ? ["'*'"] : patterns.map(Self.quote))).joined(separator: " ")
    }

    /// The collect step: compare (its exit status is the step's), then the report, which is
    /// written whatever the comparison says. For the convergence ladder, whose rungs have
    /// no one baseline, the convergence report alone.
    public var collectCommands: [String] {
        let args = suiteArguments.map(Self.quote).joined(separator: " ")
        if configuration.scale == ConvergenceLadder.name {
            return ["\(Self.quote(bench)) report \(args) --render --out \(Self.quote(reportDirectory.path))"]
        }
        return ["status=0",
                "\(Self.quote(bench)) compare \(args) || status=$?",
                "\(Self.quote(bench)) report \(args) --render --out \(Self.quote(reportDirectory.path))",
                "exit $status"]
    }

    /// A POSIX-shell single-quoted word.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "1-8", or "3,5,6" for a subset.
    public var arraySpec: String {
        shards == Array(1...shardCount) ? "1-\(shardCount)" : shards.map(String.init).joined(separator: ",")
    }

    /// `<work-dir>/submit/<scheduler>-NNN`, the first number not taken, created.
    public static func newDirectory(in work: URL, scheduler: String) throws -> URL {
        let parent = work.appendingPathComponent("submit")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        for n in 1... {
            let candidate = parent.appendingPathComponent("\(scheduler)-" + String(format: "%03d", n))
            // mkdir fails when another submission took the name first.
            if (try? FileManager.default.createDirectory(at: candidate, withIntermediateDirectories: false)) != nil { return candidate }
        }
        fatalError("unreachable")
    }
}
