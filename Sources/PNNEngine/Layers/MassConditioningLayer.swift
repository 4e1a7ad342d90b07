/// Shared mechanism of the mass-conditioning layers (paper §2.2 and eq. 1).
///
/// For a hidden batch H [B × D] and the physics parameters M [B × p] (row m_i ∈ ℝᵖ; the
/// mass alone: p = 1), two linear maps of the parameters (each a Dense layer from p to D
/// units with linear activation, kernel in Keras' [p × D] layout):
///
///     s_i = m_i·W_s + b_s      (scaling,  W_s ∈ ℝ^(p×D), b_s ∈ ℝᴰ)
///     t_i = m_i·W_t + b_t      (biasing,  W_t ∈ ℝ^(p×D), b_t ∈ ℝᴰ)
///
/// i.e. s_ij = (Σ_c m_ic·W_s,cj) + b_s,j, summed in increasing c, and the output
/// z_i = h_i ⊙ s_i + t_i (affine), h_i ⊙ s_i (scaling only) or h_i + t_i (biasing only).
/// With G = ∂L/∂Z the gradients are
///
///     ∂L/∂H = G ⊙ S,   ∂L/∂W_s,cj = Σ_i G_ij·h_ij·m_ic,   ∂L/∂b_s,j = Σ_i G_ij·h_ij,
///     ∂L/∂W_t,cj = Σ_i G_ij·m_ic,   ∂L/∂b_t,j = Σ_i G_ij.
///
/// The parameters are inputs, not learned quantities: no gradient flows into them.
public class MassConditioningLayer: Layer {
    public let name: String
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    /// p, the columns of the mass input (`PassContext.mass`) and the rows of each kernel.
    public let massWidth: Int
    public let scaleKernel: Parameter?
    public let scaleBias: Parameter?
    public let shiftKernel: Parameter?
    public let shiftBias: Parameter?
    public var parameters: [Parameter] { [scaleKernel, scaleBias, shiftKernel, shiftBias].compactMap { $0 } }

    private var input: Matrix?
    private var output: Matrix?
    private var gradInput: Matrix?

    init(name: String, width: Int, massWidth: Int, scaling: Bool, biasing: Bool) {
        guard massWidth >= 1 else { fatalError("\(name): a conditioning layer needs at least one parameter, got \(massWidth)") }
        self.name = name
        self.inputWidth = width
        self.massWidth = massWidth
        scaleKernel = scaling ? Parameter(name: "\(name).scale.kernel", kind: .kernel, rows: massWidth, cols: width) : nil
        scaleBias = scaling ? Parameter(name: "\(name).scale.bias", kind: .bias, rows: 1, cols: width) : nil
        shiftKernel = biasing ? Parameter(name: "\(name).shift.kernel", kind: .kernel, rows: massWidth, cols: width) : nil
        shiftBias = biasing ? Parameter(name: "\(name).shift.bias", kind: .bias, rows: 1, cols: width) : nil
    }

    public func forward(_ h: Matrix, _ context: PassContext) -> Matrix {
        forward(h, context, dropout: nil)
    }

