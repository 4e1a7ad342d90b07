import Foundation

/// Reference numbers for one group of experiments, read from one YAML file of `Baselines/`:
/// a transcribed paper table (`Baselines/paper/table3.yaml`) or a recorded set of our own
/// results (`Baselines/sim/<scale>/<suite>.yaml`). All values are in percent.
public struct BaselineTable: Equatable, Sendable {
    /// Where it was read from (for messages).
    public var file: String
    /// The file's name without folder and extension ("table3" for `Baselines/paper/table3.yaml`):
    /// how tables and CSV files name it.
    public var stem: String { URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent }
    public var title: String?
    /// Signal masses (GeV) of the per-mass columns.
    public var masses: [Int]
    public var rows: [BaselineRow]
    /// Free-form facts about the file (sim: scale, data, seed, engine versions recorded).
    public var metadata: [String: String]
    /// Recorded baselines of several seeds: each experiment's statistics over them.
    public var replicates: [RecordedReplicates]

    public init(file: String, title: String?, masses: [Int], rows: [BaselineRow], metadata: [String: String] = [:],
                replicates: [RecordedReplicates] = []) {
        self.file = file
        self.title = title
        self.masses = masses
        self.rows = rows
        self.metadata = metadata
        self.replicates = replicates
    }
}

/// What a recorded baseline says of one experiment over its seeds (informative: each
/// seed's row is what `compare` checks).
public struct RecordedReplicates: Equatable, Sendable {
    public struct Summary: Equatable, Sendable {
        public var mean: Double
        /// Nil for one seed.
        public var standardDeviation: Double?
    }

    public var experiment: String
    /// n, the seeds recorded.
    public var count: Int
    /// Per metric: mean and sd over seeds of the average over masses (percent).
    public var averages: [BaselineMetric: Summary]
    /// Seeds flagged as collapsed when recorded.
    public var collapsed: [UInt64]
}

/// One row of reference numbers and how far ours may be from them.
public struct BaselineRow: Equatable, Sendable {
    /// The paper artifact and row label, exactly as results carry them in
    /// `spec.reproduces` (e.g. "table5", "Affine (class) | Identical (sampled)").
    public var reference: PaperReference
    /// For recorded baselines: the experiment id, which then identifies the result alone
    /// (several experiments may share an artifact and row). Nil: match on `reference`.
    public var experiment: String?
    /// For recorded baselines of several seeds: the seed of the result the row holds.
    /// Nil: the row stands for every seed (the paper's numbers).
    public var seed: UInt64?
    /// Per metric: one value per mass of the table (nil where the source gives none).
    public var values: [BaselineMetric: [Double?]]
    /// Per metric: the printed mean over masses.
    public var averages: [BaselineMetric: Double]
    /// Allowed |ours − reference| per metric, in the same points.
    public var tolerance: [BaselineMetric: Double]
    public var note: String?
    /// Line in `file` where the row starts.
    public var line: Int?

    public init(reference: PaperReference, experiment: String? = nil, seed: UInt64? = nil, values: [BaselineMetric: [Double?]],
                averages: [BaselineMetric: Double], tolerance: [BaselineMetric: Double], note: String? = nil, line: Int? = nil) {
        self.reference = reference
        self.experiment = experiment
        self.seed = seed
        self.values = values
        self.averages = averages
        self.tolerance = tolerance
        self.note = note
        self.line = line
    }

    /// A short name for tables: the experiment id, or "artifact · row".
    public var displayName: String {
        experiment ?? "\(reference.artifact) · \(reference.row)"
    }

    /// Whether `result` is a run this row describes (of its seed, when it has one).
    public func matches(_ result: RunResult) -> Bool {
        if let seed, result.seed != seed { return false }
        if let experiment { return result.spec.id == experiment }
        return result.spec.reproduces == reference
    }
}
