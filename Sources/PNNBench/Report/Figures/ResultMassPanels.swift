/// A row of "ROC-AUC vs mass" panels, each comparing one variant network with a
/// reference network, with a ratio panel below each (Figures 9 and 10 of the paper):
///
///     top:    AUC_ref(m) and AUC_variant(m) for every signal mass m,
///             the panel's highlighted masses marked on the variant curve;
///     bottom: AUC_variant(m) / AUC_ref(m), with a line at 1.
///
/// All panels share the y scales so that columns compare at a glance. With `replicates`
/// (a report of several seeds) every curve is the mean over seeds with bars of ±1 sd
/// (`ReplicateSpread`), and the ratio is the mean of the per-seed ratios.
struct ResultMassPanels {
    struct Panel {
        var title: String
        var variant: RunResult
        /// Masses marked on the variant curve (left out of training, or trained on).
        var highlighted: [Int]
    }

    var reference: RunResult
    var referenceTitle: String
    var variantTitle: String
    var highlightTitle: String
    /// gnuplot point style of the highlighted masses, e.g. `pt 4 ps 2 lw 2 lc rgb "#d62728"`.
    var highlightStyle: String
    var panels: [Panel]
    /// Every seed's results when the report has several; nil: the first seed's alone.
    var replicates: ReplicateResults?

    /// The spreads over seeds of one panel at one mass.
    struct Spread {
        var reference: ReplicateSpread
        var variant: ReplicateSpread
        var ratio: ReplicateSpread
    }

    /// The spreads of `panel` at the reference's masses; empty without `replicates`.
    func spreads(_ panel: Panel) -> [Spread] {
        guard let replicates else { return [] }
        func seeds(_ r: RunResult) -> [RunResult] { replicates.all.filter { $0.spec.reproduces == r.spec.reproduces } }
        let ref = seeds(reference), variant = seeds(panel.variant)
        return reference.perMass.map { point in
            Spread(reference: .at(point.mass, of: ref, \.rocAUC), variant: .at(point.mass, of: variant, \.rocAUC),
                   ratio: .ratio(at: point.mass, variant, over: ref))
        }
    }

    /// The data file: one block per panel, columns mass, AUC_ref, AUC_variant, ratio and
    /// the variant's AUC at highlighted masses only (NaN elsewhere, so gnuplot skips it).
    /// With `replicates`, those are the first seed's, followed by a highlighted flag (0/1)
    /// and mean, sd, n over the seeds of AUC_ref, AUC_variant and the ratio (columns 7–15).
    func table() -> DataTable {
        var columns = ["mass_GeV", "auc_reference", "auc_variant", "ratio_variant_over_reference", "auc_variant_highlighted"]
        if replicates != nil {
            columns += ["highlighted"] + ["auc_reference", "auc_variant", "ratio"].flatMap { [$0 + "_mean", $0 + "_sd", $0 + "_n"] }
        }
        var table = DataTable(columns: columns)
        table.notes = ["reference: \(reference.spec.id)", "one block per panel (gnuplot index i):"]
            + panels.enumerated().map { "  index \($0.offset): \($0.element.variant.spec.id)" }
        if let replicates {
            table.notes += ReplicateSpread.notes(first: replicates.seeds[0])
                + ["ratio_*: of the per-seed ratios variant / reference, paired by seed"]
        }
        for (i, panel) in panels.enumerated() {
            if i > 0 { table.appendBlockSeparator() }
            let variantAUC = Dictionary(panel.variant.perMass.map { ($0.mass, $0.rocAUC) }, uniquingKeysWith: { a, _ in a })
            let spreads = spreads(panel)
            for (k, point) in reference.perMass.enumerated() {
                let v = variantAUC[point.mass] ?? .nan
                let highlighted = panel.highlighted.contains(point.mass)
                var line = [Double(point.mass), point.rocAUC, v, v / point.rocAUC, highlighted ? v : .nan]
                if !spreads.isEmpty {
                    let s = spreads[k]
                    line += [highlighted ? 1 : 0] + s.reference.columns + s.variant.columns + s.ratio.columns
                }
                table.append(line)
            }
        }
        return table
    }

    /// The values the shared y ranges must hold: AUCs and ratios (with `replicates`, the
    /// ends of every bar).
    private func ranges() -> (auc: (Double, Double), ratio: (Double, Double)) {
        var aucs: [Double] = []
        var ratios: [Double] = []
        if replicates != nil {
            for s in panels.flatMap(spreads) {
                aucs += s.reference.extent + s.variant.extent
                ratios += s.ratio.extent
            }
            return (ResultFigureStyle.aucRange(aucs), ResultFigureStyle.ratioRange(ratios))
        }
        aucs = reference.perMass.map(\.rocAUC)
        let ref = Dictionary(reference.perMass.map { ($0.mass, $0.rocAUC) }, uniquingKeysWith: { a, _ in a })
        for panel in panels {
            for point in panel.variant.perMass {
                aucs.append(point.rocAUC)
                if let r = ref[point.mass] { ratios.append(point.rocAUC / r) }
            }
        }
        return (ResultFigureStyle.aucRange(aucs), ResultFigureStyle.ratioRange(ratios))
    }

