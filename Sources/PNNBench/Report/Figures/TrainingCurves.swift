/// Training curves of a few representative experiments: mean training loss per epoch
/// (cross-entropy + L2) and validation ROC-AUC per epoch (mean over masses, §4.3.1), the
/// best epoch — whose weights were kept — marked on both. One colour per model.
enum TrainingCurves {
    static let name = "training-curves"

    /// The rows shown, in this order, when they have results: Table 3's baselines and
    /// identical-fixed parametric models, and Figure 14(c)'s unregularized pNN (the one
    /// that overfits).
    static let representatives: [(artifact: String, row: String)] = [
        ("table3", "Single-NN | None"),
        ("table3", "pNN | Identical (fixed)"),
        ("table3", "Affine | Identical (fixed)"),
        ("fig14c", "pNN (class) | Uniform (sampled), unregularized"),
    ]

    static func make(_ context: FigureContext) -> FigureOutcome {
        let rows = representatives.compactMap { context.result($0.artifact, $0.row) }
            .filter { r in r.training.contains { !$0.history.isEmpty } }
        guard !rows.isEmpty else {
            return FigureOutcome(omitted: [(name, "none of the representative rows (" + representatives.map { "\($0.artifact) “\($0.row)”" }.joined(separator: ", ") + ") has a result with a training history")])
        }
        var curves = figure(rows)
        curves.caption += ResultFigureStyle.firstSeedNote(context)
        return FigureOutcome(figures: [curves])
    }

    /// The network whose history is drawn: the one trained on all its masses (individual
    /// NNs have one per mass; the first is taken).
    static func record(_ r: RunResult) -> RunResult.TrainingRecord {
        r.training.first { $0.mass == nil && !$0.history.isEmpty } ?? r.training.first { !$0.history.isEmpty }!
    }

    static func label(_ r: RunResult) -> String {
        let row = r.spec.reproduces.row
        let base = row.hasSuffix(" | None") ? String(row.dropLast(7)) : row.replacingOccurrences(of: " | ", with: ", ")
        return "\(base) on \(r.spec.dataset.paperLabel) [\(r.spec.reproduces.artifact)]"
    }

    static func figure(_ rows: [RunResult]) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        var files: [String: DataTable] = [:]
        var lossPlots: [String] = [], aucPlots: [String] = [], legend: [String] = []
        var maxEpoch = 1
        for r in rows {
            let rec = record(r)
            let file = "\(name)-\(ResultFigureStyle.fileStem(r)).dat"
            var t = DataTable(columns: ["epoch", "train_loss", "validation_auc", "is_best_epoch"])
            t.notes = ["\(r.spec.id): \(rec.parameters) parameters, best epoch \(rec.bestEpoch)"]
            for e in rec.history {
                t.append([Double(e.epoch), e.trainLoss, e.validationAUC, e.epoch == rec.bestEpoch ? 1 : 0])
                maxEpoch = max(maxEpoch, e.epoch)
            }
            files[file] = t
            let c = S.color(for: r.spec)
            lossPlots.append("\"\(file)\" using 1:2 with linespoints lw 2 pt 7 ps 0.7 lc rgb \"\(c)\" notitle")
            legend.append("NaN with linespoints lw 2 pt 7 ps 0.7 lc rgb \"\(c)\" title \"\(label(r)), best epoch \(rec.bestEpoch)\"")
            lossPlots.append("\"\(file)\" using 1:($4 > 0 ? $2 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb \"\(c)\" notitle")
            aucPlots.append("\"\(file)\" using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb \"\(c)\" notitle")
            aucPlots.append("\"\(file)\" using 1:($4 > 0 ? $3 : NaN) with points pt 6 ps 2.4 lw 2 lc rgb \"\(c)\" notitle")
        }
        legend.append("NaN with points pt 6 ps 2 lw 2 lc rgb \"#000000\" title \"best epoch (weights kept)\"")
        let xrange = "set xrange [0.5:\(S.num(Double(maxEpoch) + 0.5))]"
        let xtics = maxEpoch <= 12 ? "set xtics 1" : "set xtics 5"
        let simulated = rows[0].data.source == "sim" ? " (simulated data: HEPMASS-SIM)" : ""
        let title = "Training curves of representative networks\(simulated)"
        let body = """
        \(S.preamble)
        set multiplot title "\(title)" font ",13"
        \(xrange)
        \(xtics)
        set xlabel "epoch"
        set title "training loss (cross-entropy + L2)"
        set ylabel "mean training loss per step"
        set format y "%.2f"
        unset key
        set lmargin at screen 0.07; set rmargin at screen 0.48; set tmargin at screen 0.88; set bmargin at screen 0.34
        plot \(lossPlots.joined(separator: ", \\\n     "))
        set title "validation ROC-AUC (mean over masses)"
        set ylabel "validation ROC-AUC"
        set lmargin at screen 0.57; set rmargin at screen 0.98
        set format y "%.3f"
        plot \(aucPlots.joined(separator: ", \\\n     "))
        # One legend for both panels, in a strip of its own below them (a plot of nothing
        # as wide as the figure, so that the entries can sit in two columns).
        set lmargin at screen 0.07; set rmargin at screen 0.98; set tmargin at screen 0.22; set bmargin at screen 0.01
        unset border; unset tics; unset grid; unset title; unset xlabel; unset ylabel
        set xrange [0:1]; set yrange [0:1]
        set key center center horizontal maxrows 3 Left reverse font ",10" samplen 2.5 width 1 noopaque nobox
        plot \(legend.joined(separator: ", \\\n     "))
        unset multiplot
        """
        let caption = """
        Training loss and validation ROC-AUC per epoch of representative networks (\(rows.map(label).joined(separator: "; "))). \
        The circled epoch is the best validation AUC, whose weights were kept for testing. For the individual NNs \
        only the first network is drawn.
        """
        return GnuplotFigure(name: name, title: "Training curves", caption: caption, body: body,
                             dataFiles: files, width: 1100, height: 560)
    }
}
