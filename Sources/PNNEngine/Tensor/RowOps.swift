/// Batch-wise helpers shared by the layers. All of them split work over rows or over
/// columns of the output, never over a reduction, so results do not depend on threads.
public enum RowOps {
    /// Rows per task for element-wise passes: large enough to amortise dispatch.
    static let rowGrain = 64

    /// s[j] = Σ_i g[i, j], rows in increasing order. When `factor` K is given, first
    /// g[i, j] ← g[i, j]·K_ij (a dropout's backward, deferred to this pass); when
    /// `reluOutput` Y is given, then g[i, j] ← 0 wherever Y[i, j] ≤ 0 (the ReLU derivative).
    /// Columns are split over threads in blocks of 16 summed in SIMD registers; each
    /// column's sum is the same sequence of additions whatever the split.
    public static func columnSums(_ g: Matrix, into s: UnsafeMutablePointer<Float>, reluOutput: Matrix? = nil,
                                  factor: GradientFactor? = nil, pool: WorkerPool) {
        let rows = g.rows, cols = g.cols
        let y = reluOutput?.data
        pool.parallelRanges(count: cols, granularity: 16) { range in
            var j = range.lowerBound
            while j < range.upperBound {
                let width = min(16, range.upperBound - j)
                if width == 16 {
                    columnBlock(j, width: 16, from: 0, rows: rows, cols: cols, g: g.data, y: y, factor: factor, into: s)
                } else if range.count >= 16 {
                    // The last, narrower block as the 16 columns ending the range: whole-vector
                    // loads and stores; lanes before `from` (done already) are stored unchanged.
                    columnBlock(range.upperBound - 16, width: 16, from: 16 - width, rows: rows, cols: cols, g: g.data,
                                y: y, factor: factor, into: s)
                } else {
                    columnBlock(j, width: width, from: 0, rows: rows, cols: cols, g: g.data, y: y, factor: factor, into: s)
                }
                j += width
            }
        }
    }

    /// Columns j..<j+width: G ← G ⊙ K, then zeroed where Y ≤ 0 (when given), and summed
    /// over rows in increasing order into s[j + l] for lanes l ≥ `first`. With width 16
    /// and first > 0, lanes before `first` are stored back as they were read.
    @inline(always)
    static func columnBlock(_ j: Int, width: Int, from first: Int, rows: Int, cols: Int, g: UnsafeMutablePointer<Float>,
                            y: UnsafeMutablePointer<Float>?, factor: GradientFactor?, into s: UnsafeMutablePointer<Float>) {
        typealias V = SIMD16<Float>
        var sum = V()
        if width == 16 {
            let done = SIMD16<Int32>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< Int32(first)
            let writes = y != nil || factor != nil
            for i in 0..<rows {
                let p = g + i * cols + j
                let read = UnsafeRawPointer(p).loadUnaligned(as: V.self)
                var gi = read
                if let factor { gi *= factor.values16(i, j) }
                if let y {
                    let yi = UnsafeRawPointer(y + i * cols + j).loadUnaligned(as: V.self)
                    gi.replace(with: 0, where: .!(yi .> 0))
                }
                if first > 0 { gi.replace(with: read, where: done) }
                if writes { UnsafeMutableRawPointer(p).storeBytes(of: gi, as: V.self) }
                sum += gi
            }
            for l in first..<16 { s[j + l] = sum[l] }
            return
        }
        for l in 0..<width { s[j + l] = 0 }
        for i in 0..<rows {
            for l in 0..<width {
                let e = i * cols + j + l
                if let factor { g[e] *= factor.value(i, j + l) }
                if let y, !(y[e] > 0) { g[e] = 0 }
                s[j + l] += g[e]
            }
        }
    }

    /// out = [a, m]: the concatenation of every row of `a` with the matching row of `m`.
    public static func concatenate(_ a: Matrix, _ m: Matrix, into out: Matrix, pool: WorkerPool) {
        let ac = a.cols, mc = m.cols, oc = out.cols
        pool.parallelRanges(count: a.rows, granularity: rowGrain) { range in
            for i in range {
                (out.data + i * oc).update(from: a.data + i * ac, count: ac)
                (out.data + i * oc + ac).update(from: m.data + i * mc, count: mc)
            }
        }
    }
}
