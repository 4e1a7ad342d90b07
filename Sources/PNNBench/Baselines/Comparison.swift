/// Checks results against a baseline: every cell of every table, and every claim.
public enum Comparison {
    /// Compares `results` (already selected: one per experiment, see `ResultSelection`)
    /// with `baseline`. A row's result is the one whose `spec.id` equals the row's
    /// `experiment`, or else whose `spec.reproduces` equals the row's artifact and row.
    ///
    /// Cell: ours = 100 × metric of the result at the mass (or its `average`), in percent;
    /// pass ⇔ |ours − reference| ≤ tolerance.
    public static func compare(results: [RunResult], baseline: BaselineSet, selection: ResultSelection = ResultSelection(),
                               notes: [String] = []) -> ComparisonReport {
        var notes = notes
        var cells: [CellComparison] = []
        var matchedIDs = Set<String>()
        for table in baseline.tables {
            for row in table.rows {
                let candidates = results.filter(row.matches)
                let result = candidates.first
                if candidates.count > 1 {
                    // Two experiments claiming one table row is a suite error; say which one counts.
                    notes.append("\(candidates.count) experiments match \(row.displayName) (\(candidates.map(\.spec.id).joined(separator: ", "))); compared: \(candidates[0].spec.id)")
                }
                if let result { matchedIDs.insert(result.spec.id) }
                for metric in BaselineMetric.allCases {
                    guard let tolerance = row.tolerance[metric] else { continue }
                    for (index, reference) in (row.values[metric] ?? []).enumerated() {
                        guard let reference else { continue }
                        let mass = table.masses[index]
                        cells.append(CellComparison(file: table.file, row: row, metric: metric, mass: mass,
                                                    ours: result.flatMap { metric.percent($0, mass: mass) },
                                                    reference: reference, tolerance: tolerance, resultKey: result?.key))
                    }
                    if let reference = row.averages[metric] {
                        cells.append(CellComparison(file: table.file, row: row, metric: metric, mass: nil,
                                                    ours: result.map { metric.percent($0.average) },
                                                    reference: reference, tolerance: tolerance, resultKey: result?.key))
                    }
                }
            }
        }
        let claims = baseline.claims.map { $0.evaluate(on: results) }
        let unmatched = results.map(\.spec.id).filter { !matchedIDs.contains($0) }
        return ComparisonReport(baseline: baseline, selection: selection, resultCount: results.count,
                                cells: cells, claims: claims, unmatchedExperiments: unmatched, notes: notes)
    }
}
