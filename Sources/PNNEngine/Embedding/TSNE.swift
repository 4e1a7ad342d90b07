import Foundation

/// Exact t-SNE (van der Maaten & Hinton 2008, "Visualizing data using t-SNE", JMLR 9),
/// in Double, O(N²) time and memory: meant for a few thousand points.
///
/// Input affinities. For each point i a Gaussian bandwidth β_i = 1/(2σ_i²) is found by
/// bisection so that the perplexity of
///     p_{j|i} = exp(−β_i ‖x_i − x_j‖²) / Σ_{k≠i} exp(−β_i ‖x_i − x_k‖²)
/// equals the target: H(P_i) = −Σ_j p_{j|i} ln p_{j|i} = ln(perplexity). The joint
/// affinities are symmetrised, p_ij = (p_{j|i} + p_{i|j}) / 2N, so Σ_ij p_ij = 1.
///
/// Output affinities (Student t with one degree of freedom):
///     q_ij = w_ij / Z,  w_ij = (1 + ‖y_i − y_j‖²)⁻¹,  Z = Σ_{k≠l} w_kl.
///
/// Cost C = KL(P‖Q) = Σ_{i≠j} p_ij ln(p_ij / q_ij), gradient
///     ∂C/∂y_i = 4 Σ_j (α p_ij − q_ij) w_ij (y_i − y_j),
/// with α = early exaggeration for the first iterations, then 1. Updates are gradient
/// descent with momentum and per-coordinate adaptive gains (the "delta-bar-delta" rule
/// of the reference implementation: gain + 0.2 when the gradient changes sign against
/// the previous update, × 0.8 otherwise, floored at 0.01); the embedding is re-centred
/// after every step.
///
/// Determinism: the initial embedding is N(0, 10⁻⁴ I) from
/// `RandomStream(seed:, purpose: .subsampling, index: initStreamIndex)`; every row's sums
/// run over j in index order (`TSNEPairSums`, eight rows per task) and Z is the sum of
/// the row sums in row order, so the result does not depend on the number of threads.
public struct TSNE: Sendable {
    public var perplexity: Double = 30
    public var iterations: Int = 1000
    public var earlyExaggeration: Double = 12
    public var exaggerationIterations: Int = 250
    public var initialMomentum: Double = 0.5
    public var finalMomentum: Double = 0.8
    public var learningRate: Double = 200
    /// Dimensions of the embedding (1 to 3).
    public var outputDimensions: Int = 2
    /// KL(P‖Q) is recorded every `klInterval` iterations (and after the last).
    public var klInterval: Int = 50
    public var seed: UInt64

    /// Sub-stream of `.subsampling` used for the initial embedding, so that it never
    /// coincides with the stream that picks the events.
    public static let initStreamIndex: UInt64 = 0x75AE

    /// Changes whenever a change of this code changes an embedding's bits; stored
    /// embeddings (the report's cache) are named by it.
    public static let version = 1

    public init(seed: UInt64) {
        self.seed = seed
    }

    public struct Result: Sendable {
        /// Row-major N × outputDimensions.
        public var embedding: [Double]
        public var dimensions: Int
        /// (iteration, KL(P‖Q) with the unexaggerated P) at each checkpoint.
        public var klHistory: [(iteration: Int, kl: Double)]

        public init(embedding: [Double], dimensions: Int, klHistory: [(iteration: Int, kl: Double)]) {
            self.embedding = embedding
            self.dimensions = dimensions
            self.klHistory = klHistory
        }

        public func point(_ i: Int) -> ArraySlice<Double> { embedding[(i * dimensions)..<((i + 1) * dimensions)] }
    }

