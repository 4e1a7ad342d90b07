import Foundation
import PNNEngine

/// The outcome of `Comparison.compare`: every cell and claim, and whether the gate passes.
public struct ComparisonReport: Sendable {
    public var baseline: BaselineSet
    public var selection: ResultSelection
    /// How many results were compared.
    public var resultCount: Int
    public var cells: [CellComparison]
    public var claims: [ClaimOutcome]
    /// Experiments with a result but no baseline row (sim: not recorded yet; paper: the
    /// figures, which have no table).
    public var unmatchedExperiments: [String]
    /// Remarks from selecting the results (duplicates etc.).
    public var notes: [String]

    public var failedCells: [CellComparison] { cells.filter { $0.status == .fail } }
    public var missingCells: [CellComparison] { cells.filter { $0.status == .missing } }
    public var failedClaims: [ClaimOutcome] { claims.filter { $0.status == .fails } }

    /// Why the gate fails, one reason per line; empty when it passes.
    public var failures: [String] {
        var reasons: [String] = []
        if !failedCells.isEmpty { reasons.append("\(failedCells.count) cell(s) outside tolerance") }
        if baseline.missingResultFails {
            let rows = Set(missingCells.map(\.row.displayName))
            if !rows.isEmpty { reasons.append("\(rows.count) recorded experiment(s) without a result") }
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
        for note in notes { out.append("note: \(note)") }
        if baseline.kind == .paper && selection.dataSource == "sim" {
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
            out.append(pad("row", nameWidth) + "  " + pad("metric", 8) + lpad("mass", 5) + lpad("ours", 9)
                       + lpad("reference", 11) + lpad("Δ", 8) + lpad("tol", 8) + "  status")
            var shownRows = Set<String>()
            for cell in tableCells {
                // A row without any result is one line, not one per cell.
                let rowName = cell.row.displayName
                let rowCells = tableCells.filter { $0.row.displayName == rowName }
                if cell.status == .missing && rowCells.allSatisfy({ $0.status == .missing }) {
                    if shownRows.insert(rowName).inserted {
                        out.append(pad(rowName, nameWidth) + "  " + pad("(no result: \(rowCells.count) cells)", 56) + "  " + missingWord)
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
                }
                out.append(pad(rowName, nameWidth) + "  " + pad(cell.metric.label, 8)
                           + lpad(cell.mass.map(String.init) ?? "avg", 5) + lpad(num(cell.ours), 9) + lpad(num(cell.reference), 11)
                           + lpad(delta, 8) + lpad("±" + String(format: "%.2f", cell.tolerance), 8) + "  " + status)
            }
        }
        if !claims.isEmpty {
            out.append("")
            out.append("Claims of the paper" + (baseline.claimsGate ? "" : " (shown only: they do not gate a \(baseline.kind) comparison)"))
            for outcome in claims {
                let word: String
                switch outcome.status {
                case .holds: word = "holds"
                case .fails: word = baseline.claimsGate ? "FAILS" : "fails"
                case .notRun: word = "not run"
                }
                out.append(pad(word, 8) + "  " + outcome.claim.id + ": " + outcome.claim.statement)
                out.append(String(repeating: " ", count: 10) + outcome.detail)
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
        if !baseline.missingResultFails && !missingCells.isEmpty { summary += " (not a failure against the paper)" }
        out.append(summary)
        let count = { (s: ClaimOutcome.Status) in claims.filter { $0.status == s }.count }
        out.append("claims: \(count(.holds)) hold, \(count(.fails)) fail, \(count(.notRun)) not run")
        out.append(self.passed ? "result: PASSED" : "result: FAILED — " + failures.joined(separator: "; "))
        return out.joined(separator: "\n") + "\n"
    }
}
