/// The signal points of a weighted grid sample (`GridSample`): every resonance mass m_X
/// (GeV) with every relative width Γ_X/m_X, the Cartesian product masses × widths. Both
/// lists are sorted ascending and the points are mass-major: point p = i·W + j holds mass i
/// and width j of W widths. Without widths the grid has one physics parameter, m_X, and
/// every point gets the given default width (`SimulationParameters.resonanceRelativeWidth`).
public struct SignalGrid: Hashable, Sendable {
    /// Sorted, distinct, finite and > 0.
    public let masses: [Double]
    /// Sorted, distinct, finite and > 0; nil when the width is not a parameter of the grid.
    public let widths: [Double]?
    /// masses × widths, mass-major.
    public let points: [SignalPoint]

    /// - Throws: `DataError.invalidRequest` naming the value for an empty list, a mass or
    ///   width that is not finite and > 0, or one given twice.
    public init(masses: [Double], widths: [Double]? = nil, defaultRelativeWidth: Double) throws {
        self.masses = try Self.validated(masses, what: "signal mass", unit: " GeV")
        self.widths = try widths.map { try Self.validated($0, what: "relative width Γ/m", unit: "") }
        let ws = self.widths ?? [defaultRelativeWidth]
        points = self.masses.flatMap { m in ws.map { SignalPoint(mass: m, relativeWidth: $0) } }
    }

    /// Names of the parameter columns: `mX`, then `width` when the widths are a parameter.
    public var parameterNames: [String] { widths == nil ? ["mX"] : ["mX", "width"] }

    /// Point `p`'s parameter values as written: the shortest text of each (`500`, `0.06`).
    public func parameterTexts(_ p: Int) -> [String] {
        let point = points[p]
        return [Self.shortestText(point.mass)] + (widths == nil ? [] : [Self.shortestText(point.relativeWidth)])
    }

    /// Signal events per point and the background count for `events` events in all: the
    /// largest-remainder apportioning of `events` over the weights (1, …, 1, P) for P
    /// points — half signal split evenly over the points, half background, extra events
    /// to the earlier entries — as `EventComposition.balanced` splits its masses.
    /// - Throws: `DataError.invalidRequest` when `events` < 2P: every point needs at
    ///   least one signal event.
    public func composition(events: Int) throws -> (signal: [Int], background: Int) {
        let p = points.count
        guard events >= 2 * p else {
            throw DataError.invalidRequest("\(events) events are too few for \(p) signal points: half the events are signal and every point needs at least one, so at least \(2 * p) are needed")
        }
        let counts = EventComposition.apportion(events, weights: [Double](repeating: 1, count: p) + [Double(p)])
        return (Array(counts[0..<p]), counts[p])
    }

    /// Integers without a decimal point (`500`), other values as Swift's shortest text
    /// that reads back to the same Double (`0.06`, `512.5`).
    public static func shortestText(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    private static func validated(_ values: [Double], what: String, unit: String) throws -> [Double] {
        guard !values.isEmpty else { throw DataError.invalidRequest("the signal grid needs at least one \(what)") }
        for v in values where !(v.isFinite && v > 0) {
            throw DataError.invalidRequest("\(what) \(shortestText(v))\(unit): expected a finite value > 0")
        }
        let sorted = values.sorted()
        for k in 1..<sorted.count where sorted[k] == sorted[k - 1] {
            throw DataError.invalidRequest("\(what) \(shortestText(sorted[k]))\(unit) is given twice; the values must be distinct")
        }
        return sorted
    }
}
