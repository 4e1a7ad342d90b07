/// Figure 14 (a, b, c): half-mass interpolation. Networks trained on two masses only,
/// ROC-AUC vs mass for every mass; the missing masses M̄ (not seen in training) are
/// shaded and marked with open squares on each curve. One figure per panel of the paper:
/// (a) HEPMASS trained on 500 + 1500 GeV, (b) HEPMASS on 750 + 1250 GeV, (c) HEPMASS-IMB
/// on 500 + 1500 GeV with the unregularized uniform pNN that fails to interpolate.
/// With several seeds, each curve is the mean over the seeds with ±1 sd bars (`ReplicateSpread`).
enum Fig14HalfMass {
    static let panels = [("fig14a", "a"), ("fig14b", "b"), ("fig14c", "c")]

    static func make(_ context: FigureContext) -> FigureOutcome {
        var outcome = FigureOutcome()
        for (artifact, letter) in panels {
            let name = "fig14\(letter)-half-mass-interpolation"
            let rows = context.results(artifact)
            guard !rows.isEmpty else {
                outcome.omitted.append((name, "no row of \(artifact) has a result (experiments not run)"))
                continue
            }
            outcome.figures.append(figure(rows, name: name, letter: letter, context: context, artifact: artifact))
        }
        return outcome
    }

    /// M̄: masses evaluated but absent from every row's training masses.
    static func missingMasses(_ rows: [RunResult]) -> [Int] {
        let evaluated = rows[0].perMass.map(\.mass)
        var trained = Set<Int>()
        for r in rows { trained.formUnion(r.spec.trainMasses ?? evaluated) }
        return evaluated.filter { !trained.contains($0) }
    }

    static func label(_ r: RunResult) -> String {
        r.spec.reproduces.row.replacingOccurrences(of: " | ", with: ", ")
    }

    static func figure(_ rows: [RunResult], name: String, letter: String, context: FigureContext, artifact: String) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = name + ".dat"
        let masses = rows[0].perMass.map(\.mass)
        let missing = missingMasses(rows)
        let spread = ReplicateSpread.isDrawn(context)
        let rowReplicates = rows.map { context.replicates(artifact, $0.spec.reproduces.row) }
        var columns = ["mass_GeV", "missing"] + rows.map { "auc_" + ResultFigureStyle.fileStem($0) }
        if spread { columns += rows.flatMap { r in ["auc_mean_", "auc_sd_", "auc_n_"].map { $0 + S.fileStem(r) } } }
        var t = DataTable(columns: columns)
        t.notes = ["missing = 1 for masses left out of training (M̄)"]
        if spread { t.notes += ReplicateSpread.notes(first: context.replicates.seeds[0]) }
        var spreads: [ReplicateSpread] = []
        for m in masses {
            var line: [Double] = [Double(m), missing.contains(m) ? 1 : 0] + rows.map { r in r.perMass.first { $0.mass == m }?.rocAUC ?? .nan }
            if spread {
                let auc = rowReplicates.map { ReplicateSpread.at(m, of: $0, \.rocAUC) }
                line += auc.flatMap(\.columns)
                spreads += auc
            }
            t.append(line)
        }
        let (lo, hi) = S.aucRange(spread ? spreads.flatMap(\.extent) : rows.flatMap { $0.perMass.map(\.rocAUC) })
        // The column of row k's curve: its AUC, or with several seeds its mean (sd next to it).
        let column = { (k: Int) in spread ? 3 + rows.count + 3 * k : 3 + k }
        let trained = masses.filter { !missing.contains($0) }
        // Shaded bands ±60 GeV around each missing mass, behind the curves.
        let bands = missing.enumerated().map { i, m in
            "set object \(i + 1) rect from \(m - 60), graph 0 to \(m + 60), graph 1 behind fc rgb \"#fbe3e3\" fs solid 1.0 noborder"
        }.joined(separator: "\n")
        // With several seeds: the curves a few GeV apart, their bars first, under the curves.
        let x = { (k: Int) in spread ? ReplicateSpread.xColumn(ReplicateSpread.dodge(k, of: rows.count)) : "1" }
        var plots = rows.enumerated().map { k, r in
            "\"\(spread ? "" : dataFile)\" using \(x(k)):\(column(k)) with linespoints lw 2.5 pt 7 ps 1.1 lc rgb \"\(S.color(for: r.spec))\" title \"\(label(r))\""
        }
        if spread {
            plots.insert(contentsOf: rows.enumerated().map { k, r in
                "\"\(k == 0 ? dataFile : "")\" using \(x(k)):\(column(k)):\(column(k) + 1) with yerrorbars pt -1 lw 1.5 lc rgb \"\(S.color(for: r.spec))\" notitle"
            }, at: 0)
        }
        for k in rows.indices {
            plots.append("\"\" using \(x(k)):($2 > 0 ? $\(column(k)) : NaN) with points pt 4 ps 2.2 lw 1.5 lc rgb \"#000000\" \(k == 0 ? "title \"missing mass (not trained on)\"" : "notitle")")
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == artifact }.count
        let note = ResultFigureStyle.missingNote(drawn: rows.count, of: expected, items: "curves")
        let missingText = missing.isEmpty ? "none" : "{\(missing.map(String.init).joined(separator: ", "))}"
        // Two lines ("\\n" is gnuplot's newline in double-quoted strings).
        let title = "Figure 14(\(letter)): half-mass interpolation on \(S.dataLabel(rows[0]))\\ntrained on \(S.massList(trained)) GeV only, missing M̄ = \(missingText) GeV"
        let body = """
        \(S.preamble)
        \(spread ? ReplicateSpread.gnuplotSettings : "")set title "\(title)" font ",12"
        \(S.massAxis(masses))
        set ylabel "ROC-AUC"
        set yrange [\(S.num(lo)):\(S.num(hi))]
        set format y "%.2f"
        set key bottom right font ",10"
        \(bands)
        plot \(plots.joined(separator: ", \\\n     "))
        """
        let caption = """
        Half-mass interpolation on \(S.dataLabel(rows[0])): ROC-AUC per signal mass of networks trained on \
        \(S.massList(trained)) GeV only; the missing masses M̄ = \(missingText) GeV are shaded and marked by open black \
        squares.\(letter == "c" ? " The red line is the pNN with uniform background mass and no regularization, which the paper finds unable to interpolate; it also finds the affine network well ahead of the two regularized pNNs." : "")\(note)\(spread ? ReplicateSpread.captionNote(spreads) + ReplicateSpread.dodgeNote : "")
        """
        return GnuplotFigure(name: name, title: "Figure 14(\(letter)): half-mass interpolation", caption: caption,
                             body: body, dataFiles: [dataFile: t], width: 900, height: 600)
    }
}
