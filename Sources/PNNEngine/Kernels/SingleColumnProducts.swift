/// The three products of a Dense layer with one output unit (the sigmoid output), without
/// the GEMM: a 6×16 tile would compute 16 columns to keep one. For X [m×k], w [k], dz [m]:
///
///     z_i  = fma(x_i,k−1, w_k−1, … fma(x_i0, w_0, b) …)       forward, from the bias
///     ∂w_p = fma(x_m−1,p, dz_m−1, … fma(x_0p, dz_0, 0) …)      weight gradient, over rows
///     ∂x_ip = fma(dz_i, w_p, 0)                                input gradient (k = 1)
///
/// Each element is the FMA chain the GEMM forms for it (fma(a, b, s) = fma(b, a, s), terms
/// in increasing order, from the same start), so the results are the GEMM's bits.
enum SingleColumnProducts {
    typealias V = SIMD16<Float>

    /// z[i] for every row: 16 rows at a time, one lane per row.
    static func forward(m: Int, k: Int, x: UnsafePointer<Float>, w: UnsafePointer<Float>, bias: Float,
                        z: UnsafeMutablePointer<Float>, pool: WorkerPool) {
        pool.parallelRanges(count: m, granularity: 64) { rows in
            var i = rows.lowerBound
            while i + 16 <= rows.upperBound {
                var acc = V(repeating: bias)
                for p in 0..<k {
                    var column = V()
                    for l in 0..<16 { column[l] = x[(i + l) * k + p] }
                    acc.addProduct(column, V(repeating: w[p]))
                }
                UnsafeMutableRawPointer(z + i).storeBytes(of: acc, as: V.self)
                i += 16
            }
            while i < rows.upperBound {
                var acc = bias
                for p in 0..<k { acc.addProduct(x[i * k + p], w[p]) }
                z[i] = acc
                i += 1
            }
        }
    }

    /// ∂w[p] = Σ_i x[i, p]·dz[i], rows in increasing order; split over p only.
    static func weightGradient(m: Int, k: Int, x: UnsafePointer<Float>, dz: UnsafePointer<Float>,
                               into dw: UnsafeMutablePointer<Float>, pool: WorkerPool) {
        pool.parallelRanges(count: k, granularity: 16) { columns in
            var p = columns.lowerBound
            while p < columns.upperBound {
                let width = min(16, columns.upperBound - p)
                if width == 16 {
                    var acc = V()
                    for i in 0..<m {
                        acc.addProduct(UnsafeRawPointer(x + i * k + p).loadUnaligned(as: V.self), V(repeating: dz[i]))
                    }
                    UnsafeMutableRawPointer(dw + p).storeBytes(of: acc, as: V.self)
                } else {
                    for c in p..<(p + width) {
                        var acc: Float = 0
                        for i in 0..<m { acc.addProduct(x[i * k + c], dz[i]) }
                        dw[c] = acc
                    }
                }
                p += width
            }
        }
    }

    /// ∂x[i, p] = fma(dz[i], w[p], 0): a product rounded once, with fma's sign of zero.
    static func inputGradient(m: Int, k: Int, dz: UnsafePointer<Float>, w: UnsafePointer<Float>,
                              into dx: UnsafeMutablePointer<Float>, pool: WorkerPool) {
        pool.parallelRanges(count: m, granularity: 64) { rows in
            for i in rows {
                let d = dz[i], row = dx + i * k
                for p in 0..<k { row[p] = (0 as Float).addingProduct(d, w[p]) }
            }
        }
    }
}
