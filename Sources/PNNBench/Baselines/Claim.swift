/// A qualitative finding of the paper, written as a check that holds or fails on any data
/// set's results (`Baselines/paper/claims.yaml`). It names rows by the artifact and row
/// strings results carry in `spec.reproduces`, never by numbers, so it can be asked of
/// HEPMASS-SIM results as well as of HEPMASS ones.
public struct Claim: Equatable, Sendable {
    public var id: String
    /// The finding in words, as the paper states it.
    public var statement: String
    /// Where the paper says it (section, table, figure).
    public var source: String?
    public var check: Check
    /// Line in the claims file where the claim starts.
    public var line: Int?

    public init(id: String, statement: String, source: String? = nil, check: Check, line: Int? = nil) {
        self.id = id
        self.statement = statement
        self.source = source
        self.check = check
        self.line = line
    }

    public enum Check: Equatable, Sendable {
        /// value(better) − value(worse) > margin at the given masses.
        case compare(Ordering)
        /// For every row: the mass with the lowest value is `mass`.
        case argmin(Argmin)
    }

    /// Compares two groups of rows of one artifact. A group of several rows stands for the
    /// mean of their values (e.g. "the affine rows" of Table 4), so a claim about a family of
    /// models is not decided by one member.
    public struct Ordering: Equatable, Sendable {
        public var metric: BaselineMetric
        public var artifact: String
        public var better: [String]
        public var worse: [String]
        public var at: Position
        /// In points of the metric (percent); 0 means plain "greater than".
        public var margin: Double

        public init(metric: BaselineMetric, artifact: String, better: [String], worse: [String], at: Position, margin: Double = 0) {
            self.metric = metric
            self.artifact = artifact
            self.better = better
            self.worse = worse
            self.at = at
            self.margin = margin
        }
    }

    /// Where a comparison is made.
    public enum Position: Equatable, Sendable {
        /// The results' mean over all masses.
        case average
        /// At every one of these masses; nil: every mass the results have.
        case each([Int]?)
        /// On the mean over these masses (e.g. the masses left out of training).
        case meanOver([Int])
    }

    public struct Argmin: Equatable, Sendable {
        public var metric: BaselineMetric
        public var artifact: String
        /// Rows to check; nil: every row of the artifact that has a result.
        public var rows: [String]?
        public var mass: Int

        public init(metric: BaselineMetric, artifact: String, rows: [String]?, mass: Int) {
            self.metric = metric
            self.artifact = artifact
            self.rows = rows
            self.mass = mass
        }
    }

    /// Every (artifact, row) the claim needs results for; empty row list means "any row of
    /// the artifact" (an argmin over all rows).
    public var requiredRows: [PaperReference] {
        switch check {
        case .compare(let c): return (c.better + c.worse).map { PaperReference(artifact: c.artifact, row: $0) }
        case .argmin(let a): return (a.rows ?? []).map { PaperReference(artifact: a.artifact, row: $0) }
        }
    }
}
