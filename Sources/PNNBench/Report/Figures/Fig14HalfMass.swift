/// Figure 14 (a, b, c): half-mass interpolation. Networks trained on two masses only,
/// ROC-AUC vs mass for every mass; the missing masses M̄ (not seen in training) are
/// shaded and marked with open squares on each curve. One figure per panel of the paper:
/// (a) HEPMASS trained on 500 + 1500 GeV, (b) HEPMASS on 750 + 1250 GeV, (c) HEPMASS-IMB
/// on 500 + 1500 GeV with the unregularized uniform pNN that fails to interpolate.
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
        var t = DataTable(columns: ["mass_GeV", "missing"] + rows.map { "auc_" + ResultFigureStyle.fileStem($0) })
        t.notes = ["missing = 1 for masses left out of training (M̄)"]
        for m in masses {
            t.append([Double(m), missing.contains(m) ? 1 : 0] + rows.map { r in r.perMass.first { $0.mass == m }?.rocAUC ?? .nan })
        }
        let (lo, hi) = S.aucRange(rows.flatMap { $0.perMass.map(\.rocAUC) })
        let trained = masses.filter { !missing.contains($0) }
        // Shaded bands ±60 GeV around each missing mass, behind the curves.
        let bands = missing.enumerated().map { i, m in
            "set object \(i + 1) rect from \(m - 60), graph 0 to \(m + 60), graph 1 behind fc rgb \"#fbe3e3\" fs solid 1.0 noborder"
        }.joined(separator: "\n")
        var plots = rows.enumerated().map { k, r in
            "\"\(dataFile)\" using 1:\(3 + k) with linespoints lw 2.5 pt 7 ps 1.1 lc rgb \"\(S.color(for: r.spec))\" title \"\(label(r))\""
        }
        for k in rows.indices {
            plots.append("\"\" using 1:($2 > 0 ? $\(3 + k) : NaN) with points pt 4 ps 2.2 lw 1.5 lc rgb \"#000000\" \(k == 0 ? "title \"missing mass (not trained on)\"" : "notitle")")
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == artifact }.count
        let note = ResultFigureStyle.missingNote(drawn: rows.count, of: expected, items: "curves")
        let missingText = missing.isEmpty ? "none" : "{\(missing.map(String.init).joined(separator: ", "))}"
        // Two lines ("\\n" is gnuplot's newline in double-quoted strings).
        let title = "Figure 14(\(letter)): half-mass interpolation on \(S.dataLabel(rows[0]))\\ntrained on \(S.massList(trained)) GeV only, missing M̄ = \(missingText) GeV"
        let body = """
        \(S.preamble)
        set title "\(title)" font ",12"
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
        squares.\(letter == "c" ? " The red line is the pNN with uniform background mass and no regularization, which the paper finds unable to interpolate; it also finds the affine network well ahead of the two regularized pNNs." : "")\(note)
        """
        return GnuplotFigure(name: name, title: "Figure 14(\(letter)): half-mass interpolation", caption: caption,
                             body: body, dataFiles: [dataFile: t], width: 900, height: 600)
    }
}
