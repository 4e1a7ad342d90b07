/// Concatenation conditioning (Baldi et al. 2016): appends the p physics parameters of
/// each event (the mass alone: p = 1) as extra columns,
///
///     z = [h, m]   ([B × D] → [B × (D+p)])
///
/// so that the following Dense layer sees them as p more input features.
/// Backward passes ∂L/∂h through (the first D columns); the parameters get no gradient.
public final class ConcatConditioning: Layer {
    public let name: String
    public let inputWidth: Int
    /// p, the columns of the mass input (`PassContext.mass`).
    public let massWidth: Int
    public var outputWidth: Int { inputWidth + massWidth }
    private var output: Matrix?
    private var gradInput: Matrix?

    public init(name: String, width: Int, massWidth: Int = 1) {
        guard massWidth >= 1 else { fatalError("\(name): a conditioning layer needs at least one parameter, got \(massWidth)") }
        self.name = name
        self.inputWidth = width
        self.massWidth = massWidth
    }

    public func forward(_ h: Matrix, _ context: PassContext) -> Matrix {
        precondition(h.cols == inputWidth, "\(name): input has \(h.cols) columns, expected \(inputWidth)")
        context.requireMass(rows: h.rows, columns: massWidth, for: name)
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
