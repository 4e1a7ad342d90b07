/// Single-precision matrix products in the three forms training needs.
///
/// All matrices are row-major with explicit leading dimensions (elements between row
/// starts). With `accumulate == false`, C is overwritten; otherwise the product is added
/// to C. Every output element is a sum over k in one fixed order that does not depend on
/// the thread count (work is split over outputs, never over the reduction).
public enum GEMM {
    /// C[m×n] (+)= A[m×k] · B[k×n]   — forward: X·W
    public static func nn(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        pool.parallelRanges(count: m) { rows in
            for i in rows {
                let ci = c + i * ldc
                if !accumulate { ci.update(repeating: 0, count: n) }
                for p in 0..<k {
                    let aip = a[i * lda + p]
                    let bp = b + p * ldb
                    for j in 0..<n { ci[j] = ci[j].addingProduct(aip, bp[j]) }
                }
            }
        }
    }

    /// C[m×n] (+)= A[m×k] · B[n×k]ᵀ   — backward to inputs: dY·Wᵀ
    public static func nt(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        pool.parallelRanges(count: m) { rows in
            for i in rows {
                for j in 0..<n {
                    var s: Float = 0
                    for p in 0..<k { s = s.addingProduct(a[i * lda + p], b[j * ldb + p]) }
                    c[i * ldc + j] = accumulate ? c[i * ldc + j] + s : s
                }
            }
        }
    }

    /// C[m×n] (+)= A[k×m]ᵀ · B[k×n]   — weight gradient: Xᵀ·dY (reduction over the batch)
    public static func tn(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        pool.parallelRanges(count: m) { rows in
            for i in rows {
                let ci = c + i * ldc
                if !accumulate { ci.update(repeating: 0, count: n) }
                for p in 0..<k {
                    let api = a[p * lda + i]
                    let bp = b + p * ldb
                    for j in 0..<n { ci[j] = ci[j].addingProduct(api, bp[j]) }
                }
            }
        }
    }
}
