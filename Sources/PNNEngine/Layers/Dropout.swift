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
    /// vectorises those better than hand-written generic SIMD code.
    @inline(__always)
    static func maskRow(key: UInt64, firstHash: UInt64, width d: Int, limit: UInt32, keep: Float,
                        x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>,
                        kept: UnsafeMutablePointer<UInt8>, hashes: UnsafeMutablePointer<UInt64>) {
        let groups = (d + 3) / 4
        for g in 0..<groups { hashes[g] = SplitMix64.value(key: key, index: firstHash &+ UInt64(g)) }
        let lanes = UnsafeRawPointer(hashes).assumingMemoryBound(to: UInt16.self)
        for j in 0..<d {
            let isKept = UInt32(lanes[j]) >= limit
            kept[j] = isKept ? 1 : 0
            y[j] = x[j] * (isKept ? keep : 0)
        }
    }

    public func forward(_ x: Matrix, _ context: PassContext) -> Matrix {
        wasTraining = context.training && rate > 0
        guard wasTraining else { return x }
        let rows = x.rows, d = inputWidth
        let y = ensureRows(&output, rows: rows, cols: d)
        let mask = kept.ensure(count: rows * d)
        let key = RandomStream.key(seed: context.seed, purpose: .dropout,
                                   index: (context.step << 12) | UInt64(index))
        let groups = (d + 3) / 4
        let keep = keepFactor
        let limit = threshold
        context.pool.parallelRanges(count: rows, granularity: RowOps.rowGrain) { range in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: groups) { hashes in
                for i in range {
                    Dropout.maskRow(key: key, firstHash: UInt64(i * groups), width: d, limit: limit, keep: keep,
                                    x: x.data + i * d, y: y.data + i * d, kept: mask + i * d,
                                    hashes: hashes.baseAddress!)
                }
            }
        }
        return y
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
