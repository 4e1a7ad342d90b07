/// A percentile bootstrap confidence interval for one metric.
public struct BootstrapInterval: Codable, Equatable, Sendable {
    /// Lower and upper ends: the (1−c)/2 and (1+c)/2 quantiles of the replicate values.
    public let lower: Double
    public let upper: Double
    /// Standard deviation of the replicate values (a symmetric ±1σ summary).
    public let standardDeviation: Double
    /// Confidence level c, e.g. 0.95.
    public let confidence: Double
    public let replicates: Int

    /// Percentile interval of `values`; quantiles interpolate linearly between order
    /// statistics, q ↦ v_(h) with h = q·(B−1) (numpy's default "linear" rule).
    public init(values: [Double], confidence: Double) {
        precondition(!values.isEmpty, "no bootstrap replicates")
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            let h = q * Double(sorted.count - 1)
            let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
        let alpha = (1 - confidence) / 2
        lower = quantile(alpha)
        upper = quantile(1 - alpha)
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(values.count - 1, 1))
        standardDeviation = variance.squareRoot()
        self.confidence = confidence
        replicates = values.count
    }
}
