/// Mean ROC-AUC over the grid of a two-parameter declared data set (p₁, p₂): one panel per
/// row of an artifact, one cell per tested point, coloured by the mean over the seeds and
/// printed with it (and ± the sample sd with several seeds). A point the row's network did
/// not train on (not in its `trainPoints`) is framed with a dashed black box and its value
/// marked "*": there the network interpolates. All panels share one colour scale.
///
/// Cells are drawn as boxes (`boxxyerror`, not `image`, so irregular grids work): on each
/// axis the cell of a point reaches half way to the neighbouring tested values,
///
///     edges of p_j = (p_j − (p_j − v₋)/2, p_j + (v₊ − p_j)/2),  v∓ the next lower/higher value,
///
/// the outermost cells as deep on their open side as on the other, so cells of
/// distinct points never overlap and an irregular grid (0.02, 0.05, 0.1) leaves no gaps.
enum DeclaredHeatMap {
    /// Light to mid blue-green (ColorBrewer YlGnBu's light half): black text stays readable.
    static let palette = "set palette defined (0 \"#ffffd9\", 1 \"#c7e9b4\", 2 \"#7fcdbb\", 3 \"#41b6c4\")"
    static let panelWidth = 460, panelHeight = 400

    /// Per coordinate j of each point: its cell's lower and upper edge.
    static func edges(_ points: [[Double]], coordinate j: Int) -> [(low: Double, high: Double)] {
        let values = Array(Set(points.map { $0[j] })).sorted()
        let spacing = ResultFigureStyle.smallestSpacing(values)
        return points.map { p in
            let k = values.firstIndex(of: p[j])!
            let below = k > 0 ? (p[j] - values[k - 1]) / 2 : nil
            let above = k + 1 < values.count ? (values[k + 1] - p[j]) / 2 : nil
            return (p[j] - (below ?? above ?? spacing / 2), p[j] + (above ?? below ?? spacing / 2))
        }
    }

    static func figure(_ a: DeclaredResultFigures.Artifact, name: String, context: FigureContext) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = name + ".dat"
        let names = a.parameterNames
        let values = a.points.map(\.values)
        let cells = (0..<2).map { edges(values, coordinate: $0) }
        let seeds = context.replicates.seeds.count
        let spreads = a.replicates.map { runs in a.points.map { ReplicateSpread.at($0.id, of: runs, \.rocAUC) } }
        let leftOut = a.rows.map { r in a.points.map { !$0.isTrained(by: r.spec) } }

        let safe = names.map(DeclaredResultFigures.fileSafe)
        var t = DataTable(columns: safe + safe.flatMap { ["low_" + $0, "high_" + $0] }
                          + a.rows.flatMap { r in ["auc_", "auc_sd_", "auc_n_", "left_out_"].map { $0 + S.fileStem(r) } })
        t.notes = ["one line per tested point; low_*, high_*: the edges of its cell",
                   "auc_*: mean ROC-AUC over the seeds; auc_sd_*: sample sd (NaN for n = 1); auc_n_*: seeds; left_out_* = 1: not trained on"]
        for i in a.points.indices {
            t.append(values[i] + [cells[0][i].low, cells[0][i].high, cells[1][i].low, cells[1][i].high]
                     + a.rows.indices.flatMap { k in spreads[k][i].columns + [leftOut[k][i] ? 1 : 0] })
        }

        let means = spreads.flatMap { $0.map(\.mean) }.filter(\.isFinite)
        let (lo, hi) = colorRange(means)
        let axes = (0..<2).map { j -> (range: String, tics: String) in
            let edges = cells[j].flatMap { [$0.low, $0.high] }
            return ("[\(S.num(edges.min()!)):\(S.num(edges.max()!))]", S.parameterTics(values.map { $0[j] }, name: names[j]))
        }
        let columns = min(3, a.rows.count), panelRows = (a.rows.count + columns - 1) / columns
        var body = """
        set encoding utf8
        \(palette)
        set cbrange [\(S.num(lo)):\(S.num(hi))]
        set format cb "%.2f"
        set cblabel "ROC-AUC"
        set xrange \(axes[0].range)
        set yrange \(axes[1].range)
        set xtics \(axes[0].tics)
        set ytics \(axes[1].tics)
        set xlabel \(DataFigureText.quoted(names[0]))
        set ylabel \(DataFigureText.quoted(names[1]))
        unset key
        set style fill solid 1.0 noborder
        set multiplot layout \(panelRows),\(columns) title "\(DataFigureText.escaped(a.title))\\n\(seeds > 1 ? "mean " : "")ROC-AUC over the (\(DataFigureText.escaped(names.joined(separator: ", ")))) grid on \(DataFigureText.escaped(a.datasets))" font ",13"

        """
        for k in a.rows.indices {
            // Columns of row k: mean, sd, n, left out.
            let m = 7 + 4 * k, sd = m + 1, n = m + 2, out = m + 3
            let mark = "($\(out) > 0 ? \"*\" : \"\")"
            let label = seeds > 1
                ? "($\(n) > 1 ? sprintf(\"%.3f%s\\n±%.3f\", $\(m), \(mark), $\(sd)) : sprintf(\"%.3f%s\", $\(m), \(mark)))"
                : "(sprintf(\"%.3f%s\", $\(m), \(mark)))"
            body += """
            set title \(DataFigureText.quoted(a.rows[k].spec.reproduces.row)) font ",11"
            plot "\(dataFile)" using ($\(m) == $\(m) ? $1 : NaN):2:3:4:5:6:\(m) with boxxyerror lc palette, \\
                 "" using ($\(out) > 0 ? $1 : NaN):2:($1 - 0.92 * ($1 - $3)):($1 + 0.92 * ($4 - $1)):($2 - 0.9 * ($2 - $5)):($2 + 0.9 * ($6 - $2)) with boxxyerror lc rgb "#000000" lw 2.5 dt 2 fs empty, \\
                 "" using ($\(m) == $\(m) ? $1 : NaN):2:\(label) with labels font ",10"

            """
        }
        body += "unset multiplot\n"

        let trainedEverywhere = leftOut.allSatisfy { !$0.contains(true) }
        var caption = "\(a.title). \(seeds > 1 ? "Mean ROC-AUC" : "ROC-AUC") of each row at every tested point (\(names.joined(separator: ", "))) of \(a.datasets)"
        caption += seeds > 1 ? ", over the seeds (± the sample sd, none where one seed has a value)." : "."
        caption += trainedEverywhere ? " Every row trained on every point."
            : " Dashed frames and \"*\": points the row's network did not train on (interpolation)."
        caption += " One colour scale for all panels; a blank cell is a point without a result." + a.missingNote
        return GnuplotFigure(name: name, title: a.title, caption: caption, body: body, dataFiles: [dataFile: t],
                             width: panelWidth * columns, height: panelHeight * panelRows + 60)
    }

    /// The colour range of the panels: the means' range widened to at least 0.02, so a
    /// nearly uniform grid is not stretched over the whole palette.
    static func colorRange(_ values: [Double]) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0.5, 1) }
        let pad = max(0, 0.02 - (high - low)) / 2
        return (low - pad, high + pad)
    }
}
