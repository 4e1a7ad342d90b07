import Foundation

/// One of the paper's tables (3, 4 or 5) as the report lays it out, per metric:
///
/// * "ours": one row per paper row, one column per mass and the average, our value in
///   percent (higher is better for both ROC-AUC and σ_ratio). With one seed, the value,
///   the best of each column in **bold** (equal values at the printed precision are all
///   bold). With several seeds, "mean ± sd" over seeds (n added where a cell has fewer
///   seeds than the table, † where a collapsed seed is included); the best mean is bold
///   only when its 95 % interval lies above the runner-up's, else both are *italic*: tied;
/// * "paper": the same grid holding the paper's value, Δ = ours − paper and a mark,
///   ✓ when |Δ| is within what `CellComparison.status` allows, ✗ otherwise.
///
/// The numbers come from the comparison report's cells, so the report and
/// `bench compare` can never disagree.
public struct PaperTableSection {
    public var table: BaselineTable
    /// The comparison cells of this table (same `file`).
    public var cells: [CellComparison]
    /// Whose values the reference grid holds, as the captions name them ("paper", "published").
    public var reference: String

    /// What the networks of this table's results trained on.
    public var conditions: [ComparisonReport.ResultConditions]

    public init(table: BaselineTable, cells: [CellComparison], reference: String = "paper",
                conditions: [ComparisonReport.ResultConditions] = []) {
        self.table = table
        self.cells = cells.filter { $0.file == table.file }
        self.reference = reference
        let keys = Set(self.cells.flatMap(\.resultKeys))
        self.conditions = conditions.filter { keys.contains($0.key) }
    }

