import Foundation
import PNNMetrics

/// `bench compare --json`: every cell with its per-seed values and statistics, every
/// claim with its effect, interval, n and verdict, and the gate's outcome. Keys are
/// sorted and numbers printed exactly (`CanonicalJSON`), so the same comparison gives the
/// same bytes. Values are in percent; intervals are 95 % Student t over seeds, null with
/// one seed.
public struct ComparisonJSON: Encodable {
    /// n, mean, sd, median, min, max and the 95 % interval [lower, upper] of the mean;
    /// sd and the interval are null for n = 1.
    public struct Statistics: Encodable {
        var n: Int
        var mean: Double
        var sd: Double?
        var median: Double
        var min: Double
        var max: Double
        var ci95: [Double]?

        init(_ s: ReplicateStatistics) {
            n = s.count
            mean = s.mean
            sd = s.standardDeviation
            median = s.median
            min = s.minimum
            max = s.maximum
            ci95 = s.interval.map { [$0.lowerBound, $0.upperBound] }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(n, forKey: "n")
            try c.encode(mean, forKey: "mean")
            try c.encode(sd, forKey: "sd")
            try c.encode(median, forKey: "median")
            try c.encode(min, forKey: "min")
            try c.encode(max, forKey: "max")
            try c.encode(ci95, forKey: "ci95")
        }
    }

