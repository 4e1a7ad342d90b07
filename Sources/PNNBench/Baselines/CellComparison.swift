/// One number checked: our value of a metric at one mass (or the average) against the
/// baseline's, all in percent.
public struct CellComparison: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        /// |ours − reference| ≤ tolerance.
        case pass
        case fail
        /// No result for the row (or the result lacks the mass).
        case missing
    }

    /// The baseline file and row the cell comes from.
    public var file: String
    public var row: BaselineRow
    public var metric: BaselineMetric
    /// Nil: the average over masses.
    public var mass: Int?
    public var ours: Double?
    public var reference: Double
    public var tolerance: Double
    /// The result compared (nil when missing).
    public var resultKey: String?

    /// ours − reference.
    public var delta: Double? { ours.map { $0 - reference } }

    /// Baseline values are printed with two decimals and ours are exact, so a Δ equal to
    /// the tolerance on paper may be a hair above it in binary: allow 1e-9 points.
    public static let slack = 1e-9

    public var status: Status {
        guard let delta else { return .missing }
        return abs(delta) <= tolerance + CellComparison.slack ? .pass : .fail
    }
}
