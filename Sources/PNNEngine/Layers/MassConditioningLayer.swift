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
        // ∂L/∂H = G ⊙ S only when scaling; with biasing alone it is G itself.
        let dh = needInputGradient && scaleKernel != nil ? ensureRows(&gradInput, rows: rows, cols: d) : nil
        let buffers = Buffers(g: g.data, h: h.data, m: context.mass.data, dh: dh?.data,
                              ws: scaleKernel?.value.data, bs: scaleBias?.value.data,
                              gws: scaleKernel?.gradient.data, gbs: scaleBias?.gradient.data,
                              gwt: shiftKernel?.gradient.data, gbt: shiftBias?.gradient.data)
        // Parameter gradients are reductions over the batch: split over columns only.
        context.pool.parallelRanges(count: d, granularity: 16) { cols in
            var j = cols.lowerBound
            while j < cols.upperBound {
                let width = min(16, cols.upperBound - j)
                MassConditioningLayer.backwardColumns(j, width: width, rows: rows, stride: d, buffers)
                j += width
            }
        }
        guard needInputGradient else { return nil }
        return dh ?? g
    }

    struct Buffers {
        let g, h, m: UnsafeMutablePointer<Float>
        let dh, ws, bs, gws, gbs, gwt, gbt: UnsafeMutablePointer<Float>?
    }

    /// Columns j..<j+width (width ≤ 16), every row i in increasing order, in SIMD
    /// registers: Σ_i G_ij·h_ij·m_i, Σ_i G_ij·h_ij, Σ_i G_ij·m_i, Σ_i G_ij, and, when
    /// wanted, ∂L/∂h_ij = G_ij·(m_i·w_s,j + b_s,j). Lanes past `width` hold zeros, so every
    /// real column's arithmetic is the same whatever the block boundaries.
    @inline(__always)
    static func backwardColumns(_ j: Int, width: Int, rows: Int, stride d: Int, _ b: Buffers) {
        typealias V = SIMD16<Float>
        @inline(__always) func load(_ p: UnsafeMutablePointer<Float>) -> V {
            if width == 16 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
            var v = V()
            for l in 0..<width { v[l] = p[l] }
            return v
        }
        var sGHM = V(), sGH = V(), sGM = V(), sG = V()
        let scaling = b.gws != nil, shifting = b.gwt != nil
        let ws = b.ws.map { load($0 + j) } ?? V(), bs = b.bs.map { load($0 + j) } ?? V()
        for i in 0..<rows {
            let gi = load(b.g + i * d + j)
            let mi = V(repeating: b.m[i])
            if scaling {
                let gh = gi * load(b.h + i * d + j)
                sGHM.addProduct(gh, mi)
                sGH += gh
                if let dh = b.dh {
                    let di = gi * (mi * ws + bs)
                    if width == 16 {
                        UnsafeMutableRawPointer(dh + i * d + j).storeBytes(of: di, as: V.self)
                    } else {
                        for l in 0..<width { dh[i * d + j + l] = di[l] }
                    }
                }
            }
            if shifting {
                sGM.addProduct(gi, mi)
                sG += gi
            }
        }
        for l in 0..<width {
            b.gws?[j + l] = sGHM[l]; b.gbs?[j + l] = sGH[l]
            b.gwt?[j + l] = sGM[l]; b.gbt?[j + l] = sG[l]
        }
    }
}
