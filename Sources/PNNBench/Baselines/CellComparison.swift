import PNNMetrics

/// One number checked: our value of a metric at one mass (or the average) against the
/// baseline's, all in percent.
///
/// Ours is one value per seed. Two rules decide a cell:
///
/// - **exact** (a recorded row of one seed, or any cell with n = 1): pass ⇔ |x − ref| ≤ tol;
/// - **replicates** (n ≥ 2 seeds against a value that has no seed, e.g. the paper's):
///   the reference must lie within the replicate distribution,
///   pass ⇔ |x̄ − ref| ≤ max(2·s, tol), with z = (x̄ − ref)/s. Two standard deviations
///   of single trainings, not of the mean: the reference is itself one training.
public struct CellComparison: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        case pass
        case fail
        /// No result for the row (or the result lacks the mass).
        case missing
        /// Compared with the paper, but its networks trained on fewer signal events than
        /// `BudgetLimit` allows: Δ is shown and not counted.
        case limited
    }

    /// The baseline file and row the cell comes from.
    public var file: String
    public var row: BaselineRow
    public var metric: BaselineMetric
    /// Nil: the average over masses.
    public var mass: Int?
    /// The seeds with a value, and our value (percent) for each.
    public var seeds: [UInt64]
    public var values: [Double]
    public var reference: Double
    public var tolerance: Double
    /// The results compared, one per seed.
    public var resultKeys: [String]
    /// Seeds flagged as collapsed (`ReplicateStability`) among `seeds`.
    public var collapsedSeeds: [UInt64]
    /// The short training points of the results' networks (`BudgetLimit`), over all
    /// seeds; set only in comparisons with the paper's values.
    public var shortfalls: [BudgetLimit.Shortfall] = []

    public init(file: String, row: BaselineRow, metric: BaselineMetric, mass: Int?, seeds: [UInt64], values: [Double],
                reference: Double, tolerance: Double, resultKeys: [String], collapsedSeeds: [UInt64] = []) {
        self.file = file
        self.row = row
        self.metric = metric
        self.mass = mass
        self.seeds = seeds
        self.values = values
        self.reference = reference
        self.tolerance = tolerance
        self.resultKeys = resultKeys
        self.collapsedSeeds = collapsedSeeds
    }

    /// n, the number of seeds with a value.
    public var count: Int { values.count }

    /// Mean, sd, interval over seeds; nil without values (or with a non-finite one).
    public var statistics: ReplicateStatistics? { values.isEmpty ? nil : try? ReplicateStatistics(values) }

    /// The same without the collapsed seeds; nil when none collapsed or none is left.
    public var statisticsWithoutCollapsed: ReplicateStatistics? {
        guard !collapsedSeeds.isEmpty else { return nil }
        let kept = zip(seeds, values).filter { !collapsedSeeds.contains($0.0) }.map(\.1)
        return kept.isEmpty ? nil : try? ReplicateStatistics(kept)
    }

    /// Our value: the mean over seeds (the single value for n = 1).
    public var ours: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// ours − reference.
    public var delta: Double? { ours.map { $0 - reference } }

    /// The largest |ours − reference| that passes: the tolerance, or with n ≥ 2 seeds
    /// max(2·s, tolerance).
    public var allowed: Double {
        guard count >= 2, let s = statistics?.standardDeviation else { return tolerance }
        return max(2 * s, tolerance)
    }

    /// (x̄ − ref)/s; nil for n < 2 or s = 0.
    public var zScore: Double? {
        guard let s = statistics?.standardDeviation, s > 0, let delta else { return nil }
        return delta / s
    }

    /// Baseline values are printed with two decimals and ours are exact, so a Δ equal to
    /// the tolerance on paper may be a hair above it in binary: allow 1e-9 points.
    public static let slack = 1e-9

    /// `limited` for a budget-limited cell with values; otherwise `deviation`.
    public var status: Status {
        if isBudgetLimited && !values.isEmpty { return .limited }
        return deviation
    }

    /// Whether the value lies within what is allowed of the reference, whatever the budget.
    public var deviation: Status {
        guard let delta, delta.isFinite else { return values.isEmpty ? .missing : .fail }
        return abs(delta) <= allowed + CellComparison.slack ? .pass : .fail
    }

    public var isBudgetLimited: Bool { !shortfalls.isEmpty }
}