    /// The training conditions in one paragraph, per data set: the signal training events
    /// at each mass (a range over seeds and experiments) beside the paper's, the
    /// background, epochs and optimiser steps; nil without recorded conditions.
    public func conditionsText() -> String? {
        guard !conditions.isEmpty else { return nil }
        func range(_ values: [Int]) -> String {
            guard let lo = values.min(), let hi = values.max() else { return "—" }
            return lo == hi ? "\(lo)" : "\(lo)–\(hi)"
        }
        var parts: [String] = []
        for dataset in Set(conditions.map(\.dataset)).sorted() {
            let networks = conditions.filter { $0.dataset == dataset }.flatMap(\.networks)
            let masses = Set(networks.flatMap { $0.points.map(\.mass) }).sorted()
            let kind = DatasetKind(rawValue: dataset)
            let perMass = masses.map { m -> String in
                let ours = range(networks.flatMap { $0.points.filter { $0.mass == m }.map(\.trainingSignal) })
                let paper = BudgetLimit.paperTrainingSignal(kind, mass: m).map { " (the paper's: \($0))" } ?? ""
                return "\(m) GeV: \(ours)\(paper)"
            }
            let steps = range(networks.map(\.optimizerSteps)), epochs = range(networks.map(\.epochs))
            parts.append("**Training conditions (\(dataset), \(conditions.filter { $0.dataset == dataset }.count) results):** "
                         + "signal training events per mass — " + perMass.joined(separator: "; ")
                         + "; background \(range(networks.map(\.trainingBackground))); \(epochs) epochs, \(steps) optimiser steps.")
        }
        if cells.contains(where: \.isBudgetLimited) {
            parts.append("‡ budget-limited: \(BudgetLimit.rule); its Δ is shown and not counted as a disagreement.")
        }
        return parts.joined(separator: "\n\n") + "\n\n"
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

    /// How a value of the "ours" grid is marked.
    public enum Emphasis: Equatable, Sendable {
        case none
        /// The best of its column (bold).
        case best
        /// Best or runner-up of its column, their intervals overlapping (italic).
        case tied
    }

    /// One printed value of the "ours" grid.
    public struct OursCell: Equatable, Sendable {
        public var text: String
        public var emphasis: Emphasis
    }

    /// Whether any cell has several seeds: the grid then shows mean ± sd.
    public var isReplicated: Bool { cells.contains { $0.count >= 2 } }

    /// The seed count most cells have (the n of the table's caption).
    public var typicalCount: Int {
        let counts = Dictionary(grouping: cells.filter { $0.count > 0 }, by: \.count).mapValues(\.count)
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
    }

    /// Our values of `metric` as printed, one array per row, one entry per column
    /// (masses, then the average): nil where the row did not run. With one seed: two
    /// decimals, `best` when the value is the highest of its column at the printed
    /// precision (what looks equal is treated equal). With several seeds see the type's
    /// documentation.
    public func oursCells(_ metric: BaselineMetric) -> [(row: String, cells: [OursCell?])] {
        // Per column, per row index.
        var emphasis: [Int: [Int: Emphasis]] = [:]
        for (index, mass) in columns.enumerated() {
            let present = table.rows.indices.compactMap { r in cell(table.rows[r], metric, mass).flatMap { c in c.ours.map { (r, c, $0) } } }
            if isReplicated {
                let ranked = present.sorted { $0.2 > $1.2 }
                guard let best = ranked.first else { continue }
                if ranked.count >= 2, Self.overlap(best.1, ranked[1].1) {
                    emphasis[index] = [best.0: .tied, ranked[1].0: .tied]
                } else {
                    emphasis[index] = [best.0: .best]
                }
            } else {
                let printed = present.map { ($0.0, Double(Self.number($0.2))!) }
                if let max = printed.map(\.1).max() {
                    emphasis[index] = Dictionary(printed.filter { $0.1 == max }.map { ($0.0, Emphasis.best) }, uniquingKeysWith: { a, _ in a })
                }
            }
        }
        let n = typicalCount
        return table.rows.enumerated().map { r, row in
            (row.reference.row, columns.enumerated().map { index, mass in
                cell(row, metric, mass).flatMap { c in
                    c.ours.map { ours in
                        var text = Self.number(ours)
                        if isReplicated {
                            text += " ± " + (c.statistics?.standardDeviation.map(Self.number) ?? "—")
                            if c.count != n { text += " (n=\(c.count))" }
                            if !c.collapsedSeeds.isEmpty { text += " †" }
                        }
                        return OursCell(text: text, emphasis: emphasis[index]?[r] ?? .none)
                    }
                }
            })
        }
    }

    /// Whether the 95 % intervals of two cells overlap (a cell of one seed is its point).
    static func overlap(_ a: CellComparison, _ b: CellComparison) -> Bool {
        guard let sa = a.statistics, let sb = b.statistics else { return true }
        let ra = sa.interval ?? (sa.mean...sa.mean), rb = sb.interval ?? (sb.mean...sb.mean)
        return ra.overlaps(rb)
    }

    /// Our values, emphasised as `oursCells` says; "—" where the row did not run.
    public func oursTable(_ metric: BaselineMetric) -> MarkdownTable {
        var out = MarkdownTable(header: header)
        for line in oursCells(metric) {
            out.append([line.row] + line.cells.map { cell in
                guard let cell else { return "—" }
                switch cell.emphasis {
                case .best: return "**\(cell.text)**"
                case .tied: return "*\(cell.text)*"
                case .none: return cell.text
                }
            })
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
                if let d = c.delta {
                    let z = isReplicated ? (c.zScore.map { String(format: ", z %+.1f", $0) } ?? "") : ""
                    let mark = c.status == .limited ? "‡" : c.status == .pass ? "✓" : "✗"
                    text += " (\(Self.delta(d)) \(mark)\(z))"
                }
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
        let limited = compared.filter { $0.status == .limited }
        var text = "\(metric.label): \(passed) of \(compared.count - limited.count) compared cells within \(tolerances) points of \(reference == "paper" ? "the paper" : "the \(reference) values")"
        if !limited.isEmpty {
            text += "; \(limited.count) budget-limited cell\(limited.count == 1 ? "" : "s") not counted (\(limited.filter { $0.deviation == .pass }.count) of them within)"
        }
        if notRun > 0 { text += "; \(notRun) row\(notRun == 1 ? "" : "s") not run" }
        return text + "."
    }

    /// "the paper's values", "the published values".
    var referenceValues: String { reference == "paper" ? "the paper's values" : "the \(reference) values" }

    /// The whole section: title, then per metric the two tables and the summary.
    public func markdown() -> String {
        var out = "### " + (table.title ?? table.file) + "\n\n"
        for metric in metrics {
            if isReplicated {
                out += "**\(metric.label) (%), ours: mean ± sd over n = \(typicalCount) seeds** — **bold**: the column's best, its 95 % "
                out += "interval above the runner-up's; *italic*: best and runner-up tied (intervals overlap); † a collapsed seed is included.\n\n"
            } else {
                out += "**\(metric.label) (%), ours** — best of each column in bold.\n\n"
            }
            out += oursTable(metric).text + "\n"
            let tolerance = Set(cells.filter { $0.metric == metric }.map(\.tolerance)).sorted().map { "±" + Self.number($0) }.joined(separator: "/")
            if isReplicated {
                out += "**\(metric.label) (%), \(referenceValues)** (Δ = mean − \(reference); ✓ |Δ| ≤ max(2·sd, \(tolerance)), i.e. the \(reference == "paper" ? "paper's" : reference) value lies within our seeds' spread; ✗ outside; z = Δ/sd).\n\n"
            } else {
                out += "**\(metric.label) (%), \(referenceValues)** (Δ = ours − \(reference); ✓ |Δ| ≤ \(tolerance), ✗ outside).\n\n"
            }
            out += paperTable(metric).text + "\n"
            out += summary(metric) + "\n\n"
        }
        return out + (conditionsText() ?? "")
    }
}
