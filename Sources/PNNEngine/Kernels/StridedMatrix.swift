/// A read-only matrix view with arbitrary strides: element (i, j) is
/// `base[i * rowStride + j * colStride]`. Lets one GEMM driver serve the nn/nt/tn forms:
/// a transposed operand is the same memory with the strides swapped.
struct StridedMatrix {
    let base: UnsafePointer<Float>
    let rowStride: Int
    let colStride: Int

    /// The same memory read as the transpose.
    var transposed: StridedMatrix { StridedMatrix(base: base, rowStride: colStride, colStride: rowStride) }

    @inline(__always)
    func pointer(_ i: Int, _ j: Int) -> UnsafePointer<Float> { base + i * rowStride + j * colStride }
}
