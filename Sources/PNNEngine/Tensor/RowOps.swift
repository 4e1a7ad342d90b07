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
                columnBlock(j, width: width, rows: rows, cols: cols, g: g.data, y: y, factor: factor, into: s)
                j += width
            }
        }
    }

    @inline(__always)
    static func columnBlock(_ j: Int, width: Int, rows: Int, cols: Int, g: UnsafeMutablePointer<Float>,
                            y: UnsafeMutablePointer<Float>?, factor: GradientFactor?, into s: UnsafeMutablePointer<Float>) {
        typealias V = SIMD16<Float>
        var sum = V()
        if width == 16 {
            for i in 0..<rows {
                let p = g + i * cols + j
                var gi = UnsafeRawPointer(p).loadUnaligned(as: V.self)
                if let factor { gi *= factor.values16(i, j) }
                if let y {
                    let yi = UnsafeRawPointer(y + i * cols + j).loadUnaligned(as: V.self)
                    gi.replace(with: 0, where: .!(yi .> 0))
                }
                if y != nil || factor != nil { UnsafeMutableRawPointer(p).storeBytes(of: gi, as: V.self) }
                sum += gi
            }
            UnsafeMutableRawPointer(s + j).storeBytes(of: sum, as: V.self)
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