    /// One check of a cell: the paper's value against the mean over seeds, or one seed's
    /// value against its recorded value.
    struct Check: Encodable {
        /// The recorded row's seed; null for a reference that stands for every seed.
        var seed: UInt64?
        var value: Double?
        var reference: Double
        var delta: Double?
        var allowed: Double
        var z: Double?
        var verdict: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(seed, forKey: "seed")
            try c.encode(value, forKey: "value")
            try c.encode(reference, forKey: "reference")
            try c.encode(delta, forKey: "delta")
            try c.encode(allowed, forKey: "allowed")
            try c.encode(z, forKey: "z")
            try c.encode(verdict, forKey: "verdict")
        }
    }

    /// A table cell (row × metric × mass) over every seed: our per-seed values and their
    /// statistics, and the checks made (one against the paper, or one per recorded seed).
    /// Its verdict is "fail" when any check fails, "missing" when no seed has a value.
    struct Cell: Encodable {
        var table: String
        var artifact: String
        var row: String
        var experiment: String?
        var metric: String
        /// Null: the average over masses.
        var mass: Int?
        var seeds: [UInt64]
        var values: [Double]
        var statistics: Statistics?
        var statisticsWithoutCollapsed: Statistics?
        var collapsedSeeds: [UInt64]
        var tolerance: Double
        var checks: [Check]
        var verdict: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(table, forKey: "table")
            try c.encode(artifact, forKey: "artifact")
            try c.encode(row, forKey: "row")
            try c.encode(experiment, forKey: "experiment")
            try c.encode(metric, forKey: "metric")
            try c.encode(mass, forKey: "mass")
            try c.encode(seeds, forKey: "seeds")
            try c.encode(values, forKey: "values")
            try c.encode(statistics?.n ?? 0, forKey: "n")
            try c.encode(statistics?.mean, forKey: "mean")
            try c.encode(statistics?.sd, forKey: "sd")
            try c.encode(statistics?.ci95, forKey: "ci95")
            try c.encode(statistics, forKey: "statistics")
            try c.encode(statisticsWithoutCollapsed, forKey: "statisticsWithoutCollapsed")
            try c.encode(collapsedSeeds, forKey: "collapsedSeeds")
            try c.encode(tolerance, forKey: "tolerance")
            try c.encode(checks, forKey: "checks")
            try c.encode(verdict, forKey: "verdict")
        }
    }

    /// A coding key from a string literal.
    struct Key: CodingKey, ExpressibleByStringLiteral {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(stringLiteral value: String) { stringValue = value }
    }

    /// A claim at one point: the effect per seed (positive in the claimed direction) and
    /// its statistics; n, mean, sd and ci95 repeated at the top for convenience.
    struct Point: Encodable {
        var label: String
        var effects: [Double]
        var margin: Double
        var statistics: Statistics?
        var verdict: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(label, forKey: "label")
            try c.encode(effects, forKey: "effects")
            try c.encode(margin, forKey: "margin")
            try c.encode(statistics?.n ?? 0, forKey: "n")
            try c.encode(statistics?.mean, forKey: "mean")
            try c.encode(statistics?.sd, forKey: "sd")
            try c.encode(statistics?.ci95, forKey: "ci95")
            try c.encode(statistics, forKey: "statistics")
            try c.encode(verdict, forKey: "verdict")
        }
    }

    struct ClaimEntry: Encodable {
        var id: String
        var statement: String
        var verdict: String
        var pointEstimate: Bool
        var n: Int
        var seeds: [UInt64]
        /// The point that decides the verdict (see `ClaimOutcome.decisivePoint`); null when not run.
        var effect: Point?
        var points: [Point]
        var detail: String

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: "id")
            try c.encode(statement, forKey: "statement")
            try c.encode(verdict, forKey: "verdict")
            try c.encode(pointEstimate, forKey: "pointEstimate")
            try c.encode(n, forKey: "n")
            try c.encode(seeds, forKey: "seeds")
            try c.encode(effect, forKey: "effect")
            try c.encode(points, forKey: "points")
            try c.encode(detail, forKey: "detail")
        }
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
    var cells: [Cell]
    var claims: [ClaimEntry]
    var collapses: [Unstable]

    public init(_ report: ComparisonReport) {
        baseline = report.baseline.kind.description
        selection = report.selection.summary
        seeds = report.seeds
        results = report.resultCount
        passed = report.passed
        failures = report.failures
        notes = report.notes
        cells = Self.group(report.cells).map { group in
            let first = group[0]
            // The cell's values: one per seed over all its checks, in run order.
            var bySeed: [UInt64: Double] = [:]
            for c in group { for (seed, value) in zip(c.seeds, c.values) { bySeed[seed] = value } }
            let seeds = report.seeds.filter { bySeed[$0] != nil }
            let values = seeds.map { bySeed[$0]! }
            let collapsed = Set(group.flatMap(\.collapsedSeeds))
            let kept = zip(seeds, values).filter { !collapsed.contains($0.0) }.map(\.1)
            let verdict: String = group.contains { $0.status == .fail } ? "fail"
                : group.contains { $0.status == .missing } ? "missing" : "pass"
            return Cell(table: URL(fileURLWithPath: first.file).lastPathComponent, artifact: first.row.reference.artifact,
                        row: first.row.reference.row, experiment: first.row.experiment, metric: first.metric.rawValue,
                        mass: first.mass, seeds: seeds, values: values,
                        statistics: (values.isEmpty ? nil : try? ReplicateStatistics(values)).map(Statistics.init),
                        statisticsWithoutCollapsed: collapsed.isEmpty || kept.isEmpty ? nil : (try? ReplicateStatistics(kept)).map(Statistics.init),
                        collapsedSeeds: seeds.filter(collapsed.contains), tolerance: first.tolerance,
                        checks: group.map { c in
                            Check(seed: c.row.seed, value: c.ours, reference: c.reference, delta: c.delta, allowed: c.allowed,
                                  z: c.zScore, verdict: c.status.rawValue)
                        },
                        verdict: verdict)
        }
        func point(_ p: ClaimOutcome.Point) -> Point {
            Point(label: p.label, effects: p.effects, margin: p.margin, statistics: p.statistics.map(Statistics.init),
                  verdict: p.status.rawValue)
        }
        claims = report.claims.map { o in
            ClaimEntry(id: o.claim.id, statement: o.claim.statement, verdict: o.status.rawValue, pointEstimate: o.isPointEstimate,
                       n: o.seeds.count, seeds: o.seeds, effect: o.decisivePoint.map(point), points: o.points.map(point),
                       detail: o.detail)
        }
        collapses = report.stability.unstable.map { e in
            Unstable(experiment: e.id, seeds: e.seeds, averageROCAUC: e.averageAUC,
                     collapsed: Dictionary(uniqueKeysWithValues: e.collapsed.map { (String($0.key), $0.value) }))
        }
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
