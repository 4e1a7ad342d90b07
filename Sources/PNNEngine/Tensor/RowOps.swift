/// Batch-wise helpers shared by the layers. All of them split work over rows or over
/// columns of the output, never over a reduction, so results do not depend on threads.
public enum RowOps {
    /// Rows per task for element-wise passes: large enough to amortise dispatch.
    static let rowGrain = 64

    /// s[j] = Σ_i g[i, j]  (i ascending). Columns are split over threads in blocks of 16.
    public static func columnSums(_ g: Matrix, into s: UnsafeMutablePointer<Float>, pool: WorkerPool) {
        let rows = g.rows, cols = g.cols
        pool.parallelRanges(count: cols, granularity: 16) { range in
            for j in range { s[j] = 0 }
            for i in 0..<rows {
                let gi = g.data + i * cols
                for j in range { s[j] += gi[j] }
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
