/// Register-blocked inner kernels of the GEMM: one 6-row tile of C times one B panel,
/// 32 or 16 columns wide (two or one SIMD16 vectors per row).
///
/// For every element of the tile the kernel computes
///     c[r][j] = fma(a[r][kc-1], b[kc-1][j], … fma(a[r][0], b[0][j], c₀[r][j]) …)
/// i.e. one fused multiply-add chain in increasing p, started from `c₀` (zero, the
/// current C, or a bias row). SIMD lanes are independent, so an element's value does
/// not depend on which tile, panel or thread computed it — the basis of determinism.
///
/// Operand layouts:
///   a: A(r, p) = a[r * rs + p * ps] — read in place: rs = lda, ps = 1 for a row-major A
///      (nn, nt), rs = 1, ps = lda for a transposed A (tn), rs = 1, ps = 6 for a packed edge tile
///   b: B(p, j) = b[p * bs + j] — a packed panel (bs = width, zero-padded) or B in place
///   c: 6 rows × width of C at stride ldc; every row/column must be writable.
enum GEMMMicroKernel {
    static let rows = 6

    /// How the accumulators start before the first product.
    enum Start {
        case zero
        case load            // continue from the values in C (accumulate, or next k-block)
        case bias(UnsafePointer<Float>)  // every row starts from bias[0..<width]
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    @inline(__always)
    static func store(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>, relu: Bool) {
        // max(0, v) with NaN passed through; the comparison is false for NaN and -0.
        let out = relu ? v.replacing(with: 0, where: v .< 0) : v
        UnsafeMutableRawPointer(p).storeBytes(of: out, as: SIMD16<Float>.self)
    }

    /// C[6×32] = start + A[6×kc]·B[kc×32]; 12 accumulators of 16 lanes stay in registers.
    static func kernel6x32(kc: Int, a: UnsafePointer<Float>, rs: Int, ps: Int, b: UnsafePointer<Float>, bs: Int,
                           c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, relu: Bool) {
        var c00 = SIMD16<Float>(), c01 = SIMD16<Float>()
        var c10 = SIMD16<Float>(), c11 = SIMD16<Float>()
        var c20 = SIMD16<Float>(), c21 = SIMD16<Float>()
        var c30 = SIMD16<Float>(), c31 = SIMD16<Float>()
        var c40 = SIMD16<Float>(), c41 = SIMD16<Float>()
        var c50 = SIMD16<Float>(), c51 = SIMD16<Float>()
        let c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc, c4 = c + 4 * ldc, c5 = c + 5 * ldc
        switch start {
        case .zero:
            break
        case .load:
            c00 = load(c0); c01 = load(c0 + 16)
            c10 = load(c1); c11 = load(c1 + 16)
            c20 = load(c2); c21 = load(c2 + 16)
            c30 = load(c3); c31 = load(c3 + 16)
            c40 = load(c4); c41 = load(c4 + 16)
            c50 = load(c5); c51 = load(c5 + 16)
        case .bias(let bias):
            let b0 = load(bias), b1 = load(bias + 16)
            c00 = b0; c01 = b1; c10 = b0; c11 = b1; c20 = b0; c21 = b1
            c30 = b0; c31 = b1; c40 = b0; c41 = b1; c50 = b0; c51 = b1
        }
        // Six row pointers and one shared offset: every A load is a single addressing mode
        // (embedded broadcast in the FMA), whatever the strides.
        let a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs, a4 = a + 4 * rs, a5 = a + 5 * rs
        var o = 0, bp = b
        for _ in 0..<kc {
            let b0 = load(bp), b1 = load(bp + 16)
            var x = SIMD16<Float>(repeating: a0[o])
            c00.addProduct(x, b0); c01.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a1[o])
            c10.addProduct(x, b0); c11.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a2[o])
            c20.addProduct(x, b0); c21.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a3[o])
            c30.addProduct(x, b0); c31.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a4[o])
            c40.addProduct(x, b0); c41.addProduct(x, b1)
            x = SIMD16<Float>(repeating: a5[o])
            c50.addProduct(x, b0); c51.addProduct(x, b1)
            o += ps
            bp += bs
        }
        store(c00, c0, relu: relu); store(c01, c0 + 16, relu: relu)
        store(c10, c1, relu: relu); store(c11, c1 + 16, relu: relu)
        store(c20, c2, relu: relu); store(c21, c2 + 16, relu: relu)
        store(c30, c3, relu: relu); store(c31, c3 + 16, relu: relu)
        store(c40, c4, relu: relu); store(c41, c4 + 16, relu: relu)
        store(c50, c5, relu: relu); store(c51, c5 + 16, relu: relu)
    }

    /// C[6×16] = start + A[6×kc]·B[kc×16]; for the last, narrow panel of C.
    static func kernel6x16(kc: Int, a: UnsafePointer<Float>, rs: Int, ps: Int, b: UnsafePointer<Float>, bs: Int,
                           c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, relu: Bool) {
        var c0v = SIMD16<Float>(), c1v = SIMD16<Float>(), c2v = SIMD16<Float>()
        var c3v = SIMD16<Float>(), c4v = SIMD16<Float>(), c5v = SIMD16<Float>()
        let c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc, c4 = c + 4 * ldc, c5 = c + 5 * ldc
        switch start {
        case .zero:
            break
        case .load:
            c0v = load(c0); c1v = load(c1); c2v = load(c2)
            c3v = load(c3); c4v = load(c4); c5v = load(c5)
        case .bias(let bias):
            let b0 = load(bias)
            c0v = b0; c1v = b0; c2v = b0; c3v = b0; c4v = b0; c5v = b0
        }
        // Six row pointers and one shared offset: every A load is a single addressing mode
        // (embedded broadcast in the FMA), whatever the strides.
        let a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs, a4 = a + 4 * rs, a5 = a + 5 * rs
        var o = 0, bp = b
        for _ in 0..<kc {
            let b0 = load(bp)
            c0v.addProduct(SIMD16<Float>(repeating: a0[o]), b0)
            c1v.addProduct(SIMD16<Float>(repeating: a1[o]), b0)
            c2v.addProduct(SIMD16<Float>(repeating: a2[o]), b0)
            c3v.addProduct(SIMD16<Float>(repeating: a3[o]), b0)
            c4v.addProduct(SIMD16<Float>(repeating: a4[o]), b0)
            c5v.addProduct(SIMD16<Float>(repeating: a5[o]), b0)
            o += ps
            bp += bs
        }
        store(c0v, c0, relu: relu); store(c1v, c1, relu: relu); store(c2v, c2, relu: relu)
        store(c3v, c3, relu: relu); store(c4v, c4, relu: relu); store(c5v, c5, relu: relu)
    }
}
