/// An element-wise factor of a gradient that a dropout leaves to the layer below it:
/// the dropout's backward pass is ∂L/∂x = G ⊙ K, with K_ij = 1/(1 − r) where element (i, j)
/// was kept and 0 where it was dropped. The layer below makes a pass over G anyway (a
/// conditioning layer's column sums, a Dense layer's bias-gradient sums), so it forms the
/// same Float product g_ij·K_ij there, and the dropout's own read-modify-write pass over G
/// is saved. The product is the one the dropout would form, so no bit changes.
public struct GradientFactor {
    /// One byte per element of the [B × width] batch: 1 kept, 0 dropped.
    let kept: UnsafeMutablePointer<UInt8>
    /// 1/(1 − r).
    let keep: Float
    let width: Int

    /// K_ij.
    @inline(__always)
    func value(_ i: Int, _ j: Int) -> Float { kept[i * width + j] != 0 ? keep : 0 }

    /// K_i,j..<j+16 (the caller makes sure the 16 columns exist).
    @inline(always)
    func values16(_ i: Int, _ j: Int) -> SIMD16<Float> {
        // A lane loop, which LLVM turns into one widening load and a blend (the generic
        // SIMD conversions between element types are not).
        let row = kept + i * width + j
        var v = SIMD16<Float>()
        for l in 0..<16 { v[l] = row[l] != 0 ? keep : 0 }
        return v
    }

    /// K_i,j..<j+count in the first `count` lanes (count ≤ 16), zeros in the others.
    @inline(__always)
    func values(_ i: Int, _ j: Int, count: Int) -> SIMD16<Float> {
        if count == 16 { return values16(i, j) }
        var v = SIMD16<Float>()
        for l in 0..<count { v[l] = value(i, j + l) }
        return v
    }
}
