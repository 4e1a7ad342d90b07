import PNNEngine

/// A data set seen one signal mass at a time, as pNNs are validated and evaluated.
///
/// For each mass m_i the set is all signal events at m_i followed by all background
/// events, the signal with mass feature m_i and the background with
/// - `validation(...)` (paper §4.3.1): a mass drawn from the signal masses M, as in
///   identical-sampled, drawn once per (m_i, event) from the `.massSampling` stream at
///   index 1000 + i (position = event index), so every epoch is validated on the same
///   set and the chosen epoch does not depend on sampling noise;
/// - `test(...)` (paper §6): m := m_i, the hypothesis being tested.
///
/// Nothing is copied per mass: `fill` gathers rows into the caller's buffers, so a
/// validation pass over 1.75M events × 5 masses needs only a batch of memory. The
/// original class balance is kept (no batch balancing in validation, paper §4.3.1).
public struct PerMassEvaluationSet {
    public let dataset: EventDataset
    /// The masses evaluated (GeV).
    public let masses: [Float]
    /// Signal rows at each mass.
    public let signalRows: [[Int]]
    /// All background rows.
    public let backgroundRows: [Int]
    private let backgroundMassKeys: [UInt64]?

    /// Validation set: background mass ~ M (`masses`, default all signal masses).
    public static func validation(_ d: EventDataset, masses: [Float]? = nil, seed: UInt64) -> PerMassEvaluationSet {
        let ms = (masses ?? d.signalMasses).sorted()
        let keys = ms.indices.map { RandomStream.key(seed: seed, purpose: .massSampling, index: 1000 + UInt64($0)) }
        return PerMassEvaluationSet(d, masses: ms, keys: keys)
    }

    /// Test set: background mass := m_i.
    public static func test(_ d: EventDataset, masses: [Float]? = nil) -> PerMassEvaluationSet {
        PerMassEvaluationSet(d, masses: (masses ?? d.signalMasses).sorted(), keys: nil)
    }

    private init(_ d: EventDataset, masses: [Float], keys: [UInt64]?) {
        dataset = d
        self.masses = masses
        signalRows = masses.map { d.signalIndices(mass: $0) }
        backgroundRows = d.indices(label: 0)
        backgroundMassKeys = keys
    }

    /// Events evaluated at mass index k.
    public func count(massIndex k: Int) -> Int { signalRows[k].count + backgroundRows.count }

    /// Event index of row r of mass index k.
    @inline(__always) public func event(massIndex k: Int, row r: Int) -> Int {
        r < signalRows[k].count ? signalRows[k][r] : backgroundRows[r - signalRows[k].count]
    }

    /// Mass feature (GeV) of row r at mass index k.
    public func massFeature(massIndex k: Int, row r: Int) -> Float {
        if r < signalRows[k].count { return masses[k] }
        guard let keys = backgroundMassKeys else { return masses[k] }
        let i = backgroundRows[r - signalRows[k].count]
        return BatchSampler.drawIdentical(SplitMix64.value(key: keys[k], index: UInt64(i)), masses)
    }

    /// Labels (1/0) of all rows at mass index k.
    public func labels(massIndex k: Int) -> [Float] {
        [Float](repeating: 1, count: signalRows[k].count) + [Float](repeating: 0, count: backgroundRows.count)
    }

    /// Fills `x` [n × 27], `mass` [n × 1] (mass / 1000) and `label` [n × 1] with rows
    /// `rows` of mass index k, resizing them to n = rows.count.
    public func fill(massIndex k: Int, rows: Range<Int>, x: Matrix, mass: Matrix, label: Matrix) {
        let n = rows.count
        for m in [x, mass, label] { m.resize(rows: n) }
        dataset.gatherFeatures(rows.lazy.map { self.event(massIndex: k, row: $0) }, into: x)
        for (j, r) in rows.enumerated() {
            mass.data[j] = massFeature(massIndex: k, row: r) / HEPMASSSchema.massScale
            label.data[j] = r < signalRows[k].count ? 1 : 0
        }
    }
}
