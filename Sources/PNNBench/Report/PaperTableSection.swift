import Foundation

/// One of the paper's tables (3, 4 or 5) as the report lays it out, per metric:
///
/// * "ours": one row per paper row, one column per mass and the average, our value in
///   percent; the best value of each column among our rows in **bold** (higher is better
///   for both ROC-AUC and σ_ratio; equal values at the printed precision are all bold);
/// * "paper": the same grid holding the paper's value, Δ = ours − paper and a mark,
///   ✓ when |Δ| ≤ the table's tolerance, ✗ otherwise (`CellComparison.status`).
///
/// The numbers come from the comparison report's cells, so the report and
/// `bench compare` can never disagree.
public struct PaperTableSection {
    public var table: BaselineTable
    /// The comparison cells of this table (same `file`).
    public var cells: [CellComparison]

    public init(table: BaselineTable, cells: [CellComparison]) {
        self.table = table
        self.cells = cells.filter { $0.file == table.file }
    }

    /// The metrics the table carries, in `BaselineMetric` order.
    public var metrics: [BaselineMetric] {
        BaselineMetric.allCases.filter { metric in cells.contains { $0.metric == metric } }
    }

    /// Column masses then the average (nil).
    var columns: [Int?] { table.masses.map { Optional($0) } + [nil] }

    func cell(_ row: BaselineRow, _ metric: BaselineMetric, _ mass: Int?) -> CellComparison? {
        cells.first { $0.row == row && $0.metric == metric && $0.mass == mass }
    }

    static func number(_ x: Double) -> String { String(format: "%.2f", x) }

    static func delta(_ d: Double) -> String {
        let text = String(format: "%+.2f", d)
        return text == "-0.00" ? "+0.00" : text
    }

    private var header: [String] {
        ["row"] + table.masses.map { "\($0) GeV" } + ["average"]
    }

    /// Our values of `metric` as printed (two decimals), one array per row, one entry per
    /// column (masses, then the average): nil where the row did not run, `best` when the
    /// value is the highest of its column at the printed precision (so that what looks
    /// equal is treated equal).
    public func oursCells(_ metric: BaselineMetric) -> [(row: String, cells: [(text: String, best: Bool)?])] {
        var best: [Int: Double] = [:]
        for (index, mass) in columns.enumerated() {
            let values = table.rows.compactMap { cell($0, metric, mass)?.ours }.map { Double(Self.number($0))! }
            if let max = values.max() { best[index] = max }
        }
        return table.rows.map { row in
            (row.reference.row, columns.enumerated().map { index, mass in
                cell(row, metric, mass)?.ours.map { ours in
                    let text = Self.number(ours)
                    return (text, Double(text)! == best[index])
                }
            })
        }
    }

    /// Our values with the best of each column in bold; "—" where the row did not run.
    public func oursTable(_ metric: BaselineMetric) -> MarkdownTable {
        var out = MarkdownTable(header: header)
        for line in oursCells(metric) {
            out.append([line.row] + line.cells.map { $0.map { $0.best ? "**\($0.text)**" : $0.text } ?? "—" })
        }
        return out
    }

    /// The paper's values, with Δ and ✓/✗ where we have a value.
    public func paperTable(_ metric: BaselineMetric) -> MarkdownTable {
        var out = MarkdownTable(header: header)
        for row in table.rows {
            var line = [row.reference.row]
            for mass in columns {
                guard let c = cell(row, metric, mass) else { line.append("—"); continue }
                var text = Self.number(c.reference)
                if let d = c.delta { text += " (\(Self.delta(d)) \(c.status == .pass ? "✓" : "✗"))" }
                line.append(text)
            }
            out.append(line)
        }
        return out
    }

    /// "ROC-AUC: 31 of 36 cells within ±1.00 points; 2 rows not run."
    public func summary(_ metric: BaselineMetric) -> String {
        let metricCells = cells.filter { $0.metric == metric }
        let compared = metricCells.filter { $0.status != .missing }
        let passed = compared.filter { $0.status == .pass }.count
        let tolerances = Set(metricCells.map(\.tolerance)).sorted().map { "±" + Self.number($0) }.joined(separator: "/")
        let notRun = table.rows.filter { row in
            let rowCells = metricCells.filter { $0.row == row }
            return !rowCells.isEmpty && rowCells.allSatisfy { $0.status == .missing }
        }.count
        var text = "\(metric.label): \(passed) of \(compared.count) compared cells within \(tolerances) points of the paper"
        if notRun > 0 { text += "; \(notRun) row\(notRun == 1 ? "" : "s") not run" }
        return text + "."
    }

    /// The whole section: title, then per metric the two tables and the summary.
    public func markdown() -> String {
        var out = "### " + (table.title ?? table.file) + "\n\n"
        for metric in metrics {
            out += "**\(metric.label) (%), ours** — best of each column in bold.\n\n"
            out += oursTable(metric).text + "\n"
            let tolerance = Set(cells.filter { $0.metric == metric }.map(\.tolerance)).sorted().map { "±" + Self.number($0) }.joined(separator: "/")
            out += "**\(metric.label) (%), the paper's values** (Δ = ours − paper; ✓ |Δ| ≤ \(tolerance), ✗ outside).\n\n"
            out += paperTable(metric).text + "\n"
            out += summary(metric) + "\n\n"
        }
        return out
    }
}
