import Foundation

/// The two O(N²) sums of one t-SNE iteration, eight rows at a time.
///
///     w_ij = (1 + Σ_c (y_ic − y_jc)²)⁻¹ (w_ii = 0),   S_i = Σ_j w_ij,
///     ∂C/∂y_ic = 4 Σ_{j≠i} (α p_ij − w_ij / Z) w_ij (y_ic − y_jc),   Z = Σ_i S_i.
///
/// Each SIMD lane is one row i and walks j in increasing order, so every lane performs
/// exactly the scalar sequence of roundings of the row-by-row definition: the sums are
/// the same bits, only eight independent chains run side by side. w is recomputed in the
/// gradient pass instead of being stored: an N × N matrix does not fit in cache, and P,
/// which must be read, is traffic enough.
struct TSNEPairSums {
    typealias V = SIMD8<Double>
    static let lanes = V.scalarCount

    let n: Int
    let dimensions: Int
    /// The embedding by coordinate: yT[c · stride + i] = y_ic, rows padded to `stride`.
    private(set) var yT: [Double]
    let stride: Int

    init(rows n: Int, dimensions: Int) {
        precondition((1...3).contains(dimensions), "t-SNE embeds into 1 to 3 dimensions, not \(dimensions)")
        self.n = n
        self.dimensions = dimensions
        stride = (n + Self.lanes - 1) / Self.lanes * Self.lanes
        yT = [Double](repeating: 0, count: stride * dimensions)
    }

    var blocks: Int { stride / Self.lanes }

    /// Takes the row-major embedding y [N × dimensions].
    mutating func load(_ y: [Double]) {
        for i in 0..<n {
            for c in 0..<dimensions { yT[c * stride + i] = y[i * dimensions + c] }
        }
    }

    /// The lanes' coordinates: rows i0 ..< i0 + 8, coordinates past `dimensions` zero.
    private struct Rows {
        var c0 = V(), c1 = V(), c2 = V()
    }

    /// Rows i0 ..< i0 + 8 and column j's coordinates (broadcast), zero past `dimensions`.
    @inline(__always)
    private func coordinates(_ yt: UnsafePointer<Double>, block i0: Int) -> Rows {
        func at(_ c: Int) -> V { c < dimensions ? UnsafeRawPointer(yt + c * stride + i0).loadUnaligned(as: V.self) : V() }
        return Rows(c0: at(0), c1: at(1), c2: at(2))
    }

    @inline(__always)
    private func column(_ yt: UnsafePointer<Double>, _ j: Int) -> Rows {
        func at(_ c: Int) -> V { c < dimensions ? V(repeating: yt[c * stride + j]) : V() }
        return Rows(c0: at(0), c1: at(1), c2: at(2))
    }

    /// w_ij for the lanes' rows and column j (0 on the diagonal). A zero coordinate adds
    /// an exact +0 to the distance, so 1–3 dimensions share this code bit for bit.
    @inline(__always)
    private func kernel(_ yi: Rows, _ yj: Rows, diagonal: SIMDMask<V.MaskStorage>) -> V {
        let t0 = yi.c0 - yj.c0, t1 = yi.c1 - yj.c1, t2 = yi.c2 - yj.c2
        var dist = V()
        dist += t0 * t0
        dist += t1 * t1
        dist += t2 * t2
        var v = 1 / (1 + dist)
        v.replace(with: 0, where: diagonal)
        return v
    }

    /// S_i of the block's rows, into `rowSums` (rows ≥ N are dropped).
    func rowSums(block b: Int, into rowSums: UnsafeMutablePointer<Double>) {
        let i0 = b * Self.lanes
        let rowIndex = V(0, 1, 2, 3, 4, 5, 6, 7) + V(repeating: Double(i0))
        yT.withUnsafeBufferPointer { yp in
            let yt = yp.baseAddress!
            let yi = coordinates(yt, block: i0)
            var s = V()
            for j in 0..<n {
                s += kernel(yi, column(yt, j), diagonal: rowIndex .== V(repeating: Double(j)))
            }
            for l in 0..<Self.lanes where i0 + l < n { rowSums[i0 + l] = s[l] }
        }
    }

    /// ∂C/∂y of the block's rows into `gradient` (row-major N × dimensions), given the
    /// joint affinities `p` (N × N), the exaggeration α and 1/Z.
    func gradient(block b: Int, p: UnsafePointer<Double>, exaggeration: Double, invZ: Double,
                  into gradient: UnsafeMutablePointer<Double>) {
        let i0 = b * Self.lanes
        let rowIndex = V(0, 1, 2, 3, 4, 5, 6, 7) + V(repeating: Double(i0))
        let alpha = V(repeating: exaggeration), invZv = V(repeating: invZ)
        // The lanes' rows of P, each read in order: eight streams the prefetcher follows
        // (reading P's columns instead would touch a new page at every j). Rows past N
        // repeat the last row; their lanes are dropped.
        let r = (0..<Self.lanes).map { l in p + min(i0 + l, n - 1) * n }
        let (r0, r1, r2, r3, r4, r5, r6, r7) = (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])
        yT.withUnsafeBufferPointer { yp in
            let yt = yp.baseAddress!
            let yi = coordinates(yt, block: i0)
            var g = Rows()
            for j in 0..<n {
                let diagonal = rowIndex .== V(repeating: Double(j))
                let yj = column(yt, j)
                let w = kernel(yi, yj, diagonal: diagonal)
                let pij = V(r0[j], r1[j], r2[j], r3[j], r4[j], r5[j], r6[j], r7[j])
                let m = (alpha * pij - w * invZv) * w
                // j = i is not a term of row i's sum: its lane keeps its value.
                g.c0 = (g.c0 + m * (yi.c0 - yj.c0)).replacing(with: g.c0, where: diagonal)
                g.c1 = (g.c1 + m * (yi.c1 - yj.c1)).replacing(with: g.c1, where: diagonal)
                g.c2 = (g.c2 + m * (yi.c2 - yj.c2)).replacing(with: g.c2, where: diagonal)
            }
            let sums = [g.c0, g.c1, g.c2]
            for l in 0..<Self.lanes where i0 + l < n {
                for c in 0..<dimensions { gradient[(i0 + l) * dimensions + c] = sums[c][l] * 4 }
            }
        }
    }

    /// w_ij (i ≠ j) of one pair, in the passes' order of operations.
    private func pairKernel(_ i: Int, _ j: Int) -> Double {
        var dist = 0.0
        for c in 0..<dimensions { let t = yT[c * stride + i] - yT[c * stride + j]; dist += t * t }
        return 1 / (1 + dist)
    }

    /// Z = Σ_{i≠j} w_ij as one sum over the pairs in row order (not by row sums).
    func pairSum() -> Double {
        var z = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i { z += pairKernel(i, j) }
        }
        return z
    }

    /// KL(P‖Q) = Σ_{i≠j} p_ij ln(p_ij Z / w_ij), terms with p_ij = 0 contributing 0,
    /// in row order, with w recomputed as in the passes.
    func klDivergence(p: [Double], z: Double) -> Double {
        var kl = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                let pij = p[i * n + j]
                guard pij > 0 else { continue }
                kl += pij * Foundation.log(pij * z / max(pairKernel(i, j), .leastNormalMagnitude))
            }
        }
        return kl
    }
}
