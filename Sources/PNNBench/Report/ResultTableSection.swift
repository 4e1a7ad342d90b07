import Foundation
import PNNMetrics

/// One artifact of the suite as a table of our own results, for the artifacts whose
/// published numbers (if any) do not give every per-mass value — the paper's tables do,
/// the conditioning study's single averages do not. One row per suite row of the
/// artifact, one column per mass and the average; per metric (ROC-AUC and PR-AUC in the
/// report, every metric in the CSV) the value in percent, with several seeds
/// "mean ± sd" over the seeds that ran (n added where a cell has fewer seeds).
///
/// When a row uses a data set the suite declares, the columns are every signal point the
/// rows' results hold, labelled by value ("300") or by parameter ("mX=400, mY=50"), the
/// report shows σ_ratio too, and a cell whose point the row's network never trained on
/// (not in its `trainPoints`) is marked with `leftOutMark`: there the network interpolates.
public struct ResultTableSection {
    public var artifact: Suite.Artifact
    /// The columns before the average: the suite's masses, or the points of declared data.
    var points: [ResultPoint]
    /// The declared data set's parameter names; nil when every row is on HEPMASS, whose
    /// columns are the suite's masses in GeV.
    var parameterNames: [String]?
    /// Suite rows in file order with their experiment and the results of every seed
    /// (empty: not run).
    var rows: [(row: String, spec: ExperimentSpec?, runs: [RunResult])]
    /// The seeds of the report: a cell with fewer is marked with its n.
    public var seedCount: Int

    public static let reportMetrics: [BaselineMetric] = [.rocAUC, .prAUC]
    /// On declared data σ_ratio is shown too: no published table decides the metrics, and
    /// the significance gain is what an analysis using the network looks for.
    public static let declaredReportMetrics: [BaselineMetric] = [.rocAUC, .prAUC, .sigmaRatio]
    /// Marks a cell at a point left out of the row's training.
    public static let leftOutMark = "*"

    /// The artifacts of `suite` that get a results table: no figure (`fig…`) and not
    /// covered, every row at every mass, by a table of `baseline`.
    public static func artifacts(of suite: Suite, baseline: BaselineSet) -> [Suite.Artifact] {
        suite.artifacts.filter { artifact in
            guard !artifact.id.hasPrefix("fig") else { return false }
            let rows = suite.entries(of: artifact.id).map(\.reproduces)
            guard !rows.isEmpty else { return false }
            let covered = baseline.tables.contains { table in
                Set(table.masses) == Set(suite.masses) && rows.allSatisfy { reference in
                    table.rows.contains { $0.reference == reference && ($0.values[.rocAUC]?.allSatisfy { $0 != nil } ?? false) }
                }
            }
            return !covered
        }
    }

    public init(artifact: Suite.Artifact, suite: Suite, replicates: ReplicateResults) {
        self.artifact = artifact
        self.rows = suite.entries(of: artifact.id).map { entry in
            (entry.reproduces.row, suite.experiment(reproducing: entry.reproduces),
             replicates.all.filter { $0.spec.reproduces == entry.reproduces })
        }
        if let declared = rows.compactMap(\.spec).first(where: { $0.dataset.isDeclared }) {
            self.parameterNames = suite.parameterNames(declared.dataset)
            self.points = ResultPoint.union(rows.flatMap(\.runs))
        } else {
            self.parameterNames = nil
            self.points = suite.masses.map { ResultPoint(id: $0, values: [Double($0)]) }
        }
        self.seedCount = replicates.seeds.count
    }

    var isDeclared: Bool { parameterNames != nil }

    /// The metrics report.md shows.
    public var metrics: [BaselineMetric] { isDeclared ? Self.declaredReportMetrics : Self.reportMetrics }

    /// Column points then the average (nil).
    var columns: [ResultPoint?] { points.map { Optional($0) } + [nil] }

    /// A column's header: "500 GeV" on HEPMASS, the point's label on declared data.
    func header(_ point: ResultPoint) -> String {
        parameterNames.map { point.label(names: $0) } ?? "\(point.id) GeV"
    }

