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
        let points = composition.masses.map { SignalPoint(mass: Double($0), relativeWidth: parameters.resonanceRelativeWidth) }
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
                    simulator.simulateEvent(signal: k < points.count ? points[k] : nil,
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

    /// Constants for `SimulationParameters.default`, computed by `reference(for:)`
    /// (raw units: GeV for momenta and masses, radians, counts, tag 0/1). Refresh from
    /// the failing test's message whenever the physics code or the defaults change.
    public static let embeddedDefault: FeatureStandardization? = FeatureStandardization(
        mean: [
            92.14859782774009, 0.0018422031728959054, 0.00882767456736588,
            98.27749807457872, 0.0005606098383728997, 5.012031555175781,
            186.53423726284197, -0.001368278799593616, -0.005992347659923581,
            0.4336395263671875, 123.65439021811751, -0.003219695940186641,
            0.008975633159024226, 0.452117919921875, 74.045069061091,
            -0.0016127826349201222, 0.001364263474586267, 0.358306884765625,
            34.86469290036819, 0.0009602670650265283, -0.00421608179619336,
            0.24340057373046875, 83.26552644335831, 175.85303693148137,
            91.56258766733399, 208.70533707729786, 777.4401873904828,
        ],
        standardDeviation: [
            90.45973888722159, 1.2210113481587421, 1.8138808867471032,
            90.56439152802031, 1.814487138221156, 1.0194714805183167,
            119.19079061047317, 1.0498898895621676, 1.8101193763170165,
            0.49557672215231097, 84.61302281829487, 1.1092837776029374,
            1.8109676382836948, 0.4977020257216079, 51.1283753060714,
            1.2100104678241586, 1.8162632115163337, 0.47950293126859833,
            28.106939498742374, 1.4578276518414732, 1.8118252986297732,
            0.42913486742299023, 32.81163469168906, 38.318512830736026,
            52.86035463853775, 111.50084421180898, 383.99631747360854,
        ])
}
