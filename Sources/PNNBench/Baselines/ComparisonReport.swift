import Foundation
import PNNEngine

/// The outcome of `Comparison.compare`: every cell and claim, and whether the gate passes.
public struct ComparisonReport: Sendable {
    public var baseline: BaselineSet
    public var selection: ResultSelection
    /// The seeds asked for, in order.
    public var seeds: [UInt64]
    /// How many results (experiment × seed) were compared.
    public var resultCount: Int
    public var cells: [CellComparison]
    public var claims: [ClaimOutcome]
    /// Which seeds of each experiment collapsed.
    public var stability: ReplicateStability
    /// Experiments with a result but no baseline row (sim: not recorded yet; paper: the
    /// figures, which have no table).
    public var unmatchedExperiments: [String]
    /// Remarks from selecting the results (duplicates etc.).
    public var notes: [String]
    /// Experiments and seeds whose stored result is of another definition (not used).
    public var stale: [StaleResult] = []
    /// What each compared result's networks trained on, by experiment and seed (results
    /// without recorded conditions are left out).
    public var conditions: [ResultConditions] = []

    /// The training conditions of one result.
    public struct ResultConditions: Sendable {
        public var key: String
        public var experiment: String
        public var seed: UInt64
        public var dataset: String
        public var networks: [TrainingConditions]
    }

    public var failedCells: [CellComparison] { cells.filter { $0.status == .fail } }
    public var missingCells: [CellComparison] { cells.filter { $0.status == .missing } }
    public var failedClaims: [ClaimOutcome] { claims.filter { $0.status == .fails } }

    /// Why the gate fails, one reason per line; empty when it passes.
    public var failures: [String] {
        var reasons: [String] = []
        if !failedCells.isEmpty { reasons.append("\(failedCells.count) cell(s) outside tolerance") }
        if baseline.missingResultFails {
            let rows = Set(missingCells.map(\.row.displayName))
            if !rows.isEmpty {
                let staleNote = stale.isEmpty ? "" : " (\(stale.count) stale result(s) of another definition not used)"
                reasons.append("\(rows.count) recorded experiment(s) without a result" + staleNote)
            }
        }
        if baseline.claimsGate && !failedClaims.isEmpty { reasons.append("\(failedClaims.count) claim(s) fail") }
        if cells.allSatisfy({ $0.status == .missing }) {
            reasons.append("no result matched any baseline row (nothing was compared; run the experiments first)")
        }
        return reasons
    }

    /// Exit status 0 ⇔ true.
    public var passed: Bool { failures.isEmpty }

