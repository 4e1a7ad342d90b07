/// The significance curve of a score histogram: for each cut at a lower bin edge
/// t_j = j / n (j = 0 … n−1) of n equal bins on [0, 1],
///
///     s_t = Σ_{k ≥ j} S_k,   b_t = Σ_{k ≥ j} B_k        (tail sums above the cut)
///     AMS(t) = s_t / √(s_t + b_t)                        (paper eq. 3)
///     AMS(t) / √s_max                                    (s_max = Σ_k S_k)
///
/// The normalised form is the σ_ratio a cut at t would give (eq. 4): its maximum is the
/// binned σ_ratio of the result, and it does not grow with the number of events. With
/// the evaluation's histograms (signal weight 1, background scaled to Σ B = Σ S) this is
/// exactly the paper's binned scan.
struct ResultSignificanceCurve {
    var cuts: [Double]
    var ams: [Double]
    var normalized: [Double]

    init(signal: [Double], background: [Double]) {
        let n = min(signal.count, background.count)
        var s = 0.0, b = 0.0
        var amsFromTop = [Double](repeating: 0, count: n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            s += signal[j]; b += background[j]
            amsFromTop[j] = s > 0 ? s / (s + b).squareRoot() : 0
        }
        let sMax = signal.prefix(n).reduce(0, +)
        cuts = (0..<n).map { Double($0) / Double(n) }
        ams = amsFromTop
        normalized = sMax > 0 ? amsFromTop.map { $0 / sMax.squareRoot() } : amsFromTop.map { _ in .nan }
    }

    /// The highest cut reaching the maximum (ties to the highest cut, as the scan does).
    var bestCut: Double? {
        guard let best = normalized.filter(\.isFinite).max() else { return nil }
        return cuts.indices.last { normalized[$0] == best }.map { cuts[$0] }
    }
}
