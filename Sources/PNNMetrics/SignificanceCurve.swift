/// The significance of every binned cut, from the score histograms of signal S and
/// background B (n equal bins on [0, 1], see `ScoreHistogram`): for the cut at the lower
/// bin edge t_j = j / n (j = 0 … n−1),
///
///     s_t = Σ_{k ≥ j} S_k,   b_t = Σ_{k ≥ j} B_k        (weight passing the cut)
///     AMS(t) = s_t / √(s_t + b_t)                        (paper eq. 3)
///     AMS(t) / √s_max                                    (s_max = Σ_k S_k)
///
/// The normalised form is the σ_ratio a cut at t would give (eq. 4): its maximum is the
/// binned σ_ratio (`SignificanceScan.binned`, the same cuts), and it does not grow with
/// the number of events. With the evaluation's histograms (signal weight 1, background
/// scaled to Σ B = Σ S) it is the paper's binned scan, drawn cut by cut.
public struct SignificanceCurve: Sendable {
    public var cuts: [Double]
    public var ams: [Double]
    public var normalized: [Double]

    public init(signal: [Double], background: [Double]) {
        let n = min(signal.count, background.count)
        var s = 0.0, b = 0.0
        var amsFromTop = [Double](repeating: 0, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            s += signal[j]; b += background[j]
            amsFromTop[j] = SignificanceScan.ams(signal: s, background: b)
        }
        let sMax = signal.prefix(n).reduce(0, +)
        cuts = (0..<n).map { Double($0) / Double(n) }
        ams = amsFromTop
        normalized = sMax > 0 ? amsFromTop.map { $0 / sMax.squareRoot() } : amsFromTop.map { _ in .nan }
    }

    /// The highest cut reaching the maximum (ties to the highest cut, as the scan does).
    public var bestCut: Double? {
        guard let best = normalized.filter(\.isFinite).max() else { return nil }
        return cuts.indices.last { normalized[$0] == best }.map { cuts[$0] }
    }
}
