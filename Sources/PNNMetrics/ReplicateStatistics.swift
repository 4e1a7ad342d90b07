/// Summary of one metric over replicates: n trainings that differ only in their seed.
///
/// For the values x₁ … xₙ (one per seed):
///
///     x̄ = Σ xᵢ / n,   s = √( Σ (xᵢ − x̄)² / (n − 1) ),   SE = s / √n,
///     interval = x̄ ± t_{(1+c)/2, n−1} · SE                      (Student t, level c)
///
/// and the median (the middle value, or the mean of the two middle ones), minimum and
/// maximum. The interval is for the mean over seeds, i.e. the expected result of one more
/// training, not for a single training.
///
/// Why Student t and not a bootstrap over seeds: with n = 3–10 seeds a bootstrap resample
/// can take only a handful of distinct means (n = 3 gives 10), and its percentile interval
/// is systematically too narrow: it behaves like x̄ ± z·s·√((n−1)/n)/√n, the normal quantile
/// z as if s were known, where the t quantile's heavier tails account for s being estimated
/// from n values (t_{0.975, 2} = 4.30 against z = 1.96). For normally distributed values the
/// t interval is exact; it is the usual choice in ML reproducibility reporting. Values are not normal when a seed fails to train (a
/// collapse to ROC-AUC ≈ 0.5 among seeds at 0.93): `CollapseRule` finds those, and the
/// caller decides whether they are reported apart.
///
/// n = 1: `standardDeviation`, `standardError`, `halfWidth` and `interval` are nil. One seed
/// says nothing about the spread; nil (rather than NaN) cannot silently propagate through
/// arithmetic, and survives JSON encoding. When every value is equal, s = 0 and the
/// interval is the single point x̄.
public struct ReplicateStatistics: Codable, Equatable, Sendable {
    /// n, the number of seeds.
    public let count: Int
    public let mean: Double
    /// s, with the n − 1 denominator; nil for n = 1.
    public let standardDeviation: Double?
    public let median: Double
    public let minimum: Double
    public let maximum: Double
    /// c, the confidence level of the interval, e.g. 0.95.
    public let confidence: Double
    /// t_{(1+c)/2, n−1} · s/√n; nil for n = 1.
    public let halfWidth: Double?

    /// s/√n; nil for n = 1.
    public var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }

    /// x̄ ± halfWidth; nil for n = 1.
    public var interval: ClosedRange<Double>? { halfWidth.map { (mean - $0)...(mean + $0) } }

    /// Statistics of `values`, one per seed; every value must be finite.
    public init(_ values: [Double], confidence: Double = 0.95) throws {
        guard confidence > 0 && confidence < 1 else {
            throw MetricsError.invalidParameter("the confidence level must lie in (0, 1) (got \(confidence))")
        }
        let sorted = try Self.sortedFinite(values)
        let n = values.count
        count = n
        mean = values.reduce(0, +) / Double(n)
        median = Self.median(ofSorted: sorted)
        minimum = sorted[0]
        maximum = sorted[n - 1]
        self.confidence = confidence
        if n >= 2 {
            let m = mean
            let s = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)).squareRoot()
            let t = try StudentT(degreesOfFreedom: Double(n - 1)).quantile((1 + confidence) / 2)
            standardDeviation = s
            halfWidth = t * (s / Double(n).squareRoot())
        } else {
            standardDeviation = nil
            halfWidth = nil
        }
    }

    /// Statistics of the per-seed differences dᵢ = aᵢ − bᵢ (a and b listed in the same seed
    /// order). When both sides share the seed's data, the differences cancel what the two
    /// trainings have in common, so an interval of d̄ that excludes 0 supports "a beats b"
    /// (or the reverse) at level c where two separate intervals would overlap.
    public static func pairedDifference(_ a: [Double], _ b: [Double], confidence: Double = 0.95) throws -> ReplicateStatistics {
        guard a.count == b.count else { throw MetricsError.replicateCountMismatch(first: a.count, second: b.count) }
        _ = try sortedFinite(a)
        _ = try sortedFinite(b)
        return try ReplicateStatistics(zip(a, b).map { $0 - $1 }, confidence: confidence)
    }

    /// `values` sorted, after checking there is at least one and all are finite.
    static func sortedFinite(_ values: [Double]) throws -> [Double] {
        guard !values.isEmpty else { throw MetricsError.noReplicates }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw MetricsError.nonFiniteReplicate(index: i, value: values[i])
        }
        return values.sorted()
    }

    /// The middle value of a sorted, non-empty array, or the mean of the two middle values.
    static func median(ofSorted sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
