/// Per-mass results and their averages over masses.
public struct PerMassReport: Codable, Equatable, Sendable {
    /// One entry per signal mass, by increasing mass.
    public let points: [MassPointResult]
    /// Arithmetic means over the mass points (each mass counts once).
    public let average: Average
    /// Background rows whose mass has no signal (CSV case): not evaluated.
    public let ignoredBackgroundRows: Int
    /// Bins of the binned σ_ratio scan.
    public let bins: Int
    /// Whether background weights were scaled to Σw_bkg = Σw_sig.
    public let balanced: Bool

    public struct Average: Codable, Equatable, Sendable {
        public let rocAUC: Double
        public let prAUC: Double
        public let sigmaRatio: Double
        public let sigmaRatioBinned: Double

        init(_ points: [MassPointResult]) {
            let n = Double(points.count)
            rocAUC = points.reduce(0) { $0 + $1.metrics.rocAUC } / n
            prAUC = points.reduce(0) { $0 + $1.metrics.prAUC } / n
            sigmaRatio = points.reduce(0) { $0 + $1.metrics.exact.ratio } / n
            sigmaRatioBinned = points.reduce(0) { $0 + $1.metrics.binned.ratio } / n
        }
    }

    init(points: [MassPointResult], ignoredBackgroundRows: Int, bins: Int, balanced: Bool) {
        self.points = points
        self.average = Average(points)
        self.ignoredBackgroundRows = ignoredBackgroundRows
        self.bins = bins
        self.balanced = balanced
    }
}
