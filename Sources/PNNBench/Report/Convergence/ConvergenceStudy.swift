import PNNMetrics

/// The paper's cells and claims at every rung of a convergence ladder that has results:
/// what `bench report --scale ladder` tabulates and draws.
///
/// Each rung is the ordinary comparison of that scale's results with the published
/// values (`ComparisonReport`), so a cell at a rung is exactly what `bench compare` says
/// at that scale: mean ± sd over the seeds, the paper's value, and whether the cell is
/// budget-limited (`BudgetLimit`).
public struct ConvergenceStudy: Sendable {
    public struct Rung: Sendable {
        public var scale: Scale
        public var comparison: ComparisonReport
        /// B, training event-epochs (`ConvergenceLadder.eventEpochs`).
        public var budget: Double { ConvergenceLadder.eventEpochs(scale) }
    }

    public var suite: String
    public var data: DataChoice
    /// The rungs with results, in ladder order.
    public var rungs: [Rung]
    public var ladder: ConvergenceLadder
    /// The suite's experiment of each paper row (figure colours follow the model).
    public var specs: [PaperReference: ExperimentSpec] = [:]

    /// One cell of a published table (row × metric × mass, or the average) across rungs.
    public struct CellSeries: Sendable {
        public var table: BaselineTable
        public var row: BaselineRow
        public var metric: BaselineMetric
        /// Nil: the average over masses.
        public var mass: Int?
        public var reference: Double
        /// Per rung of the study (same order): the cell there, nil when the rung lacks it.
        public var cells: [CellComparison?]
    }

    /// Every cell of the published tables that some rung has a value for, in table,
    /// row, metric and mass order (the average last).
    public func cellSeries() -> [CellSeries] {
        guard let baseline = rungs.first?.comparison.baseline else { return [] }
        var index: [String: CellComparison] = [:]
        for (k, rung) in rungs.enumerated() {
            for cell in rung.comparison.cells { index[Self.key(cell.file, cell.row, cell.metric, cell.mass, k)] = cell }
        }
        var series: [CellSeries] = []
        for table in baseline.tables {
            for row in table.rows {
                for metric in BaselineMetric.allCases where row.values[metric] != nil || row.averages[metric] != nil {
                    for mass in table.masses.map(Optional.some) + [nil] {
                        let cells = rungs.indices.map { index[Self.key(table.file, row, metric, mass, $0)] }
                        guard let reference = cells.compactMap({ $0 }).first?.reference,
                              cells.contains(where: { ($0?.count ?? 0) > 0 }) else { continue }
                        series.append(CellSeries(table: table, row: row, metric: metric, mass: mass, reference: reference, cells: cells))
                    }
                }
            }
        }
        return series
    }

    private static func key(_ file: String, _ row: BaselineRow, _ metric: BaselineMetric, _ mass: Int?, _ rung: Int) -> String {
        "\(file)\u{1}\(row.reference.artifact)\u{1}\(row.reference.row)\u{1}\(row.experiment ?? "")\u{1}\(metric.rawValue)\u{1}\(mass.map(String.init) ?? "avg")\u{1}\(rung)"
    }

    /// One claim across rungs.
    public struct ClaimSeries: Sendable {
        public var claim: Claim
        /// Per rung of the study (same order): the claim's outcome there.
        public var outcomes: [ClaimOutcome]
        public var settling: ClaimSettling
    }

    /// Every claim of the baseline, with how its verdict moves up the ladder.
    public func claimSeries() -> [ClaimSeries] {
        guard let claims = rungs.first?.comparison.claims else { return [] }
        return claims.map { first in
            let outcomes = rungs.map { rung in
                rung.comparison.claims.first { $0.claim.id == first.claim.id } ?? ClaimOutcome(claim: first.claim, status: .notRun, detail: "")
            }
            return ClaimSeries(claim: first.claim, outcomes: outcomes,
                               settling: ClaimSettling(verdicts: zip(rungs, outcomes).map { ($0.0.scale.name, $0.1.status) },
                                                       ladder: ladder))
        }
    }
}