    /// The forward pass, followed on each row, while it is in L1, by the row pass of the
    /// dropout after this layer when `dropout` is given (Z is then written into the
    /// dropout's output and the dropout's output returned): the same values as the two
    /// layers' passes one after the other.
    func forward(_ h: Matrix, _ context: PassContext, dropout: Dropout?) -> Matrix {
        precondition(h.cols == inputWidth, "\(name): input has \(h.cols) columns, expected \(inputWidth)")
        context.requireMass(rows: h.rows, columns: massWidth, for: name)
        input = h
        let rows = h.rows, d = inputWidth, p = massWidth
        let pass = dropout?.rowPass(rows: rows, context)
        let z = pass?.output ?? ensureRows(&output, rows: rows, cols: d)
        let m = context.mass.data
        let ws = scaleKernel?.value.data, bs = scaleBias?.value.data
        let wt = shiftKernel?.value.data, bt = shiftBias?.value.data
        context.pool.parallelRanges(count: rows, granularity: RowOps.rowGrain) { range in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: pass?.hashesPerRow ?? 0) { hashes in
                for i in range {
                    let hi = h.data + i * d, zi = z.data + i * d
                    if p == 1 {
                        // The mass alone: the loops (and bits) of the one-parameter engine.
                        let mi = m[i]
                        if let ws, let bs, let wt, let bt {
                            for j in 0..<d { zi[j] = hi[j] * (mi * ws[j] + bs[j]) + (mi * wt[j] + bt[j]) }
                        } else if let ws, let bs {
                            for j in 0..<d { zi[j] = hi[j] * (mi * ws[j] + bs[j]) }
                        } else if let wt, let bt {
                            for j in 0..<d { zi[j] = hi[j] + (mi * wt[j] + bt[j]) }
                        }
                    } else {
                        let mi = m + i * p
                        if let ws, let bs, let wt, let bt {
                            for j in 0..<d { zi[j] = hi[j] * Self.map(mi, ws, bs, j, p: p, d: d) + Self.map(mi, wt, bt, j, p: p, d: d) }
                        } else if let ws, let bs {
                            for j in 0..<d { zi[j] = hi[j] * Self.map(mi, ws, bs, j, p: p, d: d) }
                        } else if let wt, let bt {
                            for j in 0..<d { zi[j] = hi[j] + Self.map(mi, wt, bt, j, p: p, d: d) }
                        }
                    }
                    pass?.apply(row: i, input: zi, hashes: hashes.baseAddress!)
                }
            }
        }
        return z
    }

    /// (Σ_c m_c·W_cj) + b_j for one row m of p > 1 parameters, summed in increasing c.
    @inline(__always)
    static func map(_ m: UnsafeMutablePointer<Float>, _ w: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>,
                    _ j: Int, p: Int, d: Int) -> Float {
        var a = m[0] * w[j]
        for c in 1..<p { a += m[c] * w[c * d + j] }
        return a + b[j]
    }

    public func backward(_ g: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        backward(g, factor: nil, reluBiasGradient: nil, context, needInputGradient: needInputGradient)
    }

    /// Backward pass given ∂L/∂Z = G ⊙ K, with K a dropout's factor not yet applied (nil:
    /// K = 1). With `reluBiasGradient`, the layer below is a ReLU Dense layer whose output is
    /// this layer's input H: its derivative [H > 0] is applied to ∂L/∂H here and the column
    /// sums of the result, that layer's bias gradient, are written there, so the returned
    /// matrix is already that layer's ∂L/∂Z. The same products and sums, in the same order,
    /// as the separate passes of the dropout and the Dense layer.
    func backward(_ g: Matrix, factor: GradientFactor?, reluBiasGradient: UnsafeMutablePointer<Float>?,
                  _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        let h = input!, rows = g.rows, d = inputWidth, p = massWidth
        precondition(reluBiasGradient == nil || needInputGradient, "\(name): the ReLU below needs the input gradient")
        // ∂L/∂H = G ⊙ S only when scaling; with biasing alone it is G itself, returned as is
        // unless a factor or the ReLU below changes it.
        let writesInputGradient = needInputGradient && (scaleKernel != nil || factor != nil || reluBiasGradient != nil)
        let dh = writesInputGradient ? ensureRows(&gradInput, rows: rows, cols: d) : nil
        let buffers = Buffers(g: g.data, h: h.data, m: context.mass.data, p: p, dh: dh?.data,
                              ws: scaleKernel?.value.data, bs: scaleBias?.value.data,
                              gws: scaleKernel?.gradient.data, gbs: scaleBias?.gradient.data,
                              gwt: shiftKernel?.gradient.data, gbt: shiftBias?.gradient.data,
                              factor: factor, reluBias: reluBiasGradient)
        // Parameter gradients are reductions over the batch: split over columns only.
        context.pool.parallelRanges(count: d, granularity: 16) { cols in
            var j = cols.lowerBound
            while j < cols.upperBound {
                let rest = min(16, cols.upperBound - j)
                // A last block narrower than 16 is run as the 16 columns ending at the range's
                // end when the range has them: full-width loads and stores instead of lane
                // loops on every row. Its first 16 − rest lanes repeat columns of the block
                // before (the same operations on the same inputs: ∂L/∂H is rewritten with its
                // own bits), and only the new lanes' sums are written.
                let overlap = rest < 16 && cols.count >= 16
                let start = overlap ? cols.upperBound - 16 : j, width = overlap ? 16 : rest, first = overlap ? 16 - rest : 0
                if p == 1 && width == 16 {
                    // Constant arguments, so the inlined kernel is the one-parameter engine's
                    // with whole-vector loads and stores and no lane loops.
                    MassConditioningLayer.backwardColumns(start, width: 16, from: first, rows: rows, stride: d, buffers,
                                                          severalParameters: false)
                } else if p == 1 {
                    MassConditioningLayer.backwardColumns(start, width: width, from: first, rows: rows, stride: d, buffers,
                                                          severalParameters: false)
                } else {
                    MassConditioningLayer.backwardColumns(start, width: width, from: first, rows: rows, stride: d, buffers,
                                                          severalParameters: true)
                    for c in 1..<p {
                        MassConditioningLayer.backwardKernelRow(c, start, width: width, from: first, rows: rows, stride: d, buffers)
                    }
                }
                j += rest
            }
        }
        guard needInputGradient else { return nil }
        return dh ?? g
    }

    struct Buffers {
        let g, h, m: UnsafeMutablePointer<Float>
        /// Columns of `m`, one per parameter.
        let p: Int
        let dh, ws, bs, gws, gbs, gwt, gbt: UnsafeMutablePointer<Float>?
        /// K of a dropout above (G ⊙ K is the gradient), and the bias gradient of a ReLU Dense below.
        let factor: GradientFactor?
        let reluBias: UnsafeMutablePointer<Float>?
    }

    typealias V = SIMD16<Float>

    /// Floats p[0..<width] (width ≤ 16) in the first lanes, zeros in the others.
    @inline(always)
    static func load(_ p: UnsafeMutablePointer<Float>, width: Int) -> V {
        if width == 16 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        var v = V()
        for l in 0..<width { v[l] = p[l] }
        return v
    }

    /// Columns j..<j+width (width ≤ 16), every row i in increasing order, in SIMD
    /// registers: Σ_i G_ij·h_ij·m_i0, Σ_i G_ij·h_ij, Σ_i G_ij·m_i0, Σ_i G_ij (kernel row 0
    /// and the biases), and, when wanted, ∂L/∂h_ij = G_ij·s_ij with s_ij summed as in the
    /// forward pass (G_ij itself without scaling), then zeroed where h_ij ≤ 0 and summed
    /// over i when the ReLU below is fused (`reluBias`). G_ij is g_ij·K_ij when a factor is
    /// given. Lanes past `width` hold zeros, so every real column's arithmetic is the same
    /// whatever the block boundaries. Sums are written for lanes `first..<width`.
    /// `severalParameters` is false exactly when p = 1.
    @inline(always)
    static func backwardColumns(_ j: Int, width: Int, from first: Int, rows: Int, stride d: Int, _ b: Buffers,
                                severalParameters: Bool) {
        var sGHM = V(), sGH = V(), sGM = V(), sG = V(), sDZ = V()
        let scaling = b.gws != nil, shifting = b.gwt != nil
        let ws = b.ws.map { load($0 + j, width: width) } ?? V(), bs = b.bs.map { load($0 + j, width: width) } ?? V()
        for i in 0..<rows {
            var gi = load(b.g + i * d + j, width: width)
            if let factor = b.factor { gi *= factor.values(i, j, count: width) }
            let mi = V(repeating: b.m[severalParameters ? i * b.p : i])
            let hi = scaling || b.reluBias != nil ? load(b.h + i * d + j, width: width) : V()
            if scaling {
                let gh = gi * hi
                sGHM.addProduct(gh, mi)
                sGH += gh
            }
            if let dh = b.dh {
                var di = gi
                if scaling {
                    var s = mi * ws
                    if severalParameters {
                        for c in 1..<b.p { s += V(repeating: b.m[i * b.p + c]) * load(b.ws! + c * d + j, width: width) }
                    }
                    di = gi * (s + bs)
                }
                if b.reluBias != nil {
                    di.replace(with: 0, where: .!(hi .> 0))
                    sDZ += di
                }
                if width == 16 {
                    UnsafeMutableRawPointer(dh + i * d + j).storeBytes(of: di, as: V.self)
                } else {
                    for l in 0..<width { dh[i * d + j + l] = di[l] }
                }
            }
            if shifting {
                sGM.addProduct(gi, mi)
                sG += gi
            }
        }
        for l in first..<width {
            b.gws?[j + l] = sGHM[l]; b.gbs?[j + l] = sGH[l]
            b.gwt?[j + l] = sGM[l]; b.gbt?[j + l] = sG[l]
            b.reluBias?[j + l] = sDZ[l]
        }
    }

    /// Kernel row c ≥ 1, columns j..<j+width: Σ_i G_ij·h_ij·m_ic and Σ_i G_ij·m_ic, rows
    /// in increasing order with the arithmetic of row 0's sums in `backwardColumns` (lanes
    /// `first..<width` written).
    @inline(always)
    static func backwardKernelRow(_ c: Int, _ j: Int, width: Int, from first: Int, rows: Int, stride d: Int, _ b: Buffers) {
        var sGHM = V(), sGM = V()
        let scaling = b.gws != nil, shifting = b.gwt != nil
        for i in 0..<rows {
            var gi = load(b.g + i * d + j, width: width)
            if let factor = b.factor { gi *= factor.values(i, j, count: width) }
            let mi = V(repeating: b.m[i * b.p + c])
            if scaling { sGHM.addProduct(gi * load(b.h + i * d + j, width: width), mi) }
            if shifting { sGM.addProduct(gi, mi) }
        }
        for l in first..<width {
            b.gws?[c * d + j + l] = sGHM[l]
            b.gwt?[c * d + j + l] = sGM[l]
        }
    }
}
