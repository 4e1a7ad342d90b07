/// Times the three GEMM forms on the paper models' layer shapes at batch 1024.
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

    public static func run(pool: WorkerPool, batch: Int = 1024, repetitions: Int = 30) -> [Result] {
        let shapes = [(27, 300), (300, 150), (150, 100), (100, 50)]
        var results: [Result] = []
        for (fanIn, fanOut) in shapes {
            let x = Matrix(rows: batch, cols: fanIn), w = Matrix(rows: fanIn, cols: fanOut)
            let y = Matrix(rows: batch, cols: fanOut), dx = Matrix(rows: batch, cols: fanIn), dw = Matrix(rows: fanIn, cols: fanOut)
            var s = RandomStream(seed: 1, purpose: .benchmark)
            for i in 0..<x.count { x.data[i] = s.nextFloat() - 0.5 }
            for i in 0..<w.count { w.data[i] = s.nextFloat() - 0.5 }
            for i in 0..<y.count { y.data[i] = s.nextFloat() - 0.5 }
            results.append(Result(form: "X·W  ", m: batch, n: fanOut, k: fanIn, medianSeconds: median(repetitions) {
                GEMM.nn(m: batch, n: fanOut, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: fanOut, c: y.data, ldc: fanOut, accumulate: false, pool: pool)
            }))
            results.append(Result(form: "dY·Wᵀ", m: batch, n: fanIn, k: fanOut, medianSeconds: median(repetitions) {
                GEMM.nt(m: batch, n: fanIn, k: fanOut, a: y.data, lda: fanOut, b: w.data, ldb: fanOut, c: dx.data, ldc: fanIn, accumulate: false, pool: pool)
            }))
            results.append(Result(form: "Xᵀ·dY", m: fanIn, n: fanOut, k: batch, medianSeconds: median(repetitions) {
                GEMM.tn(m: fanIn, n: fanOut, k: batch, a: x.data, lda: fanIn, b: y.data, ldb: fanOut, c: dw.data, ldc: fanOut, accumulate: false, pool: pool)
            }))
        }
        return results
    }

    static func median(_ repetitions: Int, _ body: () -> Void) -> Double {
        body()
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
