import Foundation
import PNNMetrics

/// Figure 15: class separation on HEPMASS-IMB of the pNN (uniform, sampled) and the
/// affine model (identical, sampled). One row per model, one column per signal mass:
/// the score histograms of signal and of balanced background (50 bins on [0, 1], log
/// scale), and on the right axis the significance curve AMS(t)/√s_max of a cut at each
/// bin edge (see `SignificanceCurve`), whose maximum is σ_ratio; the best cut t*
/// is the dashed line. The caption's point: the two models choose different thresholds.
enum Fig15ClassSeparation {
    static let name = "fig15-class-separation"

    static func make(_ context: FigureContext) -> FigureOutcome {
        let rows = context.results("fig15").filter { r in r.perMass.contains { !$0.signalHistogram.isEmpty } }
        guard !rows.isEmpty else {
            return FigureOutcome(omitted: [(name, "no row of fig15 has a result with score histograms (experiments not run)")])
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == "fig15" }.count
        let note = ResultFigureStyle.missingNote(drawn: rows.count, of: expected, items: "models") + ResultFigureStyle.firstSeedNote(context)
        return FigureOutcome(figures: [figure(rows, note: note)])
    }

    static func label(_ r: RunResult) -> String {
        let parts = r.spec.reproduces.row.components(separatedBy: " | ")
        return parts.count == 2 ? "\(parts[0]) (\(parts[1].lowercased().replacingOccurrences(of: " (", with: ", ").replacingOccurrences(of: ")", with: "")))" : r.spec.reproduces.row
    }

    /// One block per (row, mass), row-major: bin centre, signal, background (NaN for empty
    /// bins: the axis is logarithmic), cut at the bin's lower edge, AMS(t)/√s_max.
    static func table(_ rows: [RunResult], masses: [Int]) -> DataTable {
        var t = DataTable(columns: ["bin_center", "signal_weight", "background_weight", "cut_t", "ams_over_sqrt_smax"])
        t.notes = ["one block per model and mass (index = model · \(masses.count) + mass index):"]
            + rows.enumerated().map { "  model \($0.offset): \($0.element.spec.id)" }
            + ["  masses: " + masses.map(String.init).joined(separator: ", ") + " GeV"]
        var first = true
        for r in rows {
            for m in masses {
                if !first { t.appendBlockSeparator() }
                first = false
                guard let p = r.perMass.first(where: { $0.mass == m }), !p.signalHistogram.isEmpty else {
                    t.append([.nan, .nan, .nan, .nan, .nan]); continue
                }
                let curve = SignificanceCurve(signal: p.signalHistogram, background: p.backgroundHistogram)
                let n = curve.cuts.count
                for k in 0..<n {
                    let s = p.signalHistogram[k], b = p.backgroundHistogram[k]
                    t.append([(Double(k) + 0.5) / Double(n), s > 0 ? s : .nan, b > 0 ? b : .nan, curve.cuts[k], curve.normalized[k]])
                }
            }
        }
        return t
    }

    /// Where the panels sit, in screen fractions: `columns` masses × `rows` models between
    /// the margins, with gaps.
    struct Geometry {
        let width: Int, height: Int
        let left: Double, right: Double, top: Double, bottom: Double, gap: Double, vgap: Double
        let panelWidth: Double, panelHeight: Double

        init(columns nCol: Int, rows nRow: Int) {
            width = max(700, 330 * nCol + 150); height = 165 + 300 * nRow
            left = 80.0 / Double(width); right = 1 - 70.0 / Double(width); gap = 0.012
            top = 1 - 110.0 / Double(height); bottom = 55.0 / Double(height); vgap = 45.0 / Double(height)
            panelWidth = (right - left - gap * Double(nCol - 1)) / Double(nCol)
            panelHeight = (top - bottom - vgap * Double(nRow - 1)) / Double(nRow)
        }
    }

