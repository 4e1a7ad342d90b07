/// Histograms of one feature, one per event group: the background, then the signal at
/// each mass (paper Fig. 3a / 4 for f26 = m_WWbb). Equal-width bins over `lower..<upper`;
/// values outside fall into the first or last bin (under/overflow folded in) so that
/// every event is counted.
public struct FeatureHistogram: Sendable, Equatable {
    public let feature: Int
    public let lower: Float
    public let upper: Float
    public let bins: Int
    /// Group names: "background", "signal 500", …
    public let groups: [String]
    /// counts[g][b]: events of group g in bin b.
    public let counts: [[Int]]

    /// Left edge of bin b.
    public func edge(_ b: Int) -> Float { lower + (upper - lower) * Float(b) / Float(bins) }

    /// Histograms of `feature` with `bins` bins; the range defaults to the 0.5 % and
    /// 99.5 % quantiles of the feature over all events (so one outlier cannot squash the
    /// picture).
    public init(_ d: EventDataset, feature: Int, bins: Int = 40, range: ClosedRange<Float>? = nil) {
        precondition(feature >= 0 && feature < HEPMASSSchema.featureCount && bins > 0)
        let nf = HEPMASSSchema.featureCount
        var lo: Float, hi: Float
        if let range { lo = range.lowerBound; hi = range.upperBound } else {
            var values = (0..<d.count).map { d.features[$0 * nf + feature] }
            values.sort()
            lo = values.isEmpty ? 0 : values[Int(Double(values.count - 1) * 0.005)]
            hi = values.isEmpty ? 1 : values[Int(Double(values.count - 1) * 0.995)]
        }
        if !(hi > lo) { hi = lo + 1 }
        self.feature = feature; self.lower = lo; self.upper = hi; self.bins = bins
        let masses = d.signalMasses
        groups = ["background"] + masses.map { "signal \(format($0))" }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: bins), count: masses.count + 1)
        let width = (hi - lo) / Float(bins)
        for i in 0..<d.count {
            let g = d.label[i] == 0 ? 0 : (masses.firstIndex(of: d.mass[i]).map { $0 + 1 } ?? 0)
            if d.label[i] == 1 && g == 0 { continue }
            let b = min(bins - 1, max(0, Int(((d.features[i * nf + feature] - lo) / width).rounded(.down))))
            counts[g][b] += 1
        }
        self.counts = counts
    }
}
