import PNNEngine

/// Builds HEPMASS-IMB from HEPMASS's training set (paper §3.2): all background kept
/// unchanged, the signal at each mass subsampled without replacement to 350k (500 GeV),
/// 140k (750), 35k (1000), 7k (1250) and 2k (1500) events — 534k signal in ≈ 4.03M
/// events, 13 % / 87 %. The test set stays HEPMASS's test set.
///
/// The draw at mass index k uses `RandomStream(seed, .subsampling, index: k)`: a partial
/// Fisher–Yates over that mass's signal rows, so the choice is a pure function of the
/// seed and the input. Rows keep their input order.
public struct HEPMASSIMBBuilder: Sendable {
    /// Signal events kept per mass, aligned with `masses`.
    public var signalCounts: [Int]
    public var masses: [Float]

    public init(masses: [Float] = HEPMASSSchema.signalMasses, signalCounts: [Int] = EventComposition.imbalancedSignalCounts) {
        precondition(masses.count == signalCounts.count)
        self.masses = masses
        self.signalCounts = signalCounts
    }

    /// The same ratios for a smaller input: counts × `fraction`, rounded (at least 1).
    public func scaled(by fraction: Double) -> HEPMASSIMBBuilder {
        HEPMASSIMBBuilder(masses: masses, signalCounts: signalCounts.map { max(1, Int((Double($0) * fraction).rounded())) })
    }

    public func build(from train: EventDataset, seed: UInt64) throws -> EventDataset {
        var keep = [Bool](repeating: false, count: train.count)
        for i in 0..<train.count where train.label[i] == 0 { keep[i] = true }
        for (k, m) in masses.enumerated() {
            var rows = train.signalIndices(mass: m)
            let wanted = signalCounts[k]
            guard rows.count >= wanted else {
                throw DataError.invalidRequest("HEPMASS-IMB needs \(wanted) signal events at \(format(m)) GeV but the training file has \(rows.count); use the full all_train.csv or scale the counts")
            }
            var stream = RandomStream(seed: seed, purpose: .subsampling, index: UInt64(k))
            for i in 0..<wanted {
                let j = i + stream.nextInt(below: rows.count - i)
                rows.swapAt(i, j)
                keep[rows[i]] = true
            }
        }
        return train.subset((0..<train.count).filter { keep[$0] })
    }
}
