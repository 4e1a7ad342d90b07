/// Shared mechanism of the mass-conditioning layers (paper §2.2 and eq. 1).
///
/// For a hidden batch H [B × D] and the mass column m [B × 1], two linear maps of the
/// mass (each a Dense layer from 1 to D units with linear activation):
///
///     s_i = m_i·w_s + b_s      (scaling,  w_s, b_s ∈ ℝᴰ)
///     t_i = m_i·w_t + b_t      (biasing,  w_t, b_t ∈ ℝᴰ)
///
/// and the output  z_i = h_i ⊙ s_i + t_i  (affine), h_i ⊙ s_i (scaling only) or
/// h_i + t_i (biasing only). With G = ∂L/∂Z the gradients are
///
///     ∂L/∂H = G ⊙ S,   ∂L/∂w_s = Σ_i G_i ⊙ h_i · m_i,   ∂L/∂b_s = Σ_i G_i ⊙ h_i,
///     ∂L/∂w_t = Σ_i G_i · m_i,   ∂L/∂b_t = Σ_i G_i.
///
/// The mass is an input, not a learned quantity: no gradient flows into it.
public class MassConditioningLayer: Layer {
    public let name: String
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    public let scaleKernel: Parameter?
    public let scaleBias: Parameter?
    public let shiftKernel: Parameter?
    public let shiftBias: Parameter?
    public var parameters: [Parameter] { [scaleKernel, scaleBias, shiftKernel, shiftBias].compactMap { $0 } }

    private var input: Matrix?
    private var output: Matrix?
    private var gradInput: Matrix?

    init(name: String, width: Int, scaling: Bool, biasing: Bool) {
        self.name = name
        self.inputWidth = width
        scaleKernel = scaling ? Parameter(name: "\(name).scale.kernel", kind: .kernel, rows: 1, cols: width) : nil
        scaleBias = scaling ? Parameter(name: "\(name).scale.bias", kind: .bias, rows: 1, cols: width) : nil
        shiftKernel = biasing ? Parameter(name: "\(name).shift.kernel", kind: .kernel, rows: 1, cols: width) : nil
        shiftBias = biasing ? Parameter(name: "\(name).shift.bias", kind: .bias, rows: 1, cols: width) : nil
    }

    public func forward(_ h: Matrix, _ context: PassContext) -> Matrix {
        precondition(h.cols == inputWidth, "\(name): input has \(h.cols) columns, expected \(inputWidth)")
        input = h
        let rows = h.rows, d = inputWidth
        let z = ensureRows(&output, rows: rows, cols: d)
        let m = context.mass.data
        let ws = scaleKernel?.value.data, bs = scaleBias?.value.data
        let wt = shiftKernel?.value.data, bt = shiftBias?.value.data
        context.pool.parallelRanges(count: rows, granularity: RowOps.rowGrain) { range in
            for i in range {
                let hi = h.data + i * d, zi = z.data + i * d, mi = m[i]
                if let ws, let bs, let wt, let bt {
                    for j in 0..<d { zi[j] = hi[j] * (mi * ws[j] + bs[j]) + (mi * wt[j] + bt[j]) }
                } else if let ws, let bs {
                    for j in 0..<d { zi[j] = hi[j] * (mi * ws[j] + bs[j]) }
                } else if let wt, let bt {
                    for j in 0..<d { zi[j] = hi[j] + (mi * wt[j] + bt[j]) }
                }
            }
        }
        return z
    }

    public func backward(_ g: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        let h = input!, rows = g.rows, d = inputWidth
        let m = context.mass.data
        let ws = scaleKernel?.value.data, bs = scaleBias?.value.data
        // Parameter gradients: reductions over the batch, split over columns.
        let gws = scaleKernel?.gradient.data, gbs = scaleBias?.gradient.data
        let gwt = shiftKernel?.gradient.data, gbt = shiftBias?.gradient.data
        context.pool.parallelRanges(count: d, granularity: 16) { cols in
            for j in cols {
                gws?[j] = 0; gbs?[j] = 0; gwt?[j] = 0; gbt?[j] = 0
            }
            for i in 0..<rows {
                let gi = g.data + i * d, hi = h.data + i * d, mi = m[i]
                if let gws, let gbs {
                    for j in cols {
                        let gh = gi[j] * hi[j]
                        gws[j] += gh * mi
                        gbs[j] += gh
                    }
                }
                if let gwt, let gbt {
                    for j in cols {
                        gwt[j] += gi[j] * mi
                        gbt[j] += gi[j]
                    }
                }
            }
        }
        guard needInputGradient else { return nil }
        guard let ws, let bs else { return g }  // biasing only: ∂L/∂H = G
        let dh = ensureRows(&gradInput, rows: rows, cols: d)
        context.pool.parallelRanges(count: rows, granularity: RowOps.rowGrain) { range in
            for i in range {
                let gi = g.data + i * d, di = dh.data + i * d, mi = m[i]
                for j in 0..<d { di[j] = gi[j] * (mi * ws[j] + bs[j]) }
            }
        }
        return dh
    }
}