    /// Whether the cell (row, point) is at a point the row's network did not train on;
    /// only declared data are marked (HEPMASS tables keep their published form).
    func isLeftOut(_ spec: ExperimentSpec?, _ point: ResultPoint?) -> Bool {
        guard isDeclared, let spec, let point else { return false }
        return !point.isTrained(by: spec)
    }

    /// The values of one cell over the seeds, in percent.
    func values(_ runs: [RunResult], _ metric: BaselineMetric, _ point: ResultPoint?) -> [Double] {
        runs.compactMap { metric.percent($0, mass: point?.id) }.filter(\.isFinite)
    }

    func text(_ values: [Double]) -> String {
        guard let statistics = try? ReplicateStatistics(values) else { return "—" }
        var text = PaperTableSection.number(statistics.mean)
        if seedCount > 1 {
            text += " ± " + (statistics.standardDeviation.map(PaperTableSection.number) ?? "—")
            if values.count != seedCount { text += " (n=\(values.count))" }
        }
        return text
    }

    public func table(_ metric: BaselineMetric) -> MarkdownTable {
        var out = MarkdownTable(header: ["row"] + points.map(header) + ["average"])
        for (row, spec, runs) in rows {
            out.append([row] + columns.map { point in
                let cell = values(runs, metric, point)
                return text(cell) + (!cell.isEmpty && isLeftOut(spec, point) ? Self.leftOutMark : "")
            })
        }
        return out
    }

    /// Whether a row that ran left out a point, so that the table has marked cells.
    var marksLeftOut: Bool {
        rows.contains { row in !row.runs.isEmpty && points.contains { isLeftOut(row.spec, $0) } }
    }

    public var fileStem: String { artifact.id + "-results" }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Every cell at full precision: row, metric, mass ("average"), n, mean, sd, values;
    /// on declared data the point's label and id and whether the row trained on it
    /// (1/0, empty for the average) in place of the mass.
    public func csv() -> String {
        var lines = [isDeclared ? "row,metric,point,point_id,trained,n,mean,sd,values" : "row,metric,mass,n,mean,sd,values"]
        for (row, spec, runs) in rows {
            for metric in BaselineMetric.allCases {
                for point in columns {
                    let v = values(runs, metric, point)
                    let statistics = try? ReplicateStatistics(v)
                    let pointColumns: [String] = isDeclared
                        ? [point.map { Self.quoted(header($0)) } ?? "average", point.map { "\($0.id)" } ?? "",
                           point == nil || spec == nil ? "" : (isLeftOut(spec, point) ? "0" : "1")]
                        : [point.map { "\($0.id)" } ?? "average"]
                    lines.append(([Self.quoted(row), metric.rawValue] + pointColumns + ["\(v.count)",
                                  statistics.map { "\($0.mean)" } ?? "", statistics?.standardDeviation.map { "\($0)" } ?? "",
                                  v.map { "\($0)" }.joined(separator: " ")]).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        var out = "### \(artifact.title) — our results\n\n"
        if let parameterNames {
            out += "Columns: the signal points (\(parameterNames.joined(separator: ", "))) the results were tested at, then "
            out += "their average."
            if marksLeftOut {
                out += " \(Self.leftOutMark) marks a point left out of the row's training (`trainPoints`): there the network "
                out += "interpolates (or extrapolates) from the points it was trained on."
            }
            out += "\n\n"
        }
        let ran = rows.filter { !$0.runs.isEmpty }.count
        for metric in metrics {
            out += "**\(metric.label) (%)\(seedCount > 1 ? ": mean ± sd over n = \(seedCount) seeds" : "")**\n\n"
            out += table(metric).text + "\n"
        }
        if ran < rows.count { out += "\(rows.count - ran) of \(rows.count) rows not run.\n\n" }
        out += "Every metric at full precision: `tables/\(fileStem).csv`.\n\n"
        return out
    }
}
