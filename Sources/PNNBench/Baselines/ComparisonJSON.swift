import Foundation
import PNNMetrics

/// `bench compare --json`: every cell with its per-seed values and statistics, every
/// claim with its effect, interval, n and verdict, and the gate's outcome. Keys are
/// sorted and numbers printed exactly (`CanonicalJSON`), so the same comparison gives the
/// same bytes. Values are in percent; intervals are 95 % Student t over seeds. A value
/// that does not exist (sd and interval of one seed, z with sd = 0, the mass of an
/// average) is written as null, never left out, so every entry has the same keys. Cells
/// carry whether they are budget-limited (`BudgetLimit`) and `conditions` what every
/// compared result's networks trained on.
public struct ComparisonJSON: Encodable {
    /// n, mean, sd, median, min, max and the 95 % interval [lower, upper] of the mean.
    public struct Statistics: Encodable {
        var n: Int
        var mean: Double
        @Null var sd: Double?
        var median: Double
        var min: Double
        var max: Double
        @Null var ci95: [Double]?

        init(_ s: ReplicateStatistics) {
            n = s.count
            mean = s.mean
            sd = s.standardDeviation
            median = s.median
            min = s.minimum
            max = s.maximum
            ci95 = s.interval.map { [$0.lowerBound, $0.upperBound] }
        }
    }

    /// One check of a cell: the paper's value against the mean over seeds, or one seed's
    /// value against its recorded value.
    struct Check: Encodable {
        /// The recorded row's seed; null for a reference that stands for every seed.
        @Null var seed: UInt64?
        @Null var value: Double?
        var reference: Double
        @Null var delta: Double?
        var allowed: Double
        @Null var z: Double?
        var verdict: String
        /// pass or fail by distance alone, also for a budget-limited cell.
        var deviation: String
    }

    /// A table cell (row × metric × mass) over every seed: our per-seed values, their
    /// statistics (n, mean, sd and ci95 also at the top), and the checks made (one against
    /// the paper, or one per recorded seed). Its verdict is "fail" when any check fails,
    /// "missing" when one has no value.
    struct Cell: Encodable {
        var table: String
        var artifact: String
        var row: String
        @Null var experiment: String?
        var metric: String
        /// Null: the average over masses.
        @Null var mass: Int?
        var seeds: [UInt64]
        var values: [Double]
        var n: Int
        @Null var mean: Double?
        @Null var sd: Double?
        @Null var ci95: [Double]?
        @Null var statistics: Statistics?
        @Null var statisticsWithoutCollapsed: Statistics?
        var collapsedSeeds: [UInt64]
        var tolerance: Double
        var checks: [Check]
        /// "limited" when the cell is budget-limited (`BudgetLimit`): its Δ is not counted.
        var verdict: String
        var budgetLimited: Bool
        /// The training points below the budget floor, over all seeds.
        var shortfalls: [BudgetLimit.Shortfall]
    }

    /// What one result's networks trained on (`TrainingConditions`: events per training
    /// point, background, epochs, batch size, steps).
    struct Conditions: Encodable {
        var experiment: String
        var seed: UInt64
        var dataset: String
        var networks: [TrainingConditions]
    }

    /// A claim at one point: the effect per seed (positive in the claimed direction) and
    /// its statistics.
    struct Point: Encodable {
        var label: String
        var effects: [Double]
        var margin: Double
        var n: Int
        @Null var mean: Double?
        @Null var sd: Double?
        @Null var ci95: [Double]?
        var verdict: String
    }

    struct ClaimEntry: Encodable {
        var id: String
        var statement: String
        var verdict: String
        var pointEstimate: Bool
        var n: Int
        var seeds: [UInt64]
        /// The point that decides the verdict (see `ClaimOutcome.decisivePoint`); null when not run.
        @Null var effect: Point?
        var points: [Point]
        var detail: String
    }

    /// A stored result of another definition, not used (`StaleResult`).
    struct Stale: Encodable {
        var experiment: String
        var seed: UInt64
        var storedKey: String
        var expectedKey: String
        var differences: [String]
        var olderStale: Int
        var message: String
    }

    struct Unstable: Encodable {
        var experiment: String
        var seeds: [UInt64]
        var averageROCAUC: [Double]
        var collapsed: [String: [String]]
    }

    var baseline: String
    var selection: String
    var seeds: [UInt64]
    var results: Int
    var passed: Bool
    var failures: [String]
    var notes: [String]
    var stale: [Stale]
    var cells: [Cell]
    var claims: [ClaimEntry]
    var collapses: [Unstable]
    var conditions: [Conditions]
    /// The signal floor of `BudgetLimit`, in training events.
    var budgetFloor: Int

