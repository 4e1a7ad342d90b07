/// A row of "ROC-AUC vs mass" panels, each comparing one variant network with a
/// reference network, with a ratio panel below each (Figures 9 and 10 of the paper):
///
///     top:    AUC_ref(m) and AUC_variant(m) for every signal mass m,
///             the panel's highlighted masses marked on the variant curve;
///     bottom: AUC_variant(m) / AUC_ref(m), with a line at 1.
///
/// All panels share the y scales so that columns compare at a glance.
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

    /// The data file: one block per panel, columns mass, AUC_ref, AUC_variant, ratio and
    /// the variant's AUC at highlighted masses only (NaN elsewhere, so gnuplot skips it).
    func table() -> DataTable {
        var table = DataTable(columns: ["mass_GeV", "auc_reference", "auc_variant", "ratio_variant_over_reference", "auc_variant_highlighted"])
        table.notes = ["reference: \(reference.spec.id)", "one block per panel (gnuplot index i):"]
            + panels.enumerated().map { "  index \($0.offset): \($0.element.variant.spec.id)" }
        for (i, panel) in panels.enumerated() {
            if i > 0 { table.appendBlockSeparator() }
            let variantAUC = Dictionary(panel.variant.perMass.map { ($0.mass, $0.rocAUC) }, uniquingKeysWith: { a, _ in a })
            for point in reference.perMass {
                let v = variantAUC[point.mass] ?? .nan
                table.append([Double(point.mass), point.rocAUC, v, v / point.rocAUC,
                              panel.highlighted.contains(point.mass) ? v : .nan])
            }
        }
        return table
    }

    /// The values the shared y ranges must hold: AUCs and ratios.
    private func ranges() -> (auc: (Double, Double), ratio: (Double, Double)) {
        var aucs = reference.perMass.map(\.rocAUC)
        var ratios: [Double] = []
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
            plot "\(dataFile)" index \(i) using 1:2 with linespoints lw 4 pt 7 ps 1.3 lc rgb "\(S.pnn)" notitle, \\
                 "" index \(i) using 1:3 with linespoints lw 2 pt 7 ps 0.9 lc rgb "\(S.pnnSubset)" notitle, \\
                 "" index \(i) using 1:5 with points \(highlightStyle) notitle
            # Lower panel: ratio variant / reference.
            set tmargin at screen 0.38; set bmargin at screen 0.12
            \(S.massAxis(masses, label: true))
            set format x "%g"
            set yrange [\(S.num(ratio.0)):\(S.num(ratio.1))]
            \(i == 0 ? "set ylabel \"ratio to all-mass pNN\"\nset format y \"%.2f\"" : "unset ylabel\nset format y \"\"")
            unset title
            unset key
            plot 1 with lines dt 2 lw 1 lc rgb "#000000" notitle, \\
                 "\(dataFile)" index \(i) using 1:4 with linespoints lw 2 pt 7 ps 0.9 lc rgb "\(S.pnnSubset)" notitle, \\
                 "" index \(i) using 1:($5/$2) with points \(highlightStyle) notitle

            """
        }
        body += "unset multiplot\n"
        return GnuplotFigure(name: name, title: title, caption: caption, body: body,
                             dataFiles: [dataFile: table()], width: width, height: height)
    }
}
