import PNNData

/// Paper Fig. 6: the class and mass imbalance of HEPMASS-IMB as event counts on a log
/// scale: left the two classes, right signal and background events at each mass (the
/// background counted at the mass feature it carries in the file).
enum DataImbalanceFigure {
    static func make(_ train: EventDataset, dataName: String) -> GnuplotFigure {
        let stats = DatasetStatistics(train)
        var classes = DataTable(columns: ["position", "events"])
        classes.notes = ["\(dataName) training set: signal, background"]
        classes.append([0, Double(stats.signal)])
        classes.append([1, Double(stats.background)])
        var masses = DataTable(columns: ["position", "mass_GeV", "signal", "background"])
        masses.notes = ["\(dataName) training set; background counted at its mass feature (others: \(stats.background - stats.backgroundPerMass.reduce(0, +)))"]
        for (k, m) in stats.signalMasses.enumerated() {
            masses.append([Double(k), Double(m), Double(stats.signalPerMass[k]), Double(stats.backgroundPerMass[k])])
        }
        let massTics = "(" + stats.signalMasses.enumerated().map { "\"\(DataFigureText.gev($0.element))\" \($0.offset)" }.joined(separator: ", ") + ")"
        let maxCount = max(stats.background, stats.signal, 1)
        // Boxes on a log axis start at the bottom of the y range, so it is fixed below the
        // smallest non-empty count: every bar keeps a visible height.
        let minCount = ([stats.signal, stats.background] + stats.signalPerMass + stats.backgroundPerMass).filter { $0 > 0 }.min() ?? 1
        let yLow = max(1, Int(pow10Floor(Double(minCount)) / 2)), yHigh = maxCount * 5
        let body = """
        set multiplot layout 1,2 title \(DataFigureText.quoted("Class and mass imbalance, \(dataName) training set"))
        set logscale y
        set yrange [\(yLow):\(yHigh)]
        set format y "%.0f"
        set ylabel "events"
        set grid ytics lc rgb "#dddddd"
        set style fill solid 0.8 border lc rgb "#333333"
        set boxwidth 0.6
        unset key
        set xrange [-0.6:1.6]
        set xtics ("signal" 0, "background" 1) scale 0
        set title "per class"
        plot "fig06-imbalance-classes.dat" using 1:2:($1 == 0 ? 1 : 2) with boxes lc variable, \\
             '' using 1:2:(sprintf("%d", $2)) with labels offset 0,0.8 font ",9"
        set key top right box opaque
        set boxwidth 0.38
        set xrange [-0.6:\(stats.signalMasses.count) - 0.4]
        set xtics \(massTics) scale 0
        set xlabel "mass (GeV)"
        set title "per mass"
        plot "fig06-imbalance-masses.dat" using ($1 - 0.2):3 with boxes lc 1 title "signal", \\
             '' using ($1 + 0.2):4 with boxes lc 2 title "background", \\
             '' using ($1 - 0.2):3:(sprintf("%d", $3)) with labels offset 0,0.8 font ",8" notitle
        unset multiplot
        """
        let ratio = stats.signalPerMass.filter { $0 > 0 }
        let spread = ratio.isEmpty ? "" : " The most populated signal mass has \(ratio.max()! / max(ratio.min()!, 1))× the events of the least populated."
        return GnuplotFigure(
            name: "fig06-imbalance", title: "Class and mass imbalance of HEPMASS-IMB (paper Fig. 6)",
            caption: "Event counts (log scale) of the \(dataName) training set: \(stats.signal) signal and \(stats.background) background "
                + "events (signal fraction \(Int((stats.signalFraction * 100).rounded())) %), and per mass the signal and the "
                + "background carrying that mass feature.\(spread)",
            body: body, dataFiles: ["fig06-imbalance-classes.dat": classes, "fig06-imbalance-masses.dat": masses],
            width: 960, height: 480)
    }

    /// The largest power of ten not above x (x ≥ 1).
    static func pow10Floor(_ x: Double) -> Double {
        var p = 1.0
        while p * 10 <= x { p *= 10 }
        return p
    }
}
