import Foundation
import PNNData
import PNNEngine

/// The convergence report (`bench report --scale ladder`): for every rung of the ladder
/// with results, the paper's claims and the cells of its tables, as tables, CSV and
/// gnuplot figures against the training budget. Written to
/// `Reports/convergence-<data>` (the paper's suite) or `Reports/convergence-<suite>-<data>`.
public struct ConvergenceReport {
    public let study: ConvergenceStudy
    public let environment: ReportEnvironment
    /// `study.cellSeries()` and `study.claimSeries()`, computed once.
    let cells: [ConvergenceStudy.CellSeries]
    let claims: [ConvergenceStudy.ClaimSeries]

    public init(study: ConvergenceStudy, environment: ReportEnvironment) {
        self.study = study
        self.environment = environment
        cells = study.cellSeries()
        claims = study.claimSeries()
    }

    public static func folderName(suite: String, data: DataChoice) -> String {
        suite == "paper" ? "convergence-\(data.rawValue)" : "convergence-\(suite)-\(data.rawValue)"
    }

    public static let cellsFileName = "convergence-cells.csv"
    public static let claimsFileName = "convergence-claims.csv"

    var rungs: [(name: String, budget: Double)] { study.rungs.map { ($0.scale.name, $0.budget) } }

    /// The claims figure, then one figure per table row and metric.
    func figures() -> [GnuplotFigure] {
        var figures: [GnuplotFigure] = []
        if !claims.isEmpty { figures.append(ConvergenceClaimsFigure(series: claims, rungs: rungs).figure()) }
        for group in rowGroups() {
            let color = study.specs[group[0].row.reference].map(ResultFigureStyle.color(for:)) ?? ResultFigureStyle.pnn
            figures.append(ConvergenceCellFigure(series: group, rungs: rungs, color: color).figure())
        }
        return figures
    }

    /// The cell series grouped by table, row and metric, in table order.
    func rowGroups() -> [[ConvergenceStudy.CellSeries]] {
        var groups: [[ConvergenceStudy.CellSeries]] = []
        for series in cells {
            if let last = groups.last?.last, last.table.file == series.table.file, last.row == series.row, last.metric == series.metric {
                groups[groups.count - 1].append(series)
            } else {
                groups.append([series])
            }
        }
        return groups
    }

    // MARK: - CSV

