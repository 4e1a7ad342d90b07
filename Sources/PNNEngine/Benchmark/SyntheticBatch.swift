/// A reproducible random mini-batch in the paper's input format, for benchmarks and tests
/// that need realistic shapes but no physics: features ~ U(−2, 2), mass drawn from the
/// five HEPMASS mass points (divided by 1000), labels 0/1 with equal probability, unit
/// weights. Batch `index` of `seed` is always the same.
public final class SyntheticBatch {
    public let x: Matrix
    public let mass: Matrix
    public let labels: Matrix
    public let weights: Matrix

    public static let massPoints: [Float] = [0.5, 0.75, 1.0, 1.25, 1.5]

    public init(size: Int, features: Int) {
        x = Matrix(rows: size, cols: features)
        mass = Matrix(rows: size, cols: 1)
        labels = Matrix(rows: size, cols: 1)
        weights = Matrix(rows: size, cols: 1)
        weights.fill(1)
    }

    /// Fills the buffers with batch number `index` of the stream keyed by `seed`.
    public func fill(seed: UInt64, index: UInt64) {
        var s = RandomStream(seed: seed, purpose: .benchmark, index: index)
        for i in 0..<x.count { x.data[i] = 4 * s.nextFloat() - 2 }
        for i in 0..<mass.rows {
            mass.data[i] = SyntheticBatch.massPoints[s.nextInt(below: 5)]
            labels.data[i] = Float(s.next() >> 63)
        }
    }
}
