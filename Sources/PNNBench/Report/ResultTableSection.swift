import Foundation
import PNNMetrics

/// One artifact of the suite as a table of our own results, for the artifacts whose
/// published numbers (if any) do not give every per-mass value — the paper's tables do,
/// the conditioning study's single averages do not. One row per suite row of the
/// artifact, one column per mass and the average; per metric (ROC-AUC and PR-AUC in the
/// report, every metric in the CSV) the value in percent, with several seeds
/// "mean ± sd" over the seeds that ran (n added where a cell has fewer seeds).
public struct ResultTableSection {
    public var artifact: Suite.Artifact
    public var masses: [Int]
    /// Suite rows in file order with the results of every seed (empty: not run).
    public var rows: [(row: String, runs: [RunResult])]
    /// The seeds of the report: a cell with fewer is marked with its n.
    public var seedCount: Int

    public static let reportMetrics: [BaselineMetric] = [.rocAUC, .prAUC]

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
        self.masses = suite.masses
        self.rows = suite.entries(of: artifact.id).map { entry in
            (entry.reproduces.row, replicates.all.filter { $0.spec.reproduces == entry.reproduces })
        }
        self.seedCount = replicates.seeds.count
    }

    /// Column masses then the average (nil).
    var columns: [Int?] { masses.map { Optional($0) } + [nil] }

    /// The values of one cell over the seeds, in percent.
    func values(_ runs: [RunResult], _ metric: BaselineMetric, _ mass: Int?) -> [Double] {
        runs.compactMap { metric.percent($0, mass: mass) }.filter(\.isFinite)
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
        var out = MarkdownTable(header: ["row"] + masses.map { "\($0) GeV" } + ["average"])
        for (row, runs) in rows {
            out.append([row] + columns.map { text(values(runs, metric, $0)) })
        }
        return out
    }

    public var fileStem: String { artifact.id + "-results" }

    /// Every cell at full precision: row, metric, mass ("average"), n, mean, sd, values.
    public func csv() -> String {
        var lines = ["row,metric,mass,n,mean,sd,values"]
        for (row, runs) in rows {
            for metric in BaselineMetric.allCases {
                for mass in columns {
                    let v = values(runs, metric, mass)
                    let statistics = try? ReplicateStatistics(v)
                    let quoted = "\"" + row.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    lines.append([quoted, metric.rawValue, mass.map(String.init) ?? "average", "\(v.count)",
                                  statistics.map { "\($0.mean)" } ?? "", statistics?.standardDeviation.map { "\($0)" } ?? "",
                                  v.map { "\($0)" }.joined(separator: " ")].joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        var out = "### \(artifact.title) — our results\n\n"
        let ran = rows.filter { !$0.runs.isEmpty }.count
        for metric in Self.reportMetrics {
            out += "**\(metric.label) (%)\(seedCount > 1 ? ": mean ± sd over n = \(seedCount) seeds" : "")**\n\n"
            out += table(metric).text + "\n"
        }
        if ran < rows.count { out += "\(rows.count - ran) of \(rows.count) rows not run.\n\n" }
        out += "Every metric at full precision: `tables/\(fileStem).csv`.\n\n"
        return out
    }
}
