/// Every claim against the training budget: a panel per claim with the effect of its
/// deciding point (`ClaimOutcome.decisivePoint`: better − worse, in points; positive is
/// the claimed direction) at every rung, its 95 % Student-t interval over the seeds as a
/// bar, and the claim's margin dashed. The marker says the verdict at that rung: filled
/// green holds, red cross fails, open grey inconclusive.
struct ConvergenceClaimsFigure {
    var series: [ConvergenceStudy.ClaimSeries]
    var rungs: [(name: String, budget: Double)]

    static let name = "conv-claims"

    /// One block per claim: budget, mean effect, interval low and high (the mean when n = 1),
    /// margin, n, verdict code (1 holds, −1 fails, 0 inconclusive).
    func table() -> DataTable {
        var data = DataTable(columns: ["budget_event_epochs", "effect_mean", "ci95_low", "ci95_high", "margin", "n", "verdict"])
        data.notes = ["effect of the deciding point of each claim, in points (positive: the claimed direction); 95 % t interval over seeds",
                      "verdict: 1 holds, -1 fails, 0 inconclusive; one block per claim (gnuplot index i): "
                      + series.enumerated().map { "\($0.offset) = \($0.element.claim.id)" }.joined(separator: ", ")]
        for (i, claim) in series.enumerated() {
            if i > 0 { data.appendBlockSeparator() }
            for (k, outcome) in claim.outcomes.enumerated() {
                guard outcome.status != .notRun, let point = outcome.decisivePoint, let s = point.statistics else { continue }
                let half = s.halfWidth ?? 0
                let code: Double = outcome.status == .holds ? 1 : outcome.status == .fails ? -1 : 0
                data.append([rungs[k].budget, s.mean, s.mean - half, s.mean + half, point.margin, Double(s.count), code])
            }
        }
        return data
    }

    func figure() -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let file = Self.name + ".dat"
        let columns = 3, rows = max(1, (series.count + columns - 1) / columns)
        let width = 1200, height = 300 * rows + 80
        var body = S.preamble + "\n" + ReplicateSpread.gnuplotSettings
        body += "set multiplot layout \(rows),\(columns) title \"The paper's claims vs training budget: effect and 95 % interval over seeds\" font \",12\" margins 0.07,0.98,\(S.num(60.0 / Double(height))),\(S.num(1 - 85.0 / Double(height))) spacing 0.06,\(S.num(100.0 / Double(height)))\n"
        body += ConvergenceAxis.commands(rungs, label: false) + "\n"
        for (i, claim) in series.enumerated() {
            var values: [Double] = []
            for outcome in claim.outcomes where outcome.status != .notRun {
                if let point = outcome.decisivePoint, let s = point.statistics {
                    values += [s.mean - (s.halfWidth ?? 0), s.mean + (s.halfWidth ?? 0), point.margin]
                }
            }
            let (lo, hi) = ConvergenceAxis.range(values.isEmpty ? [0] : values)
            let margin = claim.outcomes.compactMap { $0.decisivePoint?.margin }.first ?? 0
            body += """

            # ── panel \(i + 1): \(claim.claim.id)
            set title "\(claim.claim.id)" font ",9"
            set yrange [\(S.num(lo)):\(S.num(hi))]
            \(i % columns == 0 ? "set ylabel \"effect (points)\"" : "unset ylabel")
            \(i == 0 ? "set key top left opaque box font \",8\"" : "unset key")
            plot \(S.num(margin)) with lines dt 2 lw 1.5 lc rgb "#000000" title "margin", \\
                 "\(file)" index \(i) using 1:2:3:4 with yerrorbars lw 1.5 pt 7 ps 0.01 lc rgb "#555555" notitle, \\
                 "\(file)" index \(i) using 1:2 with lines lw 1 lc rgb "#999999" notitle, \\
                 "\(file)" index \(i) using 1:($7 > 0 ? $2 : NaN) with points pt 7 ps 1.4 lc rgb "#2ca02c" title "holds", \\
                 "\(file)" index \(i) using 1:($7 < 0 ? $2 : NaN) with points pt 2 ps 1.6 lw 2 lc rgb "#d62728" title "fails", \\
                 "\(file)" index \(i) using 1:($7 == 0 ? $2 : NaN) with points pt 6 ps 1.4 lw 1.5 lc rgb "#7f7f7f" title "inconclusive"

            """
        }
        body += "unset multiplot\n"
        let caption = "Each claim's effect at its deciding point (better − worse in points; positive is the claimed direction) at every rung of the ladder against the training budget B (event-epochs, log scale), with the 95 % Student-t interval over seeds; the dashed line is the claim's margin. A claim holds where the interval lies above the margin, fails where it lies below, and is inconclusive otherwise. Each panel has its own y scale."
        return GnuplotFigure(name: Self.name, title: "Claims vs training budget", caption: caption, body: body,
                             dataFiles: [file: table()], width: width, height: height)
    }
}
