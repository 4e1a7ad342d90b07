/// Single-precision matrix products in the three forms training needs.
///
/// All matrices are row-major with explicit leading dimensions (elements between row
/// starts). With `accumulate == false`, C is overwritten; otherwise the product is added
/// to C.
///
/// Exact arithmetic: every output element is one fused multiply-add chain over
/// p = 0..<k in increasing order,
///     c ← fma(A(i,p), B(p,j), c)   starting from c = 0 (or the old C[i,j] when accumulating),
/// so results are bit-identical for any thread count and on every run. Work is split
/// over output tiles only, never over the reduction (see GEMMDriver).
///
/// A product with one output column (a one-unit layer: X·w, Xᵀ·dz) or one term (dz·wᵀ) on
/// contiguous operands runs without the tiled driver (`SingleColumnProducts`, the same
/// chains): a 6×16 tile would compute 16 columns to keep one.
public enum GEMM {
    /// C[m×n] (+)= A[m×k] · B[k×n]   — forward: X·W
    public static func nn(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        if n == 1 && !accumulate && lda == k && ldb == 1 && ldc == 1 {
            SingleColumnProducts.forward(m: m, k: k, x: a, w: b, bias: 0, z: c, pool: pool)
            return
        }
        GEMMDriver.multiply(m: m, n: n, k: k,
                            a: StridedMatrix(base: a, rowStride: lda, colStride: 1),
                            b: StridedMatrix(base: b, rowStride: ldb, colStride: 1),
                            c: c, ldc: ldc, start: accumulate ? .load : .zero, relu: false, pool: pool)
    }

    /// C[m×n] = A[m×k] · B[k×n] + bias[n], then max(0, ·) if `relu` — fused Dense forward.
    ///
    /// Each element is the FMA chain over p started from bias[j] (not a separate add).
    /// ReLU maps negatives to 0 and passes NaN through.
    public static func nn(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          bias: UnsafePointer<Float>?, relu: Bool, pool: WorkerPool) {
        if n == 1 && !relu && lda == k && ldb == 1 && ldc == 1 {
            SingleColumnProducts.forward(m: m, k: k, x: a, w: b, bias: bias?[0] ?? 0, z: c, pool: pool)
            return
        }
        GEMMDriver.multiply(m: m, n: n, k: k,
                            a: StridedMatrix(base: a, rowStride: lda, colStride: 1),
                            b: StridedMatrix(base: b, rowStride: ldb, colStride: 1),
                            c: c, ldc: ldc, start: bias.map { .bias($0) } ?? .zero, relu: relu, pool: pool)
    }

    /// C[m×n] (+)= A[m×k] · B[n×k]ᵀ   — backward to inputs: dY·Wᵀ
    public static func nt(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        if k == 1 && !accumulate && lda == 1 && ldb == 1 && ldc == n {
            SingleColumnProducts.inputGradient(m: m, k: n, dz: a, w: b, into: c, pool: pool)
            return
        }
        GEMMDriver.multiply(m: m, n: n, k: k,
                            a: StridedMatrix(base: a, rowStride: lda, colStride: 1),
                            b: StridedMatrix(base: b, rowStride: 1, colStride: ldb),
                            c: c, ldc: ldc, start: accumulate ? .load : .zero, relu: false, pool: pool)
    }

    /// C[m×n] (+)= A[k×m]ᵀ · B[k×n]   — weight gradient: Xᵀ·dY (reduction over the batch)
    public static func tn(m: Int, n: Int, k: Int,
                          a: UnsafePointer<Float>, lda: Int,
                          b: UnsafePointer<Float>, ldb: Int,
                          c: UnsafeMutablePointer<Float>, ldc: Int,
                          accumulate: Bool, pool: WorkerPool) {
        if n == 1 && !accumulate && lda == m && ldb == 1 && ldc == 1 {
            SingleColumnProducts.weightGradient(m: k, k: m, x: a, dz: b, into: c, pool: pool)
            return
        }
        GEMMDriver.multiply(m: m, n: n, k: k,
                            a: StridedMatrix(base: a, rowStride: 1, colStride: lda),
                            b: StridedMatrix(base: b, rowStride: ldb, colStride: 1),
                            c: c, ldc: ldc, start: accumulate ? .load : .zero, relu: false, pool: pool)
    }
}