    /// One line per cell and rung: table (its file's stem, "table3"), row, metric, mass (empty: average), rung, B (an integer), n,
    /// mean, sd, the paper's value, Δ, the cell's status at that rung and, when budget-limited, the short points.
    public func cellsCSV() -> String {
        var lines = ["table,row,metric,mass,rung,budget_event_epochs,n,mean,sd,paper,delta,status,short_points"]
        for series in cells {
            for (k, cell) in series.cells.enumerated() {
                guard let cell, let stats = cell.statistics else { continue }
                lines.append([series.table.stem, series.row.reference.row, series.metric.rawValue, series.mass.map(String.init) ?? "",
                              study.rungs[k].scale.name, SignalGrid.shortestText(study.rungs[k].budget), String(stats.count), Self.number(stats.mean),
                              stats.standardDeviation.map(Self.number) ?? "", Self.number(series.reference), Self.number(stats.mean - series.reference),
                              cell.status.rawValue, cell.shortfalls.map(\.text).joined(separator: "; ")]
                    .map(PaperTableSection.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per claim and rung: verdict, the deciding point, n, mean effect and its
    /// 95 % interval, the margin, and where the claim settles.
    public func claimsCSV() -> String {
        var lines = ["claim,rung,budget_event_epochs,verdict,point,n,effect_mean,ci95_low,ci95_high,margin,settling"]
        for series in claims {
            for (k, outcome) in series.outcomes.enumerated() {
                let point = outcome.decisivePoint
                let stats = point?.statistics
                var interval = ["", ""]
                if let stats, let half = stats.halfWidth { interval = [Self.number(stats.mean - half), Self.number(stats.mean + half)] }
                let fields: [String] = [series.claim.id, study.rungs[k].scale.name, SignalGrid.shortestText(study.rungs[k].budget), outcome.status.rawValue,
                                        point?.label ?? "", stats.map { String($0.count) } ?? "", stats.map { Self.number($0.mean) } ?? ""]
                    + interval + [point.map { Self.number($0.margin) } ?? "", series.settling.text]
                lines.append(fields.map(PaperTableSection.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ v: Double) -> String { DataTable.format(v) }

    // MARK: - Markdown

    func markdown(figures: [GnuplotFigure], rendering: ReportBuilder.Rendering) -> String {
        var out = "# PNNBench convergence ladder — suite `\(study.suite)`, \(study.data.displayName)\n\n"
        out += "Every cell of the published tables and every claim, at each rung of the ladder that has results, against the "
        out += "training budget B = 0.75 · trainEvents · epochs (event-epochs of the HEPMASS training part; `Suites/scales.yaml`). "
        out += "Written by `bench report --scale ladder` from the stored results; each rung is what `bench compare --scale <rung> --baseline paper` says there.\n\n"
        if study.data == .sim {
            out += "> **These are not HEPMASS numbers**: every network was trained and tested on HEPMASS-SIM, PNNBench's embedded generator. "
            out += "The paper's values are for orientation; what carries over is how cells and claims move with the budget.\n\n"
        }
        out += rungsSection() + claimsSection() + collapsesSection() + cellsSection()
            + ReportBuilder.figuresSection(figures: figures, omitted: [], rendering: rendering, renderCommand: "bench report --scale ladder --render")
            + environmentSection()
        return out
    }

    func rungsSection() -> String {
        var table = MarkdownTable(header: ["rung", "train events", "test events", "epochs", "B (event-epochs)", "row results", "seeds"],
                                  alignments: [.left, .right, .right, .right, .right, .right, .left])
        for rung in study.rungs {
            let s = rung.scale
            table.append([s.name, s.trainEvents.map(String.init) ?? "all", s.testEvents.map(String.init) ?? "all", String(s.epochs),
                          ConvergenceAxis.budgetText(rung.budget), String(rung.comparison.resultCount),
                          rung.comparison.seeds.map(String.init).joined(separator: ", ")])
        }
        let missing = study.ladder.rungs.map(\.name).filter { name in !study.rungs.contains { $0.scale.name == name } }
        var out = "## Rungs\n\n" + table.text + "\n"
        if !missing.isEmpty { out += "Rungs of the ladder without results (not shown): \(missing.joined(separator: ", ")).\n\n" }
        return out
    }

    /// "holds +3.10 [1.20, 5.00] (n = 3)" for one claim at one rung.
    static func verdictCell(_ outcome: ClaimOutcome) -> String {
        guard outcome.status != .notRun else { return "not run" }
        let word = outcome.status.rawValue
        guard let point = outcome.decisivePoint, let s = point.statistics else { return word }
        var text = word + " " + String(format: "%+.2f", s.mean)
        if let h = s.halfWidth { text += String(format: " [%.2f, %.2f]", s.mean - h, s.mean + h) }
        return text + " (n = \(s.count))"
    }

    func claimsSection() -> String {
        guard !claims.isEmpty else { return "" }
        var table = MarkdownTable(header: ["claim"] + study.rungs.map(\.scale.name) + ["where it settles"],
                                  alignments: [.left] + study.rungs.map { _ in .left } + [.left])
        for series in claims {
            table.append(["`\(series.claim.id)`"] + series.outcomes.map(Self.verdictCell) + [series.settling.text])
        }
        var out = "## Claims\n\n"
        out += "Verdict at each rung with the effect of the deciding point (better − worse, points) and its 95 % interval over the seeds "
        out += "(\(ClaimSettling.Kind.settledAtDefault.rawValue): the verdict no longer changes from the default rung up; settles at R: from rung R up, "
        out += "confirmed by a larger rung or reached at the paper's budget; not settled: inconclusive at the largest rung, or changed there). "
        out += "Full numbers: `tables/\(Self.claimsFileName)`.\n\n"
        return out + table.text + "\n"
    }

    /// The experiments with a collapsed seed at some rung (`ReplicateStability`), with the
    /// collapsed seeds of each rung: whether collapses fade with the budget.
    func collapsesSection() -> String {
        var ids: [String] = []
        for rung in study.rungs {
            for experiment in rung.comparison.stability.unstable where !ids.contains(experiment.id) { ids.append(experiment.id) }
        }
        var out = "## Collapsed seeds\n\n"
        guard !ids.isEmpty else { return out + "No seed collapsed at any rung (\(ReplicateStability.rulesSummary)).\n\n" }
        out += "Seeds flagged as collapsed at each rung (\(ReplicateStability.rulesSummary)); — where the rung has no result of the experiment.\n\n"
        var table = MarkdownTable(header: ["experiment"] + study.rungs.map(\.scale.name), alignments: [.left] + study.rungs.map { _ in .left })
        for id in ids.sorted() {
            table.append(["`\(id)`"] + study.rungs.map { rung -> String in
                guard let experiment = rung.comparison.stability.experiment(id) else { return "—" }
                let collapsed = experiment.collapsed.keys.sorted()
                return "\(collapsed.count) of \(experiment.seeds.count)" + (collapsed.isEmpty ? "" : " (\(collapsed.map(String.init).joined(separator: ", ")))")
            })
        }
        return out + table.text + "\n"
    }

    func cellsSection() -> String {
        let series = cells
        guard !series.isEmpty else { return "" }
        var out = "## Cells of the paper's tables\n\n"
        out += "Per table and rung: cells within the paper's tolerance, outside it, and budget-limited (\(BudgetLimit.rule); shown, not counted). "
        out += "Below it, the average over masses of each row (mean ± sd over seeds, ‡ budget-limited) next to the paper's. "
        out += "Every cell at every rung: `tables/\(Self.cellsFileName)`.\n\n"
        var tables: [String] = []
        for s in series where !tables.contains(s.table.file) { tables.append(s.table.file) }
        for file in tables {
            let mine = series.filter { $0.table.file == file }
            out += "### \(mine[0].table.title ?? file)\n\n"
            var counts = MarkdownTable(header: ["rung", "within", "outside", "budget-limited", "without result"],
                                       alignments: [.left, .right, .right, .right, .right])
            for (k, rung) in study.rungs.enumerated() {
                let cells = mine.compactMap { $0.cells[k] }
                counts.append([rung.scale.name, String(cells.filter { $0.status == .pass }.count), String(cells.filter { $0.status == .fail }.count),
                               String(cells.filter { $0.status == .limited }.count), String(cells.filter { $0.status == .missing }.count)])
            }
            out += counts.text + "\n"
            for metric in BaselineMetric.allCases {
                let averages = mine.filter { $0.metric == metric && $0.mass == nil }
                guard !averages.isEmpty else { continue }
                var table = MarkdownTable(header: ["\(metric.label), average (%)"] + study.rungs.map(\.scale.name) + ["paper"],
                                          alignments: [.left] + study.rungs.map { _ in .right } + [.right])
                for s in averages {
                    table.append([s.row.reference.row] + s.cells.map { cell -> String in
                        guard let cell, let stats = cell.statistics else { return "—" }
                        let sd = stats.standardDeviation.map { String(format: " ± %.2f", $0) } ?? ""
                        return String(format: "%.2f", stats.mean) + sd + (cell.isBudgetLimited ? " ‡" : "")
                    } + [String(format: "%.2f", s.reference)])
                }
                out += table.text + "\n"
            }
        }
        return out
    }

    func environmentSection() -> String {
        "## Environment\n\nEngine \(environment.engineVersion), git commit \(environment.gitCommit). The results were trained where the ladder ran; "
            + "their timings are in the store beside each result (`<key>.timing.json`).\n"
    }

    // MARK: - Write

    /// Writes report.md, `figures/` and `tables/` into `directory`, rendering the figures
    /// with `gnuplot` when `render` (as `ReportBuilder.write`).
    public func write(to directory: URL, render: Bool, gnuplot: URL?) throws -> ReportBuilder.Output {
        let figures = figures()
        try ReportBuilder.writeFigures(figures, in: directory)
        let tables = directory.appendingPathComponent(ReportBuilder.tablesFolderName)
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try AtomicFile.write(Data(cellsCSV().utf8), to: tables.appendingPathComponent(Self.cellsFileName).path)
        try AtomicFile.write(Data(claimsCSV().utf8), to: tables.appendingPathComponent(Self.claimsFileName).path)
        let rendering = try ReportBuilder.writeReport(figures: figures, in: directory, render: render, gnuplot: gnuplot) {
            markdown(figures: figures, rendering: $0)
        }
        return ReportBuilder.Output(directory: directory, figures: figures, omitted: [], rendering: rendering)
    }
}
