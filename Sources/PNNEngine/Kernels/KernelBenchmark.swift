/// Times the three GEMM forms on the paper model's layer shapes (27→300→150→100→50→1)
/// at batch 1024, plus the fused forward (bias + ReLU) and a partial last batch.
public enum KernelBenchmark {
    public struct Result: Sendable {
        public let form: String
        public let m: Int, n: Int, k: Int
        public let medianSeconds: Double
        public var gflops: Double { 2.0 * Double(m * n * k) / medianSeconds / 1e9 }
        public var summary: String {
            "\(form) \(m)×\(n)×\(k): \(String(format3: medianSeconds * 1e3)) ms, \(String(format3: gflops)) GFLOP/s"
        }
    }

    /// Layer shapes (fan-in, fan-out) of the paper's network.
    public static let layers = [(27, 300), (300, 150), (150, 100), (100, 50), (50, 1)]

    public static func run(pool: WorkerPool, batch: Int = 1024, repetitions: Int = 30) -> [Result] {
        var results: [Result] = []
        for (fanIn, fanOut) in layers {
            results += layer(fanIn: fanIn, fanOut: fanOut, batch: batch, pool: pool, repetitions: repetitions, fused: fanIn == 300)
        }
        // A last partial batch (e.g. 37 rows) must not fall off a cliff.
        results += layer(fanIn: 300, fanOut: 150, batch: 37, pool: pool, repetitions: repetitions * 10, fused: false)
        return results
    }

    static func layer(fanIn: Int, fanOut: Int, batch: Int, pool: WorkerPool, repetitions: Int, fused: Bool) -> [Result] {
        let o = LayerOperands(fanIn: fanIn, fanOut: fanOut, batch: batch, seed: 1)
        var results: [Result] = []
        results.append(Result(form: "X·W  ", m: batch, n: fanOut, k: fanIn, medianSeconds: median(repetitions) { o.forward(pool: pool) }))
        if fused {
            results.append(Result(form: "X·W+b ReLU", m: batch, n: fanOut, k: fanIn,
                                  medianSeconds: median(repetitions) { o.forward(bias: true, relu: true, pool: pool) }))
        }
        results.append(Result(form: "dY·Wᵀ", m: batch, n: fanIn, k: fanOut, medianSeconds: median(repetitions) { o.inputGradient(pool: pool) }))
        results.append(Result(form: "Xᵀ·dY", m: fanIn, n: fanOut, k: batch, medianSeconds: median(repetitions) { o.weightGradient(pool: pool) }))
        return results
    }

    /// Random operands of one Dense layer's three products at batch B: X [B×fanIn],
    /// W [fanIn×fanOut], a zero bias, Y/dY [B×fanOut], and the outputs dX, dW.
    struct LayerOperands {
        let fanIn: Int, fanOut: Int, batch: Int
        let x, w, bias, y, dx, dw: Matrix

        init(fanIn: Int, fanOut: Int, batch: Int, seed: UInt64) {
            self.fanIn = fanIn; self.fanOut = fanOut; self.batch = batch
            x = Matrix(rows: batch, cols: fanIn); w = Matrix(rows: fanIn, cols: fanOut); bias = Matrix(rows: 1, cols: fanOut)
            y = Matrix(rows: batch, cols: fanOut); dx = Matrix(rows: batch, cols: fanIn); dw = Matrix(rows: fanIn, cols: fanOut)
            var s = RandomStream(seed: seed, purpose: .benchmark)
            for m in [x, w, y] { for i in 0..<m.count { m.data[i] = s.nextFloat() - 0.5 } }
        }

        /// Y = X·W, or the Dense forward Y = f(X·W + b) with `bias` (and ReLU), through the
        /// entry points a Dense layer of this shape calls.
        func forward(bias withBias: Bool = false, relu: Bool = false, pool: WorkerPool) {
            if withBias {
                GEMM.nn(m: batch, n: fanOut, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: fanOut, c: y.data, ldc: fanOut,
                        bias: bias.data, relu: relu, pool: pool)
            } else {
                GEMM.nn(m: batch, n: fanOut, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: fanOut, c: y.data, ldc: fanOut,
                        accumulate: false, pool: pool)
            }
        }

        /// dX = dY·Wᵀ.
        func inputGradient(pool: WorkerPool) {
            GEMM.nt(m: batch, n: fanIn, k: fanOut, a: y.data, lda: fanOut, b: w.data, ldb: fanOut, c: dx.data, ldc: fanIn,
                    accumulate: false, pool: pool)
        }

        /// dW = Xᵀ·dY.
        func weightGradient(pool: WorkerPool) {
            GEMM.tn(m: fanIn, n: fanOut, k: batch, a: x.data, lda: fanIn, b: y.data, ldb: fanOut, c: dw.data, ldc: fanOut,
                    accumulate: false, pool: pool)
        }
    }

    /// Median wall time of `body` after a few warm-up calls (page faults, scratch
    /// buffers, waking the pool's threads).
    static func median(_ repetitions: Int, _ body: () -> Void) -> Double {
        for _ in 0..<3 { body() }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let t0 = MonotonicClock.now()
            body()
            times.append(MonotonicClock.now() - t0)
        }
        times.sort()
        return times[times.count / 2]
    }
}

extension String {
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded() / 1000
        self = "\(scaled)"
    }
}
