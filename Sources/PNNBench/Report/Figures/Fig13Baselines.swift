import Foundation
import PNNMetrics

/// Figure 13: the (tuned) baselines on HEPMASS-IMB — Single-NN, Individual-NNs and the
/// identical-fixed pNN. Two figures:
///
/// - curves: one column per signal mass; top the ROC curve (signal efficiency ε_s vs
///   background efficiency ε_b), bottom the PR curve (precision vs recall), one line per
///   model, its area in the legend;
/// - σ_ratio vs mass: σ_ratio = max_t AMS(t) / √s_max (eq. 4), solid with the paper's 50
///   binned cuts, dashed with every distinct score as a cut; with several seeds, means
///   over the seeds with ±1 sd bars (`ReplicateSpread`).
enum Fig13Baselines {
    static let curvesName = "fig13-baselines-roc-pr"
    static let sigmaName = "fig13-baselines-sigma-ratio"

    static func make(_ context: FigureContext) -> FigureOutcome {
        let rows = context.results("fig13")
        guard !rows.isEmpty else {
            return FigureOutcome(omitted: [(curvesName, "no row of fig13 has a result (experiments not run)"),
                                           (sigmaName, "no row of fig13 has a result (experiments not run)")])
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == "fig13" }.count
        let missingNote = ResultFigureStyle.missingNote(drawn: rows.count, of: expected, items: "models")
        return FigureOutcome(figures: [curves(rows, context: context, note: missingNote),
                                       sigma(rows, note: missingNote, context: context)])
    }

    /// The masses of the figure: the suite's, or the first row's if the suite has none.
    static func masses(_ rows: [RunResult], context: FigureContext) -> [Int] {
        context.suite.masses.isEmpty ? rows[0].perMass.map(\.mass) : context.suite.masses
    }

    /// A legend name for a row: its paper label without the "| None" of non-parametric models.
    static func label(_ r: RunResult) -> String {
        let row = r.spec.reproduces.row
        return row.hasSuffix(" | None") ? String(row.dropLast(7)) : row.replacingOccurrences(of: " | ", with: ", ")
    }

    /// One file per row and curve kind, one block per mass (an absent mass is a NaN row).
    static func curveTable(_ r: RunResult, masses: [Int], kind: String, curve: (RunResult.MassResult) -> Curve) -> DataTable {
        var t = DataTable(columns: kind == "roc" ? ["background_efficiency", "signal_efficiency"] : ["recall", "precision"])
        t.notes = ["\(r.spec.id): one block per mass (index i): " + masses.map(String.init).joined(separator: ", ") + " GeV"]
        for (i, m) in masses.enumerated() {
            if i > 0 { t.appendBlockSeparator() }
            if let point = r.perMass.first(where: { $0.mass == m }), !curve(point).x.isEmpty {
                let c = curve(point)
                for k in c.x.indices { t.append([c.x[k], c.y[k]]) }
            } else {
                t.append([.nan, .nan])
            }
        }
        return t
    }

