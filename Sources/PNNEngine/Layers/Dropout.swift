/// Inverted dropout with rate r (Keras semantics):
///
///     training:  y = x ⊙ k / (1 − r),  k_ij ~ Bernoulli(1 − r)
///     inference: y = x
///
/// so the expected activation is unchanged and nothing is rescaled at inference.
/// Backward: ∂L/∂x = ∂L/∂y ⊙ k / (1 − r).
///
/// The mask bit of element (i, j) is a pure function of (seed, step, layer index, i, j):
/// 16-bit lane (j mod 4) of `SplitMix64.value(key(seed, step, layer), i·⌈D/4⌉ + ⌊j/4⌋)`,
/// dropped when the lane is below round(r·2¹⁶). So the mask does not depend on threads,
/// and r = 0.25 is represented exactly.
public final class Dropout: Layer {
    public let name: String
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    public let rate: Float
    /// Distinguishes the dropout layers of one model in the random stream.
    public let index: Int

    private var output: Matrix?
    /// k_ij ≠ 0 of the last training pass, one byte per element (1 kept, 0 dropped): a
    /// quarter of the traffic of storing the Float multiplier itself.
    private let kept = ByteBuffer()
    private var wasTraining = false

    public init(name: String, width: Int, rate: Float, index: Int) {
        precondition(rate >= 0 && rate < 1, "dropout rate must be in [0, 1)")
        self.name = name
        self.inputWidth = width
        self.rate = rate
        self.index = index
    }

    /// The 16-bit threshold below which an element is dropped.
    var threshold: UInt32 { min(65535, UInt32((rate * 65536).rounded())) }

    /// One row: y_j = x_j · (keep if 16-bit lane j of the row's hashes ≥ limit, else 0),
    /// kept_j = 1 or 0 accordingly. Written as two simple loops (hashes, then the mask from
    /// their little-endian 16-bit view: lane k of hash g is element 4g + k) because LLVM
    /// vectorises those better than hand-written generic SIMD code. With x = y (in place)
    /// the row is updated through one pointer: two pointers that overlap would send LLVM's
    /// vectorised loop to its scalar fallback.
    @inline(__always)
    static func maskRow(key: UInt64, firstHash: UInt64, width d: Int, limit: UInt32, keep: Float,
                        x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
                        kept: UnsafeMutablePointer<UInt8>, hashes: UnsafeMutablePointer<UInt64>) {
        let groups = (d + 3) / 4
        for g in 0..<groups { hashes[g] = SplitMix64.value(key: key, index: firstHash &+ UInt64(g)) }
        let lanes = UnsafeRawPointer(hashes).assumingMemoryBound(to: UInt16.self)
        if x == y {
            for j in 0..<d {
                let isKept = UInt32(lanes[j]) >= limit
                kept[j] = isKept ? 1 : 0
                y[j] *= isKept ? keep : 0
            }
            return
        }
        for j in 0..<d {
            let isKept = UInt32(lanes[j]) >= limit
            kept[j] = isKept ? 1 : 0
            y[j] = x[j] * (isKept ? keep : 0)
        }
    }

    /// The training pass of a batch of `rows` rows, row by row: what `forward` does, and
    /// what a layer before the dropout does on each row it has just written (see
    /// `MassConditioningLayer.forward(_:_:dropout:)`), saving a pass over the batch.
    /// nil when nothing is dropped (inference, r = 0), which also records that pass.
    func rowPass(rows: Int, _ context: PassContext) -> RowPass? {
        wasTraining = context.training && rate > 0
        guard wasTraining else { return nil }
        let d = inputWidth
        return RowPass(output: ensureRows(&output, rows: rows, cols: d), kept: kept.ensure(count: rows * d),
                       key: RandomStream.key(seed: context.seed, purpose: .dropout, index: (context.step << 12) | UInt64(index)),
                       limit: threshold, keep: keepFactor, width: d)
    }

    struct RowPass {
        /// Y, where row i is written.
        let output: Matrix
        let kept: UnsafeMutablePointer<UInt8>
        let key: UInt64
        let limit: UInt32
        let keep: Float
        let width: Int
        /// UInt64 hashes a row needs (scratch for `apply`).
        var hashesPerRow: Int { (width + 3) / 4 }

        /// Row i of Y from row i of the input, `x` (which may be row i of Y itself).
        @inline(__always)
        func apply(row i: Int, input x: UnsafeMutablePointer<Float>, hashes: UnsafeMutablePointer<UInt64>) {
            Dropout.maskRow(key: key, firstHash: UInt64(i * hashesPerRow), width: width, limit: limit, keep: keep,
                            x: x, y: output.data + i * width, kept: kept + i * width, hashes: hashes)
        }
    }

    public func forward(_ x: Matrix, _ context: PassContext) -> Matrix {
        guard let pass = rowPass(rows: x.rows, context) else { return x }
        let d = inputWidth
        context.pool.parallelRanges(count: x.rows, granularity: RowOps.rowGrain) { range in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: pass.hashesPerRow) { hashes in
                for i in range { pass.apply(row: i, input: x.data + i * d, hashes: hashes.baseAddress!) }
            }
        }
        return pass.output
    }

    /// 1/(1 − r), the multiplier of a kept element.
    var keepFactor: Float { 1 / (1 - rate) }

    /// The factor K of the last training pass, for a layer below that applies ∂L/∂x = G ⊙ K
    /// itself (see `GradientFactor`); nil when the last pass dropped nothing (inference, r = 0).
    public var gradientFactor: GradientFactor? {
        wasTraining ? GradientFactor(kept: kept.pointer, keep: keepFactor, width: inputWidth) : nil
    }

    public func backward(_ g: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix? {
        guard needInputGradient else { return nil }
        guard let factor = gradientFactor else { return g }
        let d = inputWidth
        context.pool.parallelRanges(count: g.rows, granularity: RowOps.rowGrain) { range in
            for i in range {
                let gi = g.data + i * d
                for j in 0..<d { gi[j] *= factor.value(i, j) }
            }
        }
        return g
    }
}