    public init(_ report: ComparisonReport) {
        baseline = report.baseline.kind.description
        selection = report.selection.summary
        seeds = report.seeds
        results = report.resultCount
        passed = report.passed
        failures = report.failures
        notes = report.notes
        stale = report.stale.map { Stale(experiment: $0.experiment, seed: $0.seed, storedKey: $0.storedKey, expectedKey: $0.expectedKey,
                                         differences: $0.differences, olderStale: $0.older, message: $0.message) }
        cells = Self.group(report.cells).map { Self.cell($0, seedOrder: report.seeds) }
        claims = report.claims.map { o in
            ClaimEntry(id: o.claim.id, statement: o.claim.statement, verdict: o.status.rawValue, pointEstimate: o.isPointEstimate,
                       n: o.seeds.count, seeds: o.seeds, effect: o.decisivePoint.map(Self.point), points: o.points.map(Self.point),
                       detail: o.detail)
        }
        conditions = report.conditions.map { c in
            Conditions(experiment: c.experiment, seed: c.seed, dataset: c.dataset, networks: c.networks)
        }
        budgetFloor = BudgetLimit.signalFloor
        collapses = report.stability.unstable.map { e in
            Unstable(experiment: e.id, seeds: e.seeds, averageROCAUC: e.averageAUC,
                     collapsed: Dictionary(uniqueKeysWithValues: e.collapsed.map { (String($0.key), $0.value) }))
        }
    }

    /// One cell from its checks: the values of every seed over all of them, in run order.
    static func cell(_ group: [CellComparison], seedOrder: [UInt64]) -> Cell {
        let first = group[0]
        var bySeed: [UInt64: Double] = [:]
        for c in group { for (seed, value) in zip(c.seeds, c.values) { bySeed[seed] = value } }
        let seeds = seedOrder.filter { bySeed[$0] != nil }
        let values = seeds.map { bySeed[$0]! }
        let collapsed = Set(group.flatMap(\.collapsedSeeds))
        let kept = zip(seeds, values).filter { !collapsed.contains($0.0) }.map(\.1)
        let statistics = (values.isEmpty ? nil : try? ReplicateStatistics(values)).map(Statistics.init)
        let verdict = group.contains { $0.status == .fail } ? "fail" : group.contains { $0.status == .missing } ? "missing"
            : group.contains { $0.status == .limited } ? "limited" : "pass"
        let shortfalls = Array(Set(group.flatMap(\.shortfalls))).sorted()
        return Cell(table: URL(fileURLWithPath: first.file).lastPathComponent, artifact: first.row.reference.artifact,
                    row: first.row.reference.row, experiment: first.row.experiment, metric: first.metric.rawValue,
                    mass: first.mass, seeds: seeds, values: values, n: values.count, mean: statistics?.mean,
                    sd: statistics?.sd, ci95: statistics?.ci95, statistics: statistics,
                    statisticsWithoutCollapsed: collapsed.isEmpty || kept.isEmpty ? nil : (try? ReplicateStatistics(kept)).map(Statistics.init),
                    collapsedSeeds: seeds.filter(collapsed.contains), tolerance: first.tolerance,
                    checks: group.map { c in
                        Check(seed: c.row.seed, value: c.ours, reference: c.reference, delta: c.delta, allowed: c.allowed,
                              z: c.zScore, verdict: c.status.rawValue, deviation: c.deviation.rawValue)
                    },
                    verdict: verdict, budgetLimited: !shortfalls.isEmpty,
                    shortfalls: shortfalls)
    }

    static func point(_ p: ClaimOutcome.Point) -> Point {
        let s = p.statistics.map(Statistics.init)
        return Point(label: p.label, effects: p.effects, margin: p.margin, n: p.effects.count, mean: s?.mean, sd: s?.sd,
                     ci95: s?.ci95, verdict: p.status.rawValue)
    }

    /// The cells of one table row, metric and mass together (a recorded baseline has one
    /// per seed), in the report's order.
    static func group(_ cells: [CellComparison]) -> [[CellComparison]] {
        var order: [String] = [], groups: [String: [CellComparison]] = [:]
        for c in cells {
            let key = [c.file, c.row.experiment ?? "", c.row.reference.artifact, c.row.reference.row, c.metric.rawValue,
                       c.mass.map(String.init) ?? "average"].joined(separator: "\u{1F}")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(c)
        }
        return order.map { groups[$0]! }
    }

    /// The JSON text, ending in a newline.
    public func text() throws -> String {
        String(decoding: try CanonicalJSON.fileData(self), as: UTF8.self)
    }
}

/// An optional that encodes as JSON null when absent (synthesised `Encodable` leaves the
/// key out), so consumers see the same keys in every entry.
@propertyWrapper
struct Null<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