    /// Embeds the `rows` × `cols` row-major points `x`.
    public func embed(_ x: [Double], rows n: Int, cols d: Int, threads: Int = 1) -> Result {
        precondition(x.count == n * d, "x has \(x.count) values, expected \(n) × \(d)")
        let od = outputDimensions
        guard n > 1 else { return Result(embedding: [Double](repeating: 0, count: n * od), dimensions: od, klHistory: []) }
        let pool = WorkerPool(threads: max(1, threads))
        let p = Self.jointAffinities(x, rows: n, cols: d, perplexity: min(perplexity, Double(n - 1) / 3), pool: pool)

        var y = [Double](repeating: 0, count: n * od)
        var stream = RandomStream(seed: seed, purpose: .subsampling, index: Self.initStreamIndex)
        for k in y.indices { y[k] = 1e-4 * stream.nextGaussian() }
        var update = [Double](repeating: 0, count: n * od)
        var gains = [Double](repeating: 1, count: n * od)
        var gradient = [Double](repeating: 0, count: n * od)
        var rowSums = [Double](repeating: 0, count: n)
        var pairs = TSNEPairSums(rows: n, dimensions: od)
        var history: [(Int, Double)] = []

        for iteration in 0..<iterations {
            let exaggeration = iteration < exaggerationIterations ? earlyExaggeration : 1
            let momentum = iteration < exaggerationIterations ? initialMomentum : finalMomentum
            pairs.load(y)
            // Pass 1: row sums of the Student-t kernel; Z is their sum in row order.
            rowSums.withUnsafeMutableBufferPointer { sp in
                pool.run(tasks: pairs.blocks) { b in pairs.rowSums(block: b, into: sp.baseAddress!) }
            }
            var z = 0.0
            for s in rowSums { z += s }
            let invZ = 1 / z
            // Pass 2: the gradient.
            p.withUnsafeBufferPointer { pp in
                gradient.withUnsafeMutableBufferPointer { gp in
                    pool.run(tasks: pairs.blocks) { b in
                        pairs.gradient(block: b, p: pp.baseAddress!, exaggeration: exaggeration, invZ: invZ, into: gp.baseAddress!)
                    }
                }
            }
            if iteration % klInterval == 0 {
                history.append((iteration, pairs.klDivergence(p: p, z: z)))
            }
            for k in y.indices {
                let sameSign = (gradient[k] > 0) == (update[k] > 0)
                gains[k] = max(0.01, sameSign ? gains[k] * 0.8 : gains[k] + 0.2)
                update[k] = momentum * update[k] - learningRate * gains[k] * gradient[k]
                y[k] += update[k]
            }
            for c in 0..<od {
                var mean = 0.0
                for i in 0..<n { mean += y[i * od + c] }
                mean /= Double(n)
                for i in 0..<n { y[i * od + c] -= mean }
            }
        }
        pairs.load(y)
        history.append((iterations, pairs.klDivergence(p: p, z: pairs.pairSum())))
        return Result(embedding: y, dimensions: od, klHistory: history)
    }

    /// The symmetrised joint affinities P (N × N, row-major, zero diagonal).
    static func jointAffinities(_ x: [Double], rows n: Int, cols d: Int, perplexity: Double, pool: WorkerPool) -> [Double] {
        var conditional = [Double](repeating: 0, count: n * n)
        let target = Foundation.log(max(perplexity, 1.0001))
        x.withUnsafeBufferPointer { xp in
            conditional.withUnsafeMutableBufferPointer { cp in
                pool.run(tasks: n) { i in
                    var d2 = [Double](repeating: 0, count: n)
                    for j in 0..<n where j != i {
                        var s = 0.0
                        for c in 0..<d { let t = xp[i * d + c] - xp[j * d + c]; s += t * t }
                        d2[j] = s
                    }
                    let row = Self.conditionalRow(d2, skipping: i, targetEntropy: target)
                    for j in 0..<n { cp[i * n + j] = row[j] }
                }
            }
        }
        var p = [Double](repeating: 0, count: n * n)
        let scale = 1 / (2 * Double(n))
        for i in 0..<n {
            for j in 0..<n where j != i {
                // A floor keeps ln(p_ij) finite and every pair weakly attracted.
                p[i * n + j] = max((conditional[i * n + j] + conditional[j * n + i]) * scale, 1e-12)
            }
        }
        return p
    }

    /// p_{·|i} for squared distances `d2` (entry `i` ignored), with β found by bisection
    /// on H(β) = ln Σ e^{−β d²} + β Σ d² e^{−β d²} / Σ e^{−β d²}, which decreases in β.
    /// Distances are shifted by their minimum before exponentiation (it cancels in the
    /// ratio) so that large distances cannot underflow every term.
    static func conditionalRow(_ d2: [Double], skipping i: Int, targetEntropy: Double) -> [Double] {
        let n = d2.count
        var minD = Double.infinity
        for j in 0..<n where j != i { minD = min(minD, d2[j]) }
        var beta = 1.0, lo = 0.0, hi = Double.infinity
        var row = [Double](repeating: 0, count: n)
        for _ in 0..<200 {
            var sum = 0.0, weighted = 0.0
            for j in 0..<n where j != i {
                let shifted = d2[j] - minD
                let e = Foundation.exp(-beta * shifted)
                row[j] = e
                sum += e
                weighted += shifted * e
            }
            let entropy = Foundation.log(sum) + beta * weighted / sum
            let difference = entropy - targetEntropy
            if abs(difference) < 1e-6 { break }
            if difference > 0 {
                lo = beta
                beta = hi.isFinite ? (beta + hi) / 2 : beta * 2
            } else {
                hi = beta
                beta = (beta + lo) / 2
            }
        }
        var sum = 0.0
        for j in 0..<n where j != i { sum += row[j] }
        for j in 0..<n { row[j] = j == i ? 0 : row[j] / sum }
        return row
    }
}
