/// Weighted histogram of scores in `n` equal bins on [0, 1], with the bin edges of the
/// binned significance scan (`SignificanceScan.binned`): bin j holds the scores s with
///
///     e_j ≤ s < e_{j+1},   e_j = j / n   (the correctly rounded quotient)
///
/// scores below 0 in bin 0 and scores ≥ e_{n−1} in bin n−1 (1 included). The tail sum
/// Σ_{k ≥ j} of the histogram is then exactly the weight passing the cut at e_j, so a
/// significance curve drawn from the histogram (`SignificanceCurve`) has the scan's cuts.
public struct ScoreHistogram: Codable, Equatable, Sendable {
    /// Summed weight per bin.
    public var bins: [Double]

    public init(bins: [Double]) { self.bins = bins }

    /// Every score with the same weight `weight`.
    public init(scores: [Double], weight: Double, bins n: Int) {
        var h = [Double](repeating: 0, count: n)
        for s in scores { h[Self.bin(of: s, bins: n)] += weight }
        bins = h
    }

    /// Score i with weight `weights[i] · scale`.
    public init(scores: [Double], weights: [Double], scale: Double, bins n: Int) {
        precondition(scores.count == weights.count, "one weight per score")
        var h = [Double](repeating: 0, count: n)
        for (s, w) in zip(scores, weights) { h[Self.bin(of: s, bins: n)] += w * scale }
        bins = h
    }

    /// The bin of score `s`: the largest j with j / n ≤ s, clamped to 0 … n−1. The product
    /// s·n is rounded, so the guess is corrected against the edges themselves.
    @inlinable
    public static func bin(of s: Double, bins n: Int) -> Int {
        var j = min(n - 1, max(0, Int((s * Double(n)).rounded(.down))))
        if j + 1 < n && s >= Double(j + 1) / Double(n) { j += 1 }
        if j > 0 && s < Double(j) / Double(n) { j -= 1 }
        return j
    }
}
