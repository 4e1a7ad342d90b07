import PNNEngine

/// The numbers the report and `bench data inspect` show about a data set (paper §3,
/// Figs. 3–6): class and per-mass counts, and Pearson correlations of every feature with
/// m_WWbb (f26), with the mass feature and with the label.
///
/// Pearson r(x, y) = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²), two passes in Double over the
/// events in order; features are processed in parallel (one output each), so the values
/// do not depend on the thread count. A constant column gives r = 0.
public struct DatasetStatistics: Sendable {
    public let events: Int
    public let signal: Int
    public let background: Int
    public let signalMasses: [Float]
    /// Signal events at each of `signalMasses`.
    public let signalPerMass: [Int]
    /// Background events whose mass feature is each of `signalMasses` (other values,
    /// e.g. uniformly drawn masses, are not counted here).
    public let backgroundPerMass: [Int]
    /// r(f_j, f26) for j = 0…26.
    public let correlationWithMWWbb: [Double]
    /// r(f_j, mass).
    public let correlationWithMass: [Double]
    /// r(f_j, label).
    public let correlationWithLabel: [Double]
    /// r(mass, label).
    public let massLabelCorrelation: Double

    public var signalFraction: Double { events > 0 ? Double(signal) / Double(events) : 0 }

    public init(_ d: EventDataset, threads: Int = WorkerPool.availableCores) {
        let n = d.count, nf = HEPMASSSchema.featureCount
        events = n
        signal = d.signalCount
        background = n - signal
        signalMasses = d.signalMasses
        var sPer = [Int](repeating: 0, count: d.signalMasses.count), bPer = sPer
        for i in 0..<n {
            guard let k = d.signalMasses.firstIndex(of: d.mass[i]) else { continue }
            if d.label[i] == 1 { sPer[k] += 1 } else { bPer[k] += 1 }
        }
        signalPerMass = sPer
        backgroundPerMass = bPer

        let massColumn = d.mass.map(Double.init)
        let labelColumn = d.label.map(Double.init)
        let mWWbb = (0..<n).map { Double(d.features[$0 * nf + HEPMASSSchema.mWWbb]) }
        var results = [(Double, Double, Double)](repeating: (0, 0, 0), count: nf)
        results.withUnsafeMutableBufferPointer { out in
            WorkerPool(threads: max(1, threads)).run(tasks: nf) { j in
                let x = (0..<n).map { Double(d.features[$0 * nf + j]) }
                out[j] = (Self.pearson(x, mWWbb), Self.pearson(x, massColumn), Self.pearson(x, labelColumn))
            }
        }
        correlationWithMWWbb = results.map(\.0)
        correlationWithMass = results.map(\.1)
        correlationWithLabel = results.map(\.2)
        massLabelCorrelation = Self.pearson(massColumn, labelColumn)
    }

    /// Pearson correlation of two equally long columns; 0 if either is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count)
        let n = Double(x.count)
        if x.isEmpty { return 0 }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<x.count {
            let a = x[i] - mx, b = y[i] - my
            sxy += a * b; sxx += a * a; syy += b * b
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }
}
