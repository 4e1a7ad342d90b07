import PNNData

/// Paper Fig. 3a: the distribution of m_WWbb (f26) for the signal at each mass and for
/// the background, each normalised to unit area so that shapes, not event counts, are
/// compared: density_b = n_b / (N · Δ), Δ the bin width. Bins span the 0.1–99.9 %
/// quantiles of all events, under- and overflow folded into the edge bins
/// (`FeatureHistogram`); the 99.9 % bound keeps the tail of the heaviest signal from
/// piling up as a spike in the last bin.
enum DataDistributionFigure {
    static let bins = 60

    static let quantiles = (0.001, 0.999)

    /// The `quantiles` of m_WWbb over all events.
    static func range(_ d: EventDataset) -> ClosedRange<Float>? {
        let nf = HEPMASSSchema.featureCount
        var values = (0..<d.count).map { d.features[$0 * nf + HEPMASSSchema.mWWbb] }
        guard values.count > 1 else { return nil }
        values.sort()
        let lo = values[Int(Double(values.count - 1) * quantiles.0)], hi = values[Int(Double(values.count - 1) * quantiles.1)]
        return hi > lo ? lo...hi : nil
    }

    static func make(_ train: EventDataset, dataName: String) -> GnuplotFigure {
        let h = FeatureHistogram(train, feature: HEPMASSSchema.mWWbb, bins: bins, range: range(train))
        let width = Double(h.upper - h.lower) / Double(h.bins)
        let columns = ["bin_centre", "background"] + train.signalMasses.map { "signal_\(DataFigureText.gev($0))" }
        var table = DataTable(columns: columns)
        table.notes = ["\(dataName) training events; m_WWbb (f26) as stored (standardised); each column has unit area",
                       "events per column: " + h.counts.map { String($0.reduce(0, +)) }.joined(separator: " ")]
        let totals = h.counts.map { Double($0.reduce(0, +)) }
        for b in 0..<h.bins {
            let centre = Double(h.edge(b)) + width / 2
            table.append([centre] + h.counts.indices.map { g in totals[g] > 0 ? Double(h.counts[g][b]) / (totals[g] * width) : 0 })
        }
        let file = "fig03a-mwwbb-distribution.dat"
        // Signal masses coloured along a sequential palette (low mass dark, high light is
        // hard to read on white, so a qualitative set), background as a thick grey line.
        let colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]
        var plots = ["\(DataFigureText.quoted(file)) using 1:2 with histeps lw 3 lc rgb \"#7f7f7f\" title \"background\""]
        for (k, m) in train.signalMasses.enumerated() {
            plots.append("'' using 1:\(k + 3) with histeps lw 2 lc rgb \"\(colours[k % colours.count])\" title \"signal m_X = \(DataFigureText.gev(m)) GeV\"")
        }
        let body = """
        set title \(DataFigureText.quoted("m_WWbb (f26) per signal mass and background, \(dataName) training set"))
        set xlabel "m_WWbb (f26, standardised as stored)"
        set ylabel "normalised density"
        set key top right box opaque
        set grid lc rgb "#dddddd"
        set yrange [0:*]
        plot \(plots.joined(separator: ", \\\n     "))
        """
        return GnuplotFigure(
            name: "fig03a-mwwbb-distribution", title: "m_WWbb per mass against the background (paper Fig. 3a)",
            caption: "Distribution of the reconstructed resonance mass m_WWbb (f26) of the \(dataName) training events: "
                + "signal at each mass hypothesis and the background, each normalised to unit area "
                + "(\(bins) bins over the 0.1–99.9 % quantiles, under- and overflow in the edge bins). "
                + "As in the paper's Fig. 3a, the background overlaps most with the low-mass signal.",
            body: body, dataFiles: [file: table])
    }
}
