import Foundation

/// One row of a published table and one metric against the training budget: a panel per
/// mass and one for the average, each with our mean ± 1 sd over seeds at every rung, the
/// paper's value as a dashed line, and budget-limited rungs circled.
struct ConvergenceCellFigure {
    /// The row's cells, masses first and the average last (`ConvergenceStudy.cellSeries`).
    var series: [ConvergenceStudy.CellSeries]
    var rungs: [(name: String, budget: Double)]
    var color: String

    var row: BaselineRow { series[0].row }
    var metric: BaselineMetric { series[0].metric }
    var table: BaselineTable { series[0].table }

    /// "conv-table4-affine-class-identical-sampled-roc-auc".
    var name: String {
        "conv-" + Self.slug(URL(fileURLWithPath: table.file).deletingPathExtension().lastPathComponent) + "-" + Self.slug(row.displayName.split(separator: "·").last.map(String.init) ?? row.displayName)
            + "-" + metric.rawValue
    }

    static func slug(_ text: String) -> String {
        var out = "", dash = false
        for c in text.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                if dash && !out.isEmpty { out.append("-") }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        return out
    }

    /// A table's title up to its first ":" or ". " ("Table 5"), so the figure title fits its width.
    static func shortTitle(_ title: String) -> String {
        let cut = [title.range(of: ":"), title.range(of: ". ")].compactMap { $0?.lowerBound }.min()
        return cut.map { String(title[..<$0]) } ?? title
    }

    static func panelTitle(_ mass: Int?) -> String { mass.map { "\($0) GeV" } ?? "average" }

    /// One block per panel: budget, mean, sd, n, limited (0/1), the paper's value.
    func dataTable() -> DataTable {
        var data = DataTable(columns: ["budget_event_epochs", "mean", "sd", "n", "budget_limited", "paper"])
        data.notes = ["\(table.title ?? table.file): \(row.reference.row), \(metric.label) in percent, mean and sd over seeds per rung",
                      "one block per panel (gnuplot index i): " + series.enumerated().map { "\($0.offset) = \(Self.panelTitle($0.element.mass))" }.joined(separator: ", ")]
        for (i, cellSeries) in series.enumerated() {
            if i > 0 { data.appendBlockSeparator() }
            for (k, cell) in cellSeries.cells.enumerated() {
                guard let cell, let stats = cell.statistics else { continue }
                data.append([rungs[k].budget, stats.mean, stats.standardDeviation ?? 0, Double(stats.count),
                             cell.isBudgetLimited ? 1 : 0, cellSeries.reference])
            }
        }
        return data
    }

    func figure() -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let file = name + ".dat"
        let columns = 3, rows = (series.count + columns - 1) / columns
        let width = 1100, height = 330 * rows + 90
        var body = S.preamble + "\n" + ReplicateSpread.gnuplotSettings
        let title = "\(table.title.map(Self.shortTitle) ?? table.file) · \(row.reference.row) · \(metric.label) vs training budget"
        body += "set multiplot layout \(rows),\(columns) title \"\(title)\" font \",12\" margins 0.07,0.98,\(S.num(70.0 / Double(height))),\(S.num(1 - 80.0 / Double(height))) spacing 0.06,\(S.num(110.0 / Double(height)))\n"
        body += ConvergenceAxis.commands(rungs, label: true) + "\n"
        body += "set format y \"%.1f\"\n"
        for (i, cellSeries) in series.enumerated() {
            var values = [cellSeries.reference]
            for cell in cellSeries.cells.compactMap({ $0 }) {
                if let s = cell.statistics { values += [s.mean - (s.standardDeviation ?? 0), s.mean + (s.standardDeviation ?? 0)] }
            }
            let (lo, hi) = ConvergenceAxis.range(values)
            body += """

            # ── panel \(i + 1): \(Self.panelTitle(cellSeries.mass))
            set title "\(Self.panelTitle(cellSeries.mass))"
            set yrange [\(S.num(lo)):\(S.num(hi))]
            \(i % columns == 0 ? "set ylabel \"\(metric.label) (%)\"" : "unset ylabel")
            \(i == 0 ? "set key top left opaque box font \",8\"" : "unset key")
            plot \(S.num(cellSeries.reference)) with lines dt 2 lw 1.5 lc rgb "#000000" title "paper", \\
                 "\(file)" index \(i) using 1:2:3 with yerrorlines lw 2 pt 7 ps 1 lc rgb "\(color)" title "ours, mean ± 1 sd", \\
                 "\(file)" index \(i) using 1:($5 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb "\(S.leftOut)" title "budget-limited"

            """
        }
        body += "unset multiplot\n"
        let caption = "\(row.reference.row) (\(table.title ?? table.file)), \(metric.label): our mean ± 1 sd over seeds at each rung of the ladder against its training budget B (event-epochs, log scale), the paper's value dashed. Circled rungs are budget-limited: \(BudgetLimit.rule). Each panel has its own y scale."
        return GnuplotFigure(name: name, title: "\(row.reference.row), \(metric.label) vs budget (\(table.file))", caption: caption,
                             body: body, dataFiles: [file: dataTable()], width: width, height: height)
    }
}