    /// A plain-text report: one line per cell (self-contained, so `grep FAIL` works on a
    /// CI log), then the claims, then a summary.
    public func render() -> String {
        var out: [String] = []
        out.append("Comparison with the \(baseline.kind) baseline — \(resultCount) result(s) of \(selection.summary)")
        let replicated = cells.contains { $0.count >= 2 }
        if cells.contains(where: \.isBudgetLimited) {
            out.append("limited = budget-limited: \(BudgetLimit.rule); Δ is shown, not counted")
        }
        if replicated {
            out.append("cells of several seeds: ours = mean over seeds, sd = their standard deviation; ok when |Δ| ≤ allowed = max(2·sd, tolerance), z = Δ/sd")
        }
        for note in notes { out.append("note: \(note)") }
        for entry in stale { out.append("stale: \(entry.message)") }
        if baseline.kind == .paper && selection.dataSources == ["sim"] {
            out.append("note: the paper's tables are HEPMASS numbers; on HEPMASS-SIM the cells are expected to differ and the claims are what carries over")
        }
        let nameWidth = min(56, max(12, cells.map { $0.row.displayName.count }.max() ?? 12))
        func pad(_ s: String, _ n: Int) -> String { TextColumns.pad(s, n) }
        func lpad(_ s: String, _ n: Int) -> String { TextColumns.pad(s, n, rightAligned: true) }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "—" }
        let missingWord = baseline.missingResultFails ? "MISSING" : "not run"
        for table in baseline.tables {
            let tableCells = cells.filter { $0.file == table.file }
            guard !tableCells.isEmpty else { continue }
            out.append("")
            out.append("\(table.title ?? table.file)  [\(table.file)]")
            let tableReplicated = tableCells.contains { $0.count >= 2 }
            let seedTitle = tableCells.contains { $0.row.seed != nil } ? lpad("seed", 6) : ""
            out.append(pad("row", nameWidth) + seedTitle + "  " + pad("metric", 8) + lpad("mass", 5) + lpad("ours", 9)
                       + (tableReplicated ? lpad("sd", 7) + lpad("n", 4) : "")
                       + lpad("reference", 11) + lpad("Δ", 8) + lpad(tableReplicated ? "allowed" : "tol", 8)
                       + (tableReplicated ? lpad("z", 7) : "") + "  status")
            var shownRows = Set<String>()
            for cell in tableCells {
                // A row without any result is one line, not one per cell.
                let rowName = cell.row.displayName
                let rowCells = tableCells.filter { $0.row.displayName == rowName && $0.row.seed == cell.row.seed }
                if cell.status == .missing && rowCells.allSatisfy({ $0.status == .missing }) {
                    if shownRows.insert(rowName + (cell.row.seed.map { " \($0)" } ?? "")).inserted {
                        out.append(pad(rowName, nameWidth) + (cell.row.seed.map { lpad(String($0), 6) } ?? "") + "  "
                                   + pad("(no result: \(rowCells.count) cells)", 56) + "  " + missingWord)
                    }
                    continue
                }
                let delta = cell.delta.map { d -> String in
                    let text = String(format: "%+.2f", d)
                    return text == "-0.00" ? "+0.00" : text
                } ?? "—"
                let status: String
                switch cell.status {
                case .pass: status = "ok"
                case .fail: status = "FAIL"
                case .missing: status = missingWord
                case .limited: status = "limited"
                }
                var line = pad(rowName, nameWidth) + (seedTitle.isEmpty ? "" : lpad(cell.row.seed.map(String.init) ?? "", 6))
                line += "  " + pad(cell.metric.label, 8) + lpad(cell.mass.map(String.init) ?? "avg", 5) + lpad(num(cell.ours), 9)
                if tableReplicated {
                    line += lpad(cell.statistics?.standardDeviation.map { String(format: "%.2f", $0) } ?? "—", 7) + lpad(String(cell.count), 4)
                }
                line += lpad(num(cell.reference), 11) + lpad(delta, 8) + lpad("±" + String(format: "%.2f", cell.allowed), 8)
                if tableReplicated { line += lpad(cell.zScore.map { String(format: "%+.1f", $0) } ?? "—", 7) }
                line += "  " + status
                if cell.isBudgetLimited {
                    line += "  (budget: " + cell.shortfalls.map(\.text).joined(separator: "; ") + ")"
                }
                if !cell.collapsedSeeds.isEmpty {
                    line += "  (collapsed: seed \(cell.collapsedSeeds.map(String.init).joined(separator: ", "))"
                    if let kept = cell.statisticsWithoutCollapsed { line += "; without: " + num(kept.mean) }
                    line += ")"
                }
                out.append(line)
            }
        }
        if !claims.isEmpty {
            out.append("")
            out.append("Claims" + (baseline.claimsGate ? "" : " (shown only: they do not gate a \(baseline.kind) comparison)"))
            out.append(seeds.count == 1
                       ? "one seed: each verdict is a point estimate without uncertainty (--seeds 3 or more gives intervals)"
                       : "verdicts over \(seeds.count) seeds, paired: holds = the 95% interval of the effect lies beyond the margin in the claimed direction, fails = beyond it the other way, inconclusive = it contains the margin")
            for outcome in claims {
                let word: String
                switch outcome.status {
                case .holds: word = "holds"
                case .fails: word = baseline.claimsGate ? "FAILS" : "fails"
                case .inconclusive: word = "inconclusive"
                case .notRun: word = "not run"
                }
                out.append(pad(word, 12) + "  " + outcome.claim.id + ": " + outcome.claim.statement)
                out.append(String(repeating: " ", count: 14) + outcome.detail)
            }
        }
        let unstable = stability.unstable
        if seeds.count > 1 || !unstable.isEmpty {
            out.append("")
            out.append("Stability: \(unstable.count) of \(stability.experiments.count) experiment(s) with a collapsed seed"
                       + " (collapsed: \(ReplicateStability.rulesSummary))")
            for experiment in unstable {
                out.append("  \(experiment.id): \(experiment.summary) — "
                           + experiment.collapsed.keys.sorted().map { "seed \($0): \(experiment.collapsed[$0]!.joined(separator: "; "))" }.joined(separator: "; "))
            }
        }
        if !unmatchedExperiments.isEmpty {
            out.append("")
            switch baseline.kind {
            case .paper:
                out.append("\(unmatchedExperiments.count) experiment(s) have no table row (figures): \(unmatchedExperiments.joined(separator: ", "))")
            case .sim(let scale):
                out.append("\(unmatchedExperiments.count) experiment(s) are not in the recorded baseline (add them with `bench baseline record --scale \(scale)`): \(unmatchedExperiments.joined(separator: ", "))")
            }
        }
        out.append("")
        let passed = cells.filter { $0.status == .pass }.count
        var summary = "cells: \(passed) within tolerance, \(failedCells.count) outside, \(missingCells.count) without a result"
        let limited = cells.filter { $0.status == .limited }
        if !limited.isEmpty {
            summary += ", \(limited.count) budget-limited (not counted; \(limited.filter { $0.deviation == .pass }.count) of them within tolerance)"
        }
        if !stale.isEmpty { summary += " (\(stale.count) stale result(s) not used)" }
        if !baseline.missingResultFails && !missingCells.isEmpty { summary += " (not a failure against the paper)" }
        out.append(summary)
        let count = { (s: ClaimOutcome.Status) in claims.filter { $0.status == s }.count }
        out.append("claims: \(count(.holds)) hold, \(count(.fails)) fail, \(count(.inconclusive)) inconclusive, \(count(.notRun)) not run"
                   + (seeds.count == 1 ? " (one seed: point estimates)" : " (n = \(seeds.count) seeds)"))
        out.append(self.passed ? "result: PASSED" : "result: FAILED — " + failures.joined(separator: "; "))
        return out.joined(separator: "\n") + "\n"
    }
}
