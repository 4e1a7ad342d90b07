import PNNData

/// A signal point of a declared data set as the report's tables and figures name it: the
/// id results carry (`RunResult.MassResult.mass`) and the parameter values — the id itself
/// for one whole-number parameter, otherwise the values stored beside it (`point`).
struct ResultPoint: Hashable {
    var id: Int
    var values: [Double]

    init(id: Int, values: [Double]) {
        self.id = id
        self.values = values
    }

    init(_ result: RunResult.MassResult) {
        self.init(id: result.mass, values: result.point ?? [Double(result.mass)])
    }

    /// Every point any of `runs` was evaluated at, in the data's lexicographic order.
    static func union(_ runs: [RunResult]) -> [ResultPoint] {
        var seen = Set<ResultPoint>()
        let points = runs.flatMap { $0.perMass.map(ResultPoint.init) }.filter { seen.insert($0).inserted }
        return points.sorted { ParameterPoint.precedes($0.values.map(Float.init), $1.values.map(Float.init)) }
    }

    /// "300" for one parameter, "mX=400, mY=50" for several (`ParameterPoint.label`).
    func label(names: [String]) -> String {
        ParameterPoint.label(values.map(Float.init), names: names)
    }

    /// Whether `spec` trained on this point: it lists the point in `trainPoints` (or the
    /// mass in `trainMasses`), or trains on every point. Compared as Float, the precision
    /// of the events and of the runner's comparison.
    func isTrained(by spec: ExperimentSpec) -> Bool {
        if let points = spec.trainPoints {
            let own = values.map(Float.init)
            return points.contains { $0.map(Float.init) == own }
        }
        if let masses = spec.trainMasses { return values.count == 1 && masses.contains(id) }
        return true
    }
}
