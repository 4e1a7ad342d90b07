/// Copies operands into the contiguous, zero-padded panels the micro-kernels read.
/// Packing only moves values; it never changes them, so it has no effect on results.
enum GEMMPacking {
    /// Packs the last, partial row tile of A (rows < 6) over all k:
    /// dst[p·6 + r] = A(i0 + r, p), zero for r ≥ rows, so the kernel can always compute
    /// 6 rows. (Full tiles are read in place, see GEMMMicroKernel.)
    static func packEdgeA(_ a: StridedMatrix, i0: Int, rows: Int, k: Int, into dst: UnsafeMutablePointer<Float>) {
        let mr = GEMMMicroKernel.rows
        dst.update(repeating: 0, count: mr * k)
        for r in 0..<rows {
            let src = a.pointer(i0 + r, 0), cs = a.colStride
            for p in 0..<k { dst[p * mr + r] = src[p * cs] }
        }
    }

    /// Packs columns `j0..<j0+cols` (cols ≤ width) of B, rows `ps`, into a panel:
    /// dst[p·width + j] = B(p, j0 + j) for p in ps, zero for j ≥ cols.
    static func packB(_ b: StridedMatrix, j0: Int, cols: Int, rows ps: Range<Int>, width: Int, into dst: UnsafeMutablePointer<Float>) {
        if b.colStride == 1 {
            // B rows are contiguous (nn/tn forms): copy a row segment per p.
            if cols == width {
                // Full panel: whole-vector copies (a memmove call per 128 bytes costs more).
                for p in ps {
                    let src = UnsafeRawPointer(b.pointer(p, j0)), out = UnsafeMutableRawPointer(dst + p * width)
                    for v in stride(from: 0, to: width * 4, by: 64) {
                        out.storeBytes(of: src.loadUnaligned(fromByteOffset: v, as: SIMD16<Float>.self), toByteOffset: v, as: SIMD16<Float>.self)
                    }
                }
            } else {
                for p in ps {
                    let out = dst + p * width
                    out.update(from: b.pointer(p, j0), count: cols)
                    (out + cols).update(repeating: 0, count: width - cols)
                }
            }
        } else {
            // B is stored transposed (nt form): column j of B is a contiguous row of
            // memory. Walk p in short blocks so the strided writes stay in L1.
            let rs = b.rowStride
            let block = 64
            var pb = ps.lowerBound
            while pb < ps.upperBound {
                let pe = min(ps.upperBound, pb + block)
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