    static func curves(_ rows: [RunResult], context: FigureContext, note: String) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let masses = masses(rows, context: context)
        var files: [String: DataTable] = [:]
        var names: [(roc: String, pr: String)] = []
        for r in rows {
            let roc = "\(curvesName)-\(ResultFigureStyle.fileStem(r))-roc.dat", pr = "\(curvesName)-\(ResultFigureStyle.fileStem(r))-pr.dat"
            files[roc] = curveTable(r, masses: masses, kind: "roc", curve: \.rocCurve)
            files[pr] = curveTable(r, masses: masses, kind: "pr", curve: \.prCurve)
            names.append((roc, pr))
        }
        let n = masses.count
        let width = max(700, 320 * n + 90), height = 720
        let left = 70.0 / Double(width), right = 0.99, gap = 0.025
        let w = (right - left - gap * Double(n - 1)) / Double(n)
        let title = "Figure 13: baselines on \(S.dataLabel(rows[0])), ROC and precision-recall curves"
        var body = S.preamble + "\nset multiplot title \"\(title)\" font \",13\"\n"
        body += "set key bottom right font \",9\" samplen 1.5 width -6\nset size ratio 0\n"
        for (i, m) in masses.enumerated() {
            let l = left + Double(i) * (w + gap), r = l + w
            func entries(_ metric: (RunResult.MassResult) -> Double, file: (Int) -> String, metricName: String) -> String {
                rows.enumerated().map { k, row in
                    let value = row.perMass.first { $0.mass == m }.map { String(format: "%.3f", metric($0)) } ?? "n/a"
                    return "\"\(file(k))\" index \(i) using 1:2 with lines lw 2 lc rgb \"\(S.color(for: row.spec))\" title \"\(label(row)) (\(metricName) \(value))\""
                }.joined(separator: ", \\\n     ")
            }
            body += """

            # ── \(m) GeV
            set lmargin at screen \(S.num(l)); set rmargin at screen \(S.num(r))
            set tmargin at screen 0.88; set bmargin at screen 0.52
            set title "m = \(m) GeV"
            set xrange [0:1]; set yrange [0:1.0]
            set xtics 0, 0.2, 0.8; set ytics 0.2
            set format x "%.1f"
            set xlabel "background efficiency ε_b (FPR)"
            \(i == 0 ? "set ylabel \"signal efficiency ε_s (TPR)\"\nset format y \"%.1f\"" : "unset ylabel\nset format y \"\"")
            plot \(entries(\.rocAUC, file: { names[$0].roc }, metricName: "AUC")), \\
                 x with lines dt 3 lc rgb "#999999" notitle
            set tmargin at screen 0.42; set bmargin at screen 0.08
            unset title
            set xlabel "recall ε_s"
            set yrange [0:1.02]
            set key bottom left
            \(i == 0 ? "set ylabel \"precision\"\nset format y \"%.1f\"" : "unset ylabel\nset format y \"\"")
            plot \(entries(\.prAUC, file: { names[$0].pr }, metricName: "AUC"))
            set key bottom right

            """
        }
        body += "unset multiplot\n"
        let caption = """
        Baselines on \(S.dataLabel(rows[0])) per signal mass: ROC curves (top; signal vs background efficiency, \
        background weighted to the signal's total) and precision-recall curves (bottom), with the areas in the \
        legends. Curves are downsampled for drawing; areas are computed on the full curves. The paper finds the \
        individual NNs and the identical-fixed pNN best.\(note)
        """
        return GnuplotFigure(name: curvesName, title: "Figure 13: ROC and PR curves of the baselines", caption: caption,
                             body: body, dataFiles: files, width: width, height: height)
    }

    /// With several seeds in `context`, the data file holds after the first seed's columns
    /// mean, sd and n over the seeds of each row's binned and exact σ_ratio, and those
    /// are drawn.
    static func sigma(_ rows: [RunResult], note: String, context: FigureContext) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = sigmaName + ".dat"
        let spread = ReplicateSpread.isDrawn(context)
        let rowReplicates = rows.map { context.replicates("fig13", $0.spec.reproduces.row) }
        var columns = ["mass_GeV"] + rows.flatMap { ["sigma_binned_\(ResultFigureStyle.fileStem($0))", "sigma_exact_\(ResultFigureStyle.fileStem($0))"] }
        if spread {
            columns += rows.flatMap { r in
                ["sigma_binned", "sigma_exact"].flatMap { metric in ["_mean_", "_sd_", "_n_"].map { metric + $0 + S.fileStem(r) } }
            }
        }
        var t = DataTable(columns: columns)
        if spread { t.notes = ReplicateSpread.notes(first: context.replicates.seeds[0]) }
        let masses = rows[0].perMass.map(\.mass)
        var spreads: [ReplicateSpread] = []
        for m in masses {
            var line = [Double(m)]
            for r in rows {
                let p = r.perMass.first { $0.mass == m }
                line += [p?.sigmaRatioBinned ?? .nan, p?.sigmaRatio ?? .nan]
            }
            if spread {
                for replicates in rowReplicates {
                    let binned = ReplicateSpread.at(m, of: replicates, \.sigmaRatioBinned), exact = ReplicateSpread.at(m, of: replicates, \.sigmaRatio)
                    line += binned.columns + exact.columns
                    spreads += [binned, exact]
                }
            }
            t.append(line)
        }
        let values = spread
            ? spreads.flatMap(\.extent).filter(\.isFinite)
            : rows.flatMap { $0.perMass.flatMap { [$0.sigmaRatio, $0.sigmaRatioBinned] } }
        // Keep 1/√2 (no separation) in view: it is the reference line.
        let lo = min(0.65, max(0, ((values.min() ?? 0.7) * 20 - 0.5).rounded(.down) / 20))
        var plots = rows.enumerated().flatMap { k, r -> [String] in
            let c = S.color(for: r.spec)
            guard spread else {
                return ["\"\(dataFile)\" using 1:\(2 + 2 * k) with linespoints lw 2 pt 7 ps 1 lc rgb \"\(c)\" title \"\(label(r)) (50 binned cuts)\"",
                        "\"\" using 1:\(3 + 2 * k) with linespoints lw 1.5 dt 2 pt 6 ps 0.8 lc rgb \"\(c)\" title \"\(label(r)) (every cut)\""]
            }
            // Mean columns of row k: binned at b, exact at b + 3 (each followed by sd, n).
            let b = 2 + 2 * rows.count + 6 * k, x = ReplicateSpread.xColumn(ReplicateSpread.dodge(k, of: rows.count))
            return ["\"\" using \(x):\(b) with linespoints lw 2 pt 7 ps 1 lc rgb \"\(c)\" title \"\(label(r)) (50 binned cuts)\"",
                    "\"\" using \(x):\(b + 3) with linespoints lw 1.5 dt 2 pt 6 ps 0.8 lc rgb \"\(c)\" title \"\(label(r)) (every cut)\""]
        }
        if spread {
            // Bars on the binned curves only (the paper's protocol; the exact ones lie close
            // and would cover them), drawn first so that the curves lie over them.
            plots.insert(contentsOf: rows.enumerated().map { k, r in
                let b = 2 + 2 * rows.count + 6 * k, x = ReplicateSpread.xColumn(ReplicateSpread.dodge(k, of: rows.count))
                return "\"\(k == 0 ? dataFile : "")\" using \(x):\(b):\(b + 1) with yerrorbars pt -1 lw 1.5 lc rgb \"\(S.color(for: r.spec))\" notitle"
            }, at: 0)
        }
        let title = "Figure 13: σ_ratio of the baselines on \(S.dataLabel(rows[0]))"
        let body = """
        \(S.preamble)
        \(spread ? ReplicateSpread.gnuplotSettings : "")set title "\(title)" font ",13"
        \(S.massAxis(masses))
        set ylabel "σ_ratio = max_t AMS(t) / √s_max"
        set yrange [\(S.num(lo)):1.0]
        set format y "%.2f"
        set bmargin 8
        set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 3 Left reverse font ",10" width 1
        set arrow from graph 0, first 0.7071068 to graph 1, first 0.7071068 nohead dt 3 lc rgb "#999999"
        set label "no separation (1/√2)" at graph 0.02, first 0.7071068 offset 0, 0.6 textcolor rgb "#777777" font ",9"
        plot \(plots.joined(separator: ", \\\n     "))
        """
        let caption = """
        Significance ratio σ_ratio (eq. 4) per signal mass of the baselines on \(S.dataLabel(rows[0])): solid with \
        the paper's protocol (cuts at the 50 bin edges of [0, 1]), dashed with every distinct score as a cut. \
        1/√2 ≈ 0.707 is a classifier that keeps everything.\(note)\(spread ? ReplicateSpread.captionNote(spreads, drawn: "bars ±1 sd on the binned curves") + ReplicateSpread.dodgeNote : "")
        """
        return GnuplotFigure(name: sigmaName, title: "Figure 13: σ_ratio vs mass of the baselines", caption: caption,
                             body: body, dataFiles: [dataFile: t], width: 860, height: 640)
    }
}