    func figure(name: String, title: String, caption: String) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = name + ".dat"
        let masses = reference.perMass.map(\.mass)
        let (auc, ratio) = ranges()
        let n = panels.count
        let width = max(560, 330 * n + 90), height = 600
        // Screen coordinates: a shared left margin for the y labels, equal columns.
        let left = 70.0 / Double(width), right = 0.99, gap = 0.012
        let columnWidth = (right - left - gap * Double(n - 1)) / Double(n)
        var body = S.preamble + "\n"
        if replicates != nil { body += ReplicateSpread.gnuplotSettings }
        body += "set multiplot title \"\(title)\" font \",13\"\n"
        body += S.legendStrip([
            "with linespoints lw 4 pt 7 ps 1.3 lc rgb \"\(S.pnn)\" title \"\(referenceTitle)\"",
            "with linespoints lw 2 pt 7 ps 0.9 lc rgb \"\(S.pnnSubset)\" title \"\(variantTitle)\"",
            "with points \(highlightStyle) title \"\(highlightTitle)\"",
            "with lines dt 2 lw 1 lc rgb \"#000000\" title \"ratio = 1\"",
        ], left: left, right: right, top: 1 - 32.0 / Double(height), bottom: 1 - 56.0 / Double(height))
        body += "set ytics nomirror\nunset key\n"
        for (i, panel) in panels.enumerated() {
            let l = left + Double(i) * (columnWidth + gap), r = l + columnWidth
            let margins = "set lmargin at screen \(S.num(l)); set rmargin at screen \(S.num(r))"
            // Upper panel: AUC vs mass.
            body += """

            # ── panel \(i + 1): \(panel.title)
            \(margins)
            set tmargin at screen 0.84; set bmargin at screen 0.40
            \(S.massAxis(masses, label: false))
            set format x ""
            set yrange [\(S.num(auc.0)):\(S.num(auc.1))]
            \(i == 0 ? "set ylabel \"ROC-AUC\"\nset format y \"%.2f\"" : "unset ylabel\nset format y \"\"")
            set title "\(panel.title)"
            plot \(upperPlot(dataFile, index: i))
            # Lower panel: ratio variant / reference.
            set tmargin at screen 0.38; set bmargin at screen 0.12
            \(S.massAxis(masses, label: true))
            set format x "%g"
            set yrange [\(S.num(ratio.0)):\(S.num(ratio.1))]
            \(i == 0 ? "set ylabel \"ratio to all-mass pNN\"\nset format y \"%.2f\"" : "unset ylabel\nset format y \"\"")
            unset title
            unset key
            plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \\
                 \(lowerPlot(dataFile, index: i))

            """
        }
        body += "unset multiplot\n"
        let note = replicates == nil ? "" : ReplicateSpread.captionNote(panels.flatMap(spreads).flatMap { [$0.reference, $0.variant, $0.ratio] },
                                                                          drawn: "bars ±1 sd (a shaded band for the blue reference)")
        return GnuplotFigure(name: name, title: title, caption: caption + note, body: body,
                             dataFiles: [dataFile: table()], width: width, height: height)
    }

    /// The curves of an upper panel: reference, variant and highlighted masses, from the
    /// first seed's columns, or from the means over seeds with their bars.
    private func upperPlot(_ dataFile: String, index i: Int) -> String {
        let S = ResultFigureStyle.self
        let reference = "lw 4 pt 7 ps 1.3 lc rgb \"\(S.pnn)\"", variant = "lw 2 pt 7 ps 0.9 lc rgb \"\(S.pnnSubset)\""
        guard replicates != nil else {
            return """
            "\(dataFile)" index \(i) using 1:2 with linespoints \(reference) notitle, \\
                 "" index \(i) using 1:3 with linespoints \(variant) notitle, \\
                 "" index \(i) using 1:5 with points \(highlightStyle) notitle
            """
        }
        // The reference's spread as a band and the variant's as bars, so that the two do
        // not hide each other at the same mass; spreads first, curves over them.
        return """
        "\(dataFile)" index \(i) using 1:($7 - $8):($7 + $8) with filledcurves fs transparent solid 0.2 noborder lc rgb "\(S.pnn)" notitle, \\
             "" index \(i) using 1:10:11 with yerrorbars pt -1 lw 1.5 lc rgb "\(S.pnnSubset)" notitle, \\
             "" index \(i) using 1:7 with linespoints \(reference) notitle, \\
             "" index \(i) using 1:10 with linespoints \(variant) notitle, \\
             "" index \(i) using 1:($6 > 0 ? $10 : NaN) with points \(highlightStyle) notitle
        """
    }

    /// The curves of a lower panel after the line at 1: the ratio and its highlighted masses.
    private func lowerPlot(_ dataFile: String, index i: Int) -> String {
        let S = ResultFigureStyle.self
        let variant = "lw 2 pt 7 ps 0.9 lc rgb \"\(S.pnnSubset)\""
        guard replicates != nil else {
            return """
            "\(dataFile)" index \(i) using 1:4 with linespoints \(variant) notitle, \\
                 "" index \(i) using 1:($5/$2) with points \(highlightStyle) notitle
            """
        }
        return """
        "\(dataFile)" index \(i) using 1:13:14 with yerrorbars pt -1 lw 1.5 lc rgb "\(S.pnnSubset)" notitle, \\
             "" index \(i) using 1:13 with linespoints \(variant) notitle, \\
             "" index \(i) using 1:($6 > 0 ? $13 : NaN) with points \(highlightStyle) notitle
        """
    }
}
