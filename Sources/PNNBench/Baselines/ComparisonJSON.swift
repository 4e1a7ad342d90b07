import Foundation
import PNNMetrics

/// `bench compare --json`: every cell with its per-seed values and statistics, every
/// claim with its effect, interval, n and verdict, and the gate's outcome. Keys are
/// sorted and numbers printed exactly (`CanonicalJSON`), so the same comparison gives the
/// same bytes. Values are in percent; intervals are 95 % Student t over seeds, null with
/// one seed.
public struct ComparisonJSON: Encodable {
    public struct Statistics: Encodable {
        var n: Int
        var mean: Double
        var sd: Double?
        var median: Double
        var min: Double
        var max: Double
        /// [lower, upper] of the 95 % interval of the mean; nil for n = 1.
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
    }

    struct Cell: Encodable {
        var table: String
        var artifact: String
        var row: String
        var experiment: String?
        /// The recorded row's seed; nil for a row that stands for every seed (the paper's).
        var baselineSeed: UInt64?
        var metric: String
        /// Nil: the average over masses.
        var mass: Int?
        var seeds: [UInt64]
        var values: [Double]
        var statistics: Statistics?
        var statisticsWithoutCollapsed: Statistics?
        var collapsedSeeds: [UInt64]
        var reference: Double
        var delta: Double?
        var tolerance: Double
        /// The largest |delta| that passes: the tolerance, or max(2·sd, tolerance) over seeds.
        var allowed: Double
        var z: Double?
        var verdict: String
    }

    struct Point: Encodable {
        var label: String
        var effects: [Double]
        var margin: Double
        var statistics: Statistics?
        var verdict: String
    }

    struct ClaimEntry: Encodable {
        var id: String
        var statement: String
        var verdict: String
        var pointEstimate: Bool
        var n: Int
        var seeds: [UInt64]
        /// The point that decides the verdict (see `ClaimOutcome.decisivePoint`).
        var effect: Point?
        var points: [Point]
        var detail: String
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
        cells = report.cells.map { c in
            Cell(table: c.file.components(separatedBy: "/").last ?? c.file, artifact: c.row.reference.artifact, row: c.row.reference.row,
                 experiment: c.row.experiment, baselineSeed: c.row.seed, metric: c.metric.rawValue, mass: c.mass,
                 seeds: c.seeds, values: c.values, statistics: c.statistics.map(Statistics.init),
                 statisticsWithoutCollapsed: c.statisticsWithoutCollapsed.map(Statistics.init), collapsedSeeds: c.collapsedSeeds,
                 reference: c.reference, delta: c.delta, tolerance: c.tolerance, allowed: c.allowed, z: c.zScore,
                 verdict: c.status.rawValue)
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

    /// The JSON text, ending in a newline.
    public func text() throws -> String {
        String(decoding: try CanonicalJSON.fileData(self), as: UTF8.self)
    }
}
