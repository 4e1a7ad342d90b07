/// A read-only matrix view with arbitrary strides: element (i, j) is
/// `base[i * rowStride + j * colStride]`. Lets one GEMM driver serve the nn/nt/tn forms:
/// a transposed operand is the same memory with the strides swapped.
struct StridedMatrix {
    let base: UnsafePointer<Float>
    let rowStride: Int
    let colStride: Int

    @inline(__always)
    func pointer(_ i: Int, _ j: Int) -> UnsafePointer<Float> { base + i * rowStride + j * colStride }
}

/// Copies operands into the contiguous, zero-padded panels the micro-kernels read.
/// Packing only moves values; it never changes them, so it has no effect on results.
enum GEMMPacking {
    /// Packs rows `i0..<i0+rows` and reduction indices `p0..<p0+kc` of A into panels of
    /// 6 rows: panel q holds dst[q·6·kc + p·6 + r] = A(i0 + 6q + r, p0 + p), and rows past
    /// `rows` are zero so the kernel can always compute 6 rows.
    static func packA(_ a: StridedMatrix, i0: Int, rows: Int, p0: Int, kc: Int, into dst: UnsafeMutablePointer<Float>) {
        let mr = GEMMMicroKernel.rows
        var q = 0
        while q * mr < rows {
            let panel = dst + q * mr * kc
            let valid = min(mr, rows - q * mr)
            if a.rowStride == 1 {
                // A is stored transposed (tn form): the 6 values for one p are adjacent.
                for p in 0..<kc {
                    let src = a.pointer(i0 + q * mr, p0 + p)
                    let out = panel + p * mr
                    for r in 0..<valid { out[r] = src[r] }
                    for r in valid..<mr { out[r] = 0 }
                }
            } else {
                // A rows are contiguous in p (nn/nt forms): read each row sequentially.
                for r in 0..<valid {
                    let src = a.pointer(i0 + q * mr + r, p0)
                    let cs = a.colStride
                    for p in 0..<kc { panel[p * mr + r] = src[p * cs] }
                }
                if valid < mr {
                    for p in 0..<kc { for r in valid..<mr { panel[p * mr + r] = 0 } }
                }
            }
            q += 1
        }
    }

    /// Packs columns `j0..<j0+cols` (cols ≤ width) of B over all k into one panel:
    /// dst[p·width + j] = B(p, j0 + j), zero for j ≥ cols.
    static func packB(_ b: StridedMatrix, j0: Int, cols: Int, k: Int, width: Int, into dst: UnsafeMutablePointer<Float>) {
        if b.colStride == 1 {
            // B rows are contiguous (nn/tn forms): copy a row segment per p.
            for p in 0..<k {
                let src = b.pointer(p, j0)
                let out = dst + p * width
                out.update(from: src, count: cols)
                if cols < width { (out + cols).update(repeating: 0, count: width - cols) }
            }
        } else {
            // B is stored transposed (nt form): column j of B is a contiguous row of
            // memory. Walk p in short blocks so the strided writes stay in L1.
            let rs = b.rowStride
            let block = 64
            var pb = 0
            while pb < k {
                let pe = min(k, pb + block)
                for j in 0..<cols {
                    let src = b.pointer(0, j0 + j)
                    for p in pb..<pe { dst[p * width + j] = src[p * rs] }
                }
                if cols < width {
                    for p in pb..<pe { (dst + p * width + cols).update(repeating: 0, count: width - cols) }
                }
                pb = pe
            }
        }
    }
}
