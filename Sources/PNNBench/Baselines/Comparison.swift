/// Checks results against a baseline: every cell of every table, and every claim.
public enum Comparison {
    /// Compares `results` (one per experiment and seed, see `ResultSelection`) with
    /// `baseline`; `stale` results were not used, and their cells count as missing. A
    /// row's results are those whose `spec.id` equals the row's
    /// `experiment`, or else whose `spec.reproduces` equals the row's artifact and row;
    /// a row with a seed takes only that seed's result (see `CellComparison` for the rules).
    ///
    /// Rows recorded for seeds outside `results.seeds` are not compared (a note counts
    /// them); a recorded baseline without any row of a seed that was asked for says so.
    public static func compare(results: ReplicateResults, baseline: BaselineSet, selection: ResultSelection = ResultSelection(),
                               notes: [String] = [], stale: [StaleResult] = []) -> ComparisonReport {
        var notes = notes
        let stability = ReplicateStability(results)
        var cells: [CellComparison] = []
        var matchedIDs = Set<String>()
        var recordedSeeds = Set<UInt64>()
        var skippedRows = 0
        for table in baseline.tables {
            // A recorded file from before rows carried seeds holds the one seed of its metadata.
            let fileSeed: UInt64? = baseline.kind == .paper ? nil : table.metadata["seed"].flatMap { UInt64($0) }
            for var row in table.rows {
                if row.seed == nil { row.seed = fileSeed }
                if let seed = row.seed {
                    recordedSeeds.insert(seed)
                    guard results.seeds.contains(seed) else { skippedRows += 1; continue }
                }
                let matching = results.all.filter(row.matches)
                let ids = Array(Set(matching.map(\.spec.id))).sorted()
                if ids.count > 1 {
                    // Two experiments claiming one table row is a suite error; say which one counts.
                    notes.append("\(ids.count) experiments match \(row.displayName) (\(ids.joined(separator: ", "))); compared: \(ids[0])")
                }
                let runs = matching.filter { $0.spec.id == ids.first }
                if let id = ids.first { matchedIDs.insert(id) }
                let collapsed = stability.collapsedSeeds(of: ids.first ?? "")
                func cell(_ metric: BaselineMetric, mass: Int?, reference: Double, tolerance: Double) -> CellComparison {
                    let valued = runs.compactMap { run in metric.percent(run, mass: mass).map { (run, $0) } }
                    var cell = CellComparison(file: table.file, row: row, metric: metric, mass: mass,
                                              seeds: valued.map(\.0.seed), values: valued.map(\.1),
                                              reference: reference, tolerance: tolerance, resultKeys: valued.map(\.0.key),
                                              collapsedSeeds: valued.map(\.0.seed).filter(collapsed.contains))
                    // A recorded baseline was made at the same budget: only the paper's values judge it.
                    if baseline.kind == .paper {
                        cell.shortfalls = Array(Set(valued.flatMap { BudgetLimit.shortfalls($0.0, mass: mass) })).sorted()
                    }
                    return cell
                }
                for metric in BaselineMetric.allCases {
                    guard let tolerance = row.tolerance[metric] else { continue }
                    for (index, reference) in (row.values[metric] ?? []).enumerated() {
                        guard let reference else { continue }
                        cells.append(cell(metric, mass: table.masses[index], reference: reference, tolerance: tolerance))
                    }
                    if let reference = row.averages[metric] {
                        cells.append(cell(metric, mass: nil, reference: reference, tolerance: tolerance))
                    }
                }
            }
        }
        if skippedRows > 0 {
            notes.append("\(skippedRows) recorded row(s) of other seeds than \(results.seeds.map(String.init).joined(separator: ", ")) not compared")
        }
        if !recordedSeeds.isEmpty {
            let unrecorded = results.seeds.filter { !recordedSeeds.contains($0) }
            if !unrecorded.isEmpty {
                notes.append("seed(s) \(unrecorded.map(String.init).joined(separator: ", ")) not in the recorded baseline (record with `bench baseline record --seeds …`); their results are not checked cell by cell")
            }
        }
        let claims = baseline.claims.map { $0.evaluate(on: results) }
        let unmatched = results.experimentIDs.filter { !matchedIDs.contains($0) }
        let conditions = results.all.compactMap { r -> ComparisonReport.ResultConditions? in
            let networks = r.training.compactMap(\.conditions)
            return networks.isEmpty ? nil : .init(key: r.key, experiment: r.spec.id, seed: r.seed, dataset: r.spec.dataset.rawValue, networks: networks)
        }
        return ComparisonReport(baseline: baseline, selection: selection, seeds: results.seeds,
                                resultCount: results.all.count, cells: cells, claims: claims, stability: stability,
                                unmatchedExperiments: unmatched, notes: notes, stale: stale, conditions: conditions)
    }

    /// One seed's results (one per experiment).
    public static func compare(results: [RunResult], baseline: BaselineSet, selection: ResultSelection = ResultSelection(),
                               notes: [String] = []) -> ComparisonReport {
        let seeds = selection.seeds ?? Array(Set(results.map(\.seed))).sorted()
        return compare(results: ReplicateResults(seeds: seeds, results: results), baseline: baseline,
                       selection: selection, notes: notes)
    }
}
