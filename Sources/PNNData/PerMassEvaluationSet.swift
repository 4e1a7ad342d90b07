import PNNEngine

/// A data set seen one signal point at a time, as pNNs are validated and evaluated.
///
/// For each point m_i (a mass for HEPMASS; a p-vector in general) the set is all signal
/// events at m_i followed by all background events, the signal with parameters m_i and
/// the background with
/// - `validation(...)` (paper §4.3.1): a point drawn from the signal points M, as in
///   identical-sampled, drawn once per (m_i, event) from the `.massSampling` stream at
///   index 1000 + i (position = event index), so every epoch is validated on the same
///   set and the chosen epoch does not depend on sampling noise;
/// - `test(...)` (paper §6): m := m_i, the hypothesis being tested.
///
/// Nothing is copied per point: `fill` gathers rows into the caller's buffers, so a
/// validation pass over 1.75M events × 5 masses needs only a batch of memory. The
/// original class balance is kept (no batch balancing in validation, paper §4.3.1).
public struct PerMassEvaluationSet {
    public let dataset: EventDataset
    /// The points evaluated, sorted.
    public let points: [[Float]]
    /// Signal rows at each point.
    public let signalRows: [[Int]]
    /// All background rows.
    public let backgroundRows: [Int]
    private let backgroundMassKeys: [UInt64]?

    /// The masses evaluated (GeV) of a one-parameter data set.
    public var masses: [Float] { points.map { $0[0] } }

    /// Validation set: background mass ~ M (`masses`, default all signal masses).
    public static func validation(_ d: EventDataset, masses: [Float]? = nil, seed: UInt64) -> PerMassEvaluationSet {
        validation(d, points: masses.map { $0.map { [$0] } }, seed: seed)
    }

    /// Validation set: background point ~ M (`points`, default all signal points).
    public static func validation(_ d: EventDataset, points: [[Float]]?, seed: UInt64) -> PerMassEvaluationSet {
        let ps = (points ?? d.signalPoints).sorted(by: ParameterPoint.precedes)
        let keys = ps.indices.map { RandomStream.key(seed: seed, purpose: .massSampling, index: 1000 + UInt64($0)) }
        return PerMassEvaluationSet(d, points: ps, keys: keys)
    }

    /// Test set: background point := m_i.
    public static func test(_ d: EventDataset, masses: [Float]? = nil) -> PerMassEvaluationSet {
        PerMassEvaluationSet(d, points: (masses.map { $0.map { [$0] } } ?? d.signalPoints).sorted(by: ParameterPoint.precedes), keys: nil)
    }

    private init(_ d: EventDataset, points: [[Float]], keys: [UInt64]?) {
        dataset = d
        self.points = points
        signalRows = points.map { d.signalIndices(point: $0) }
        backgroundRows = d.indices(label: 0)
        backgroundMassKeys = keys
    }

    /// Events evaluated at point index k.
    public func count(massIndex k: Int) -> Int { signalRows[k].count + backgroundRows.count }

    /// Event index of row r of point index k.
    @inline(__always) public func event(massIndex k: Int, row r: Int) -> Int {
        r < signalRows[k].count ? signalRows[k][r] : backgroundRows[r - signalRows[k].count]
    }

    /// The point given to row r at point index k: k itself, or the background's draw.
    @inline(__always) func pointIndex(massIndex k: Int, row r: Int) -> Int {
        if r < signalRows[k].count { return k }
        guard let keys = backgroundMassKeys else { return k }
        let i = backgroundRows[r - signalRows[k].count]
        return BatchSampler.drawIndex(SplitMix64.value(key: keys[k], index: UInt64(i)), points.count)
    }

    /// Mass feature (GeV) of row r at mass index k, for one-parameter data.
    public func massFeature(massIndex k: Int, row r: Int) -> Float { points[pointIndex(massIndex: k, row: r)][0] }

    /// Labels (1/0) of all rows at point index k.
    public func labels(massIndex k: Int) -> [Float] {
        [Float](repeating: 1, count: signalRows[k].count) + [Float](repeating: 0, count: backgroundRows.count)
    }

    /// Weights as given of all rows at point index k (signal first), or nil when the data
    /// set is unweighted.
    public func weights(massIndex k: Int) -> [Double]? {
        guard let w = dataset.weight else { return nil }
        return (signalRows[k] + backgroundRows).map { Double(w[$0]) }
    }

    /// The point index background event `b` (a position in `backgroundRows`) is given at
    /// point index k: k itself in a test set, its draw in a validation set.
    public func backgroundPointIndex(massIndex k: Int, background b: Int) -> Int {
        pointIndex(massIndex: k, row: signalRows[k].count + b)
    }

    /// Fills `x` [n × F] and `mass` [n × p] (scaled parameters) with the background events
    /// at positions `positions` of `backgroundRows`, all given point index `point`; resizes
    /// both to n = positions.count.
    public func fillBackground(_ positions: ArraySlice<Int>, point: Int, x: Matrix, mass: Matrix) {
        let p = dataset.parameterCount
        for m in [x, mass] { m.resize(rows: positions.count) }
        dataset.gatherFeatures(positions.lazy.map { self.backgroundRows[$0] }, into: x)
        let scaling = dataset.parameterScaling
        for j in 0..<positions.count {
            for c in 0..<p { mass.data[j * p + c] = scaling.apply(points[point][c], component: c) }
        }
    }

    /// Fills `x` [n × F], `mass` [n × p] (scaled parameters) and `label` [n × 1] with rows
    /// `rows` of point index k, resizing them to n = rows.count.
    public func fill(massIndex k: Int, rows: Range<Int>, x: Matrix, mass: Matrix, label: Matrix) {
        let n = rows.count
        let p = dataset.parameterCount
        for m in [x, mass, label] { m.resize(rows: n) }
        dataset.gatherFeatures(rows.lazy.map { self.event(massIndex: k, row: $0) }, into: x)
        let scaling = dataset.parameterScaling
        for (j, r) in rows.enumerated() {
            let point = points[pointIndex(massIndex: k, row: r)]
            for c in 0..<p { mass.data[j * p + c] = scaling.apply(point[c], component: c) }
            label.data[j] = r < signalRows[k].count ? 1 : 0
        }
    }
}
