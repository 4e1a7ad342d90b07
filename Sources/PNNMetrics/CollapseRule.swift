/// Which replicates collapsed: seeds whose training failed and scores far below the others.
///
/// The robust rule, for the n ≥ 3 values x₁ … xₙ of one cell (one per seed):
///
///     m = median(x),   MAD = median |xᵢ − m|,   MAD_σ = MAD / Φ⁻¹(3/4) ≈ 1.482602 · MAD,
///     xᵢ collapsed  ⟺  xᵢ < m − max(k · MAD_σ, floor).
///
/// MAD_σ estimates the standard deviation of normal values (Φ⁻¹(3/4) = 0.6744897501960817
/// is the constant SciPy's `median_abs_deviation(scale='normal')` divides by) while ignoring
/// up to half of them, so a failed seed cannot inflate the yardstick it is measured with, as
/// it would the standard deviation. k = 3.5 is Iglewicz and Hoaglin's cut-off for the
/// modified z-score 0.6745·(xᵢ − m)/MAD. Only low values count: a failed training scores
/// low, and an unusually good seed is not a failure.
///
/// `floor` is the least distance below the median that counts, in the units of the values
/// (0.05 = 5 points of ROC-AUC in [0, 1]; pass 5 for percent). When seeds agree closely
/// MAD_σ is tiny, and 0 once more than half the values are equal; k·MAD_σ alone would then
/// flag a harmless dip of a few tenths of a point.
///
/// Fewer than 3 values flag nothing: the median of two is their midpoint, and neither can be
/// told to be the failed one. The rule also needs most seeds to have trained; when half or
/// more collapsed the median is itself a collapsed value. The absolute rule
/// `below(_:in:)` (e.g. best validation ROC-AUC < 0.55) catches those; callers combine both.
public struct CollapseRule: Codable, Equatable, Sendable {
    /// k, in units of MAD_σ.
    public var k: Double
    /// The least distance below the median that counts, in the units of the values.
    public var floor: Double

    public init(k: Double = 3.5, floor: Double = 0.05) {
        self.k = k
        self.floor = floor
    }

    /// The least number of values for which the robust rule flags anything.
    public static let minimumCount = 3
    /// Φ⁻¹(3/4): MAD / Φ⁻¹(3/4) is the standard deviation of normal values.
    public static let normalQuartile = 0.6744897501960817

    /// Indices (ascending) of the values below median − max(k·MAD_σ, floor).
    public func collapsed(_ values: [Double]) throws -> [Int] {
        guard k >= 0 && k.isFinite && floor >= 0 && floor.isFinite else {
            throw MetricsError.invalidParameter("the collapse rule needs finite k ≥ 0 and floor ≥ 0 (got k = \(k), floor = \(floor))")
        }
        let sorted = try ReplicateStatistics.sortedFinite(values)
        guard values.count >= Self.minimumCount else { return [] }
        let m = ReplicateStatistics.median(ofSorted: sorted)
        let limit = m - max(k * Self.scaledMAD(values, median: m), floor)
        return values.indices.filter { values[$0] < limit }
    }

    /// Indices (ascending) of the values below `threshold`: the absolute rule.
    public static func below(_ threshold: Double, in values: [Double]) throws -> [Int] {
        _ = try ReplicateStatistics.sortedFinite(values)
        return values.indices.filter { values[$0] < threshold }
    }

    /// MAD_σ = median |xᵢ − median(x)| / Φ⁻¹(3/4); 0 for a single value.
    public static func scaledMAD(_ values: [Double]) throws -> Double {
        let sorted = try ReplicateStatistics.sortedFinite(values)
        return scaledMAD(values, median: ReplicateStatistics.median(ofSorted: sorted))
    }

    static func scaledMAD(_ values: [Double], median m: Double) -> Double {
        ReplicateStatistics.median(ofSorted: values.map { abs($0 - m) }.sorted()) / normalQuartile
    }
}
