/// Concatenation conditioning (Baldi et al. 2016): appends the mass as an extra column,
///
///     z = [h, m]   ([B × D] → [B × (D+1)])
///
/// so that the following Dense layer sees the mass as one more input feature.
/// Backward passes ∂L/∂h through (the first D columns); the mass gets no gradient.
public final class ConcatConditioning: Layer {
    public let name: String
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth + 1 }
    private var output: Matrix?
    private var gradInput: Matrix?

    public init(name: String, width: Int) {
        self.name = name
        self.inputWidth = width
    }

    public func forward(_ h: Matrix, _ context: PassContext) -> Matrix {
        let z = ensureRows(&output, rows: h.rows, cols: outputWidth)
        RowOps.concatenate(h, context.mass, into: z, pool: context.pool)
        return z
    }

    public func backward(_ g: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        guard needInputGradient else { return nil }
        let d = inputWidth, w = outputWidth
        let dh = ensureRows(&gradInput, rows: g.rows, cols: d)
        context.pool.parallelRanges(count: g.rows, granularity: RowOps.rowGrain) { range in
            for i in range { (dh.data + i * d).update(from: g.data + i * w, count: d) }
        }
        return dh
    }
}
