/// Why a set of scores cannot be evaluated. Every case says what was wrong and where
/// (`index` is the 0-based position in the arrays handed to the metric).
public enum MetricsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No events at all (or none with a non-zero weight).
    case emptyInput
    /// Only one class has events with non-zero weight: ROC, PR and σ_ratio need both.
    case singleClass(presentClass: EventClass, count: Int)
    /// A class's total weight (s_max or b_max) is ≤ 0: every efficiency divides by it.
    /// Single negative weights are allowed; a class summing to ≤ 0 is not.
    case nonPositiveTotalWeight(eventClass: EventClass, total: Double)
    /// A score is NaN or infinite.
    case nonFiniteScore(index: Int, value: Double)
    /// A weight is NaN or infinite (any finite weight, also a negative one, is valid).
    case invalidWeight(index: Int, value: Double)
    /// The parallel arrays (scores, labels, weights) have different lengths.
    case lengthMismatch(scores: Int, labels: Int, weights: Int?)
    /// A parameter of the evaluation is out of range (e.g. zero bins).
    case invalidParameter(String)
    /// Rows with a mass column: signal at `mass` but no background row at that mass.
    case noBackgroundAtMass(Double)
    /// One of the above, while evaluating the signal mass hypothesis `mass`.
    indirect case atMass(Double, MetricsError)
    /// One of the above, in bootstrap replicate `replicate` (0-based): with negative
    /// weights a resampled class can sum to ≤ 0 although the original does not.
    indirect case inBootstrapReplicate(Int, MetricsError)
    /// No replicate values (one value per training seed) to summarise.
    case noReplicates
    /// A replicate value is NaN or infinite.
    case nonFiniteReplicate(index: Int, value: Double)
    /// The two sides of a paired comparison have different numbers of seeds.
    case replicateCountMismatch(first: Int, second: Int)

    public var description: String {
        switch self {
        case .emptyInput:
            return "no events to evaluate (the input is empty or every weight is zero)"
        case let .singleClass(present, count):
            let missing: EventClass = present == .signal ? .background : .signal
            return "only \(present) events (\(count)) with non-zero weight: ROC, PR and σ_ratio need both signal and background; add \(missing) events"
        case let .nonPositiveTotalWeight(eventClass, total):
            return "the total \(eventClass) weight is \(total): it must be > 0, because every \(eventClass) efficiency is divided by it (single negative weights are allowed, a class whose weights sum to ≤ 0 is not)"
        case let .nonFiniteScore(index, value):
            return "score #\(index) is \(value): every score must be a finite number"
        case let .invalidWeight(index, value):
            return "weight #\(index) is \(value): every weight must be a finite number"
        case let .lengthMismatch(scores, labels, weights):
            let w = weights.map { ", \($0) weights" } ?? ""
            return "arrays of different lengths: \(scores) scores, \(labels) labels\(w)"
        case let .invalidParameter(message):
            return message
        case let .noBackgroundAtMass(mass):
            let m = formatMass(mass)
            return "mass \(m): signal rows but no background rows with mass \(m); list every background event once per signal mass, with its score at that mass and mass = \(m)"
        case let .atMass(mass, error):
            return "mass \(formatMass(mass)): \(error)"
        case let .inBootstrapReplicate(replicate, error):
            return "bootstrap replicate \(replicate): \(error) (negative weights can make a resampled class sum to ≤ 0; evaluate without the bootstrap, or with more events)"
        case .noReplicates:
            return "no replicate values: statistics over seeds need at least one value"
        case let .nonFiniteReplicate(index, value):
            return "replicate #\(index) is \(value): every value (one per seed) must be a finite number"
        case let .replicateCountMismatch(first, second):
            return "a paired comparison needs the same seeds on both sides (got \(first) and \(second) values)"
        }
    }
}

/// 750.0 → "750", 0.5 → "0.5".
func formatMass(_ m: Double) -> String {
    m == m.rounded() && abs(m) < 1e15 ? String(Int64(m)) : String(m)
}

/// The two classes of the classification problem (label 1 = signal, label 0 = background).
public enum EventClass: String, Codable, Sendable, CustomStringConvertible {
    case signal, background
    public var description: String { rawValue }
}
