import PNNMetrics

/// What became of one claim on the results of one or more seeds.
///
/// A claim is checked at one or more points (a mass, the average, a row of an argmin);
/// at each point it has an effect per seed, positive when the claim holds there (see
/// `Claim.effects`). Over n seeds the effect's mean gets a 95 % Student-t interval — the
/// seeds are paired, since both sides of a claim train on the same data with the same
/// seed — and the point's verdict is
///
///     holds          lower end > margin   (the claimed direction, beyond the noise)
///     fails          upper end < margin   (the other direction, beyond the noise)
///     inconclusive   otherwise            (the interval contains the margin)
///
/// With one seed there is no interval: the point estimate decides holds or fails, and
/// `isPointEstimate` says so. The claim fails when any point fails, holds when every
/// point holds, and is inconclusive otherwise.
public struct ClaimOutcome: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        case holds
        case fails
        case inconclusive
        /// Some row the claim needs has no result: nothing can be said (not a failure).
        case notRun = "not run"
    }

    /// One place the claim is checked.
    public struct Point: Equatable, Sendable {
        /// "750 GeV", "average", or an argmin's row.
        public var label: String
        /// Per seed (in `ClaimOutcome.seeds` order): the effect, in points; the claim's
        /// direction is positive.
        public var effects: [Double]
        /// The compared values per seed, when the point compares two sides (mean of each
        /// group of rows); empty for an argmin.
        public var better: [Double]
        public var worse: [Double]
        /// The effect the claim needs to exceed (its margin; 0 for plain "greater").
        public var margin: Double
        public var status: Status
        /// n, mean, sd and interval of `effects`; nil only when an effect is not finite.
        public var statistics: ReplicateStatistics?
        /// The point in words when there is one seed (argmin: where the lowest value is).
        public var words: String?
    }

    public var claim: Claim
    public var status: Status
    /// The seeds every needed row has a result for, in run order.
    public var seeds: [UInt64]
    public var points: [Point]
    /// The numbers behind the verdict in words, or which rows are missing.
    public var detail: String

    public init(claim: Claim, status: Status, seeds: [UInt64] = [], points: [Point] = [], detail: String) {
        self.claim = claim
        self.status = status
        self.seeds = seeds
        self.points = points
        self.detail = detail
    }

    /// One seed: the verdict is a point estimate without uncertainty.
    public var isPointEstimate: Bool { status != .notRun && seeds.count == 1 }

    /// The point that decides the verdict: the first failing point, else the first
    /// inconclusive one, else the one with the smallest mean effect.
    public var decisivePoint: Point? {
        points.first { $0.status == .fails } ?? points.first { $0.status == .inconclusive }
            ?? points.min { ($0.statistics?.mean ?? .infinity) - $0.margin < ($1.statistics?.mean ?? .infinity) - $1.margin }
    }
}