    static func figure(_ rows: [RunResult], note: String) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = name + ".dat"
        let masses = rows[0].perMass.map(\.mass)
        let g = Geometry(columns: masses.count, rows: rows.count)
        var body = header(rows, geometry: g)
        for (ri, r) in rows.enumerated() {
            for (ci, m) in masses.enumerated() {
                body += panel(r, row: ri, column: ci, mass: m, index: ri * masses.count + ci, geometry: g, dataFile: dataFile,
                              lastRow: ri == rows.count - 1, lastColumn: ci == masses.count - 1)
            }
        }
        body += "unset multiplot\n"
        let caption = """
        Class separation on \(S.dataLabel(rows[0])): for each model (rows; signal in the model's colour) and signal \
        mass (columns), the test-score histograms of signal and of background weighted to the same total \
        (50 bins on [0, 1], logarithmic axis), and on the right axis the significance of a cut at each bin edge \
        t, AMS(t)/√s_max with AMS = s_t/√(s_t+b_t) (eq. 3) from the tail sums of the histograms; its maximum is \
        σ_ratio. The dashed line is the best binned cut t*. The paper notes that the two models choose rather \
        different thresholds.\(note)
        """
        return GnuplotFigure(name: name, title: "Figure 15: class separation and best cut", caption: caption,
                             body: body, dataFiles: [dataFile: table(rows, masses: masses)], width: g.width, height: g.height)
    }

    /// The preamble, the multiplot with its title, the legend strip under the title and
    /// the settings every panel shares (one log y range for all).
    static func header(_ rows: [RunResult], geometry g: Geometry) -> String {
        let S = ResultFigureStyle.self
        // One log y range for every panel: from below the smallest non-empty bin to above the largest.
        let weights = rows.flatMap { $0.perMass.flatMap { $0.signalHistogram + $0.backgroundHistogram } }.filter { $0 > 0 }
        let yMin = pow(10, (log10(weights.min() ?? 1)).rounded(.down)), yMax = pow(10, (log10(weights.max() ?? 10)).rounded(.up) + 0.3)
        let title = "Figure 15: class separation on \(S.dataLabel(rows[0])) — score histograms and significance"
        var body = S.preamble + "\n"
        // One legend for all panels in a strip under the title: a plot of nothing as wide
        // as the figure (a panel's own key would be squeezed into its width).
        let legendEntries = ["NaN with boxes fc rgb \"\(S.background)\" title \"background (balanced)\""]
            + rows.map { "NaN with boxes fc rgb \"\(S.color(for: $0.spec))\" title \"signal, \(label($0))\"" }
            + ["NaN with lines lw 2 lc rgb \"#000000\" title \"AMS(t)/√s_max (right axis)\"",
               "NaN with lines dt 2 lw 1.5 lc rgb \"#000000\" title \"best cut t*\""]
        body += """
        set multiplot title "\(title)" font ",13"
        set style fill transparent solid 0.35 noborder
        set style textbox opaque noborder
        # ── legend strip
        set lmargin at screen \(S.num(g.left)); set rmargin at screen \(S.num(g.right))
        set tmargin at screen \(S.num(1 - 38.0 / Double(g.height))); set bmargin at screen \(S.num(1 - 72.0 / Double(g.height)))
        unset border; unset tics; unset grid
        set xrange [0:1]; set yrange [0:1]
        set key center center horizontal maxrows 1 font ",10" samplen 2.5 width -4 noopaque nobox
        plot \(legendEntries.joined(separator: ", "))
        unset key
        set border; set grid
        set boxwidth 0.02 absolute
        # Enhanced text from here on: superscript powers of ten, subscripts in s_max and σ_ratio.
        set termoption enhanced
        set logscale y
        set yrange [\(S.num(yMin)):\(S.num(yMax))]
        set xrange [0:1]
        set xtics 0, 0.2, 0.8 nomirror
        set y2range [0:1.05]
        set y2tics 0.2 nomirror
        set ytics nomirror

        """
        return body
    }

    /// The panel of model `r` at mass `m`: both histograms, the significance curve on the
    /// right axis, the best cut as a dashed line and its value in a box; axis labels on the
    /// outer panels only.
    static func panel(_ r: RunResult, row ri: Int, column ci: Int, mass m: Int, index: Int, geometry g: Geometry,
                      dataFile: String, lastRow: Bool, lastColumn: Bool) -> String {
        let S = ResultFigureStyle.self
        let color = S.color(for: r.spec)
        let l = g.left + Double(ci) * (g.panelWidth + g.gap), rr = l + g.panelWidth
        let t = g.top - Double(ri) * (g.panelHeight + g.vgap), b = t - g.panelHeight
        let point = r.perMass.first { $0.mass == m }
        let cut = point?.bestCutBinned ?? .nan
        let cutText = point.map { String(format: "t* = %.2f, σ_{ratio} = %.3f", $0.bestCutBinned, $0.sigmaRatioBinned) } ?? "no result"
        return """

        # ── \(r.spec.id), \(m) GeV
        set lmargin at screen \(S.num(l)); set rmargin at screen \(S.num(rr))
        set tmargin at screen \(S.num(t)); set bmargin at screen \(S.num(b))
        set title "\(label(r)), m = \(m) GeV" font ",10"
        \(lastRow ? "set xlabel \"classifier score (cut t)\"\nset format x \"%.1f\"" : "unset xlabel\nset format x \"\"")
        \(ci == 0 ? "set ylabel \"weighted events per bin\"\nset format y \"10^{%L}\"" : "unset ylabel\nset format y \"\"")
        \(lastColumn ? "set y2label \"AMS(t) / √s_{max}\"\nset format y2 \"%.1f\"" : "unset y2label\nset format y2 \"\"")
        unset arrow
        unset label
        \(cut.isFinite ? "set arrow from \(S.num(cut)), graph 0 to \(S.num(cut)), graph 1 nohead dt 2 lw 1.5 lc rgb \"#000000\"" : "")
        set label "\(cutText)" at graph 0.97, graph 0.93 right font ",8" boxed front
        plot "\(dataFile)" index \(index) using 1:3 with boxes fc rgb "\(S.background)" notitle, \\
             "" index \(index) using 1:2 with boxes fc rgb "\(color)" notitle, \\
             "" index \(index) using 4:5 axes x1y2 with lines lw 2 lc rgb "#000000" notitle

        """
    }
}
