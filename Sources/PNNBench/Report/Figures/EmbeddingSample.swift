import PNNData
import PNNEngine

/// The events embedded by the t-SNE figures: `events` test events split evenly over the
/// signal masses × {signal, background}. Signal of mass m_k comes from the test signal
/// at m_k; the background is one seeded draw of distinct background events, cut into
/// one block per mass, block k assigned the mass m_k (the hypothesis it is evaluated
/// at). Draws use `RandomStream(seed, .subsampling, index: 0xE5B0 + k)`; the final
/// order is a seeded permutation so that no class or mass is drawn on top of the others.
struct EmbeddingSample {
    let dataset: EventDataset
    /// Event index in `dataset`, assigned mass (GeV) and label of each sampled event.
    let rows: [Int]
    let mass: [Float]
    let label: [UInt8]
    let masses: [Float]
    let dataName: String

    var count: Int { rows.count }

    init(_ d: EventDataset, events: Int, seed: UInt64, dataName: String) {
        let masses = d.signalMasses.sorted()
        let perCell = max(1, events / max(1, 2 * masses.count))
        func draw(_ candidates: [Int], _ count: Int, stream index: UInt64) -> [Int] {
            var all = candidates
            var stream = RandomStream(seed: seed, purpose: .subsampling, index: 0xE5B0 + index)
            stream.shuffle(&all)
            return Array(all.prefix(count))
        }
        var entries: [(row: Int, mass: Float, label: UInt8)] = []
        let background = draw(d.indices(label: 0), perCell * masses.count, stream: 0)
        for (k, m) in masses.enumerated() {
            for r in draw(d.signalIndices(mass: m), perCell, stream: 1 + UInt64(k)) { entries.append((r, m, 1)) }
            let block = background.dropFirst(k * perCell).prefix(perCell)
            for r in block { entries.append((r, m, 0)) }
        }
        var order = Array(entries.indices)
        var stream = RandomStream(seed: seed, purpose: .subsampling, index: 0xE5B0 + 0xFF)
        stream.shuffle(&order)
        dataset = d
        rows = order.map { entries[$0].row }
        mass = order.map { entries[$0].mass }
        label = order.map { entries[$0].label }
        self.masses = masses
        self.dataName = dataName
    }

    /// Last-hidden-layer activations of every sampled event, row-major in Double.
    /// `networkMasses == nil`: one parametric network, fed mass/1000. Otherwise network
    /// k is the individual NN of `networkMasses[k]` and scores the events of that mass
    /// (its mass input, unused by a non-parametric network, is still filled).
    static func hidden(_ s: EmbeddingSample, networks: [Model], networkMasses: [Float]?, pool: WorkerPool) -> (values: [Double], width: Int) {
        var groups: [(network: Model, events: [Int])] = []
        if let networkMasses {
            for (k, m) in networkMasses.enumerated() {
                groups.append((networks[k], s.mass.indices.filter { s.mass[$0] == m }))
            }
        } else {
            groups.append((networks[0], Array(0..<s.count)))
        }
        var width = 0
        var values: [Double] = []
        for g in groups where !g.events.isEmpty {
            let x = Matrix(rows: g.events.count, cols: EventDataset.featureCount)
            s.dataset.gatherFeatures(g.events.map { s.rows[$0] }, into: x)
            let m = Matrix(rows: g.events.count, cols: 1)
            for (j, e) in g.events.enumerated() { m.data[j] = s.mass[e] / HEPMASSSchema.massScale }
            let h = g.network.hiddenRepresentation(x, mass: m, pool: pool)
            if width == 0 {
                width = h.cols
                values = [Double](repeating: 0, count: s.count * width)
            }
            precondition(h.cols == width, "networks with different hidden widths")
            for (j, e) in g.events.enumerated() {
                for c in 0..<width { values[e * width + c] = Double(h.data[j * h.cols + c]) }
            }
        }
        return (values, width)
    }
}
