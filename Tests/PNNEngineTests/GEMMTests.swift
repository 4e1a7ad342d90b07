import Testing
@testable import PNNEngine

/// Checks the three GEMM forms against two references:
///  - a Double-precision product, within the forward error bound of a length-k FMA chain,
///  - a scalar Float FMA chain in increasing p, which the engine promises to reproduce
///    bit for bit (that promise is what makes results independent of threads and tiling).
struct GEMMTests {
    enum Form: CaseIterable { case nn, nt, tn }

    /// One product C[m×n] = op(A)·op(B) with padded leading dimensions.
    struct Problem {
        let form: Form
        let m: Int, n: Int, k: Int
        let lda: Int, ldb: Int, ldc: Int
        var a: [Float], b: [Float], c: [Float]

        init(_ form: Form, m: Int, n: Int, k: Int, pad: Int = 0, seed: UInt64) {
            self.form = form
            self.m = m; self.n = n; self.k = k
            var index: UInt64 = 0
            func uniform() -> Float {
                index += 1
                return Float(SplitMix64.value(key: seed, index: index) >> 40) / Float(1 << 24) - 0.5
            }
            // Stored shapes: nn A m×k, B k×n; nt A m×k, B n×k; tn A k×m, B k×n.
            let (aRows, aCols) = form == .tn ? (k, m) : (m, k)
            let (bRows, bCols) = form == .nt ? (n, k) : (k, n)
            lda = aCols + pad; ldb = bCols + pad; ldc = n + pad
            a = (0..<max(1, aRows * lda)).map { _ in uniform() }
            b = (0..<max(1, bRows * ldb)).map { _ in uniform() }
            c = (0..<max(1, m * ldc)).map { _ in uniform() }
        }

        func aAt(_ i: Int, _ p: Int) -> Float { form == .tn ? a[p * lda + i] : a[i * lda + p] }
        func bAt(_ p: Int, _ j: Int) -> Float { form == .nt ? b[j * ldb + p] : b[p * ldb + j] }

        /// Runs the engine on a copy of C and returns it.
        func run(accumulate: Bool, pool: WorkerPool) -> [Float] {
            var out = c
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        let (ap, bp, cp) = (a.baseAddress!, b.baseAddress!, c.baseAddress!)
                        switch form {
                        case .nn: GEMM.nn(m: m, n: n, k: k, a: ap, lda: lda, b: bp, ldb: ldb, c: cp, ldc: ldc, accumulate: accumulate, pool: pool)
                        case .nt: GEMM.nt(m: m, n: n, k: k, a: ap, lda: lda, b: bp, ldb: ldb, c: cp, ldc: ldc, accumulate: accumulate, pool: pool)
                        case .tn: GEMM.tn(m: m, n: n, k: k, a: ap, lda: lda, b: bp, ldb: ldb, c: cp, ldc: ldc, accumulate: accumulate, pool: pool)
                        }
                    }
                }
            }
            return out
        }

        /// Runs the driver directly with B panels `panelWidth` wide (what `GEMM` does with
        /// the build's width, `GEMMDriver.nr`) on a copy of C and returns it.
        func run(accumulate: Bool, pool: WorkerPool, panelWidth: Int) -> [Float] {
            var out = c
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    out.withUnsafeMutableBufferPointer { c in
                        let (ap, bp) = (a.baseAddress!, b.baseAddress!)
                        let sa = form == .tn ? StridedMatrix(base: ap, rowStride: 1, colStride: lda)
                                             : StridedMatrix(base: ap, rowStride: lda, colStride: 1)
                        let sb = form == .nt ? StridedMatrix(base: bp, rowStride: 1, colStride: ldb)
                                             : StridedMatrix(base: bp, rowStride: ldb, colStride: 1)
                        GEMMDriver.multiply(m: m, n: n, k: k, a: sa, b: sb, c: c.baseAddress!, ldc: ldc,
                                            start: accumulate ? .load : .zero, relu: false, pool: pool,
                                            panelWidth: panelWidth)
                    }
                }
            }
            return out
        }

        /// Checks `out` element by element; returns the number of failures.
        func check(_ out: [Float], accumulate: Bool) -> Int {
            let u = Double(Float.ulpOfOne) / 2   // unit roundoff 2⁻²⁴
            var failures = 0
            // Large products: check a spread of rows (incl. the last, partial tile) to keep
            // the debug-built reference fast; every row is still checked for padding.
            let rowStep = m * n * k > 1_000_000 ? 7 : 1
            for i in 0..<m {
                for j in 0..<n where i % rowStep == 0 || i >= m - 6 {
                    let c0 = accumulate ? c[i * ldc + j] : 0
                    var exact = Double(c0), magnitude = abs(Double(c0)), chain = c0
                    for p in 0..<k {
                        let x = aAt(i, p), y = bAt(p, j)
                        exact += Double(x) * Double(y)
                        magnitude += abs(Double(x) * Double(y))
                        chain = chain.addingProduct(x, y)
                    }
                    // A chain of k FMAs rounds k times, each by at most u relative to the
                    // running sum, whose size is bounded by Σ|terms|: |error| ≤ k·u·Σ|terms|
                    // (to first order). Cancellation makes a bound relative to |exact| useless.
                    let bound = Double(k + 1) * u * magnitude + Double(Float.leastNormalMagnitude)
                    let got = out[i * ldc + j]
                    if abs(Double(got) - exact) > bound || got.bitPattern != chain.bitPattern { failures += 1 }
                }
                // Padding columns of C must be untouched.
                for j in n..<ldc where out[i * ldc + j].bitPattern != c[i * ldc + j].bitPattern { failures += 1 }
            }
            return failures
        }
    }

    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (3, 5, 7), (6, 32, 1), (7, 33, 2), (37, 300, 27), (37, 27, 300), (64, 16, 64),
        (13, 17, 19), (100, 1, 50), (1, 50, 100), (50, 100, 1), (25, 48, 330), (1024, 150, 300),
        (300, 150, 1024), (27, 300, 1024), (64, 3, 40), (200, 5, 33), (50, 1, 1024),
    ]

    @Test(arguments: Form.allCases)
    func matchesReferences(form: Form) {
        let pool = WorkerPool(threads: 2)
        for (index, s) in Self.shapes.enumerated() {
            for pad in [0, 3] {
                let problem = Problem(form, m: s.m, n: s.n, k: s.k, pad: pad, seed: UInt64(index * 10 + pad))
                for accumulate in [false, true] {
                    let failures = problem.check(problem.run(accumulate: accumulate, pool: pool), accumulate: accumulate)
                    #expect(failures == 0, "\(form) \(s.m)×\(s.n)×\(s.k) pad \(pad) accumulate \(accumulate)")
                }
            }
        }
    }

    /// The build picks 32- or 16-column panels (`GEMMDriver.nr`); both must give the
    /// scalar chain's bits on any machine, whichever this build uses.
    @Test(arguments: Form.allCases, [16, 32])
    func bothPanelWidthsMatchTheChain(form: Form, width: Int) {
        let pool = WorkerPool(threads: 2)
        for (index, s) in Self.shapes.enumerated() {
            let problem = Problem(form, m: s.m, n: s.n, k: s.k, pad: 3, seed: UInt64(300 + index))
            for accumulate in [false, true] {
                let out = problem.run(accumulate: accumulate, pool: pool, panelWidth: width)
                #expect(problem.check(out, accumulate: accumulate) == 0,
                        "\(form) \(s.m)×\(s.n)×\(s.k) width \(width) accumulate \(accumulate)")
            }
        }
    }

    @Test(arguments: Form.allCases)
    func bitIdenticalAcrossThreadCounts(form: Form) {
        let pools = [1, 2, 3, 4].map { WorkerPool(threads: $0) }
        for (index, s) in [(1024, 150, 300), (1024, 300, 27), (37, 300, 150), (150, 100, 1024), (27, 300, 1024), (1, 1, 1), (300, 1, 1024)].enumerated() {
            let problem = Problem(form, m: s.0, n: s.1, k: s.2, pad: 1, seed: UInt64(100 + index))
            for accumulate in [false, true] {
                let reference = problem.run(accumulate: accumulate, pool: pools[0]).map(\.bitPattern)
                for pool in pools.dropFirst() {
                    for _ in 0..<2 {
                        let out = problem.run(accumulate: accumulate, pool: pool).map(\.bitPattern)
                        #expect(out == reference, "\(form) \(s) threads \(pool.threadCount)")
                    }
                }
            }
        }
    }

    @Test func biasAndReLUEpilogue() {
        let pools = [1, 3].map { WorkerPool(threads: $0) }
        for (index, s) in [(1, 1, 1), (37, 300, 27), (1024, 150, 300), (13, 50, 0), (100, 1, 50)].enumerated() {
            let problem = Problem(.nn, m: s.0, n: s.1, k: s.2, pad: 2, seed: UInt64(200 + index))
            let bias = (0..<s.1).map { Float($0 % 7) * 0.1 - 0.3 }
            for relu in [false, true] {
                var results: [[UInt32]] = []
                for pool in pools {
                    var out = problem.c
                    problem.a.withUnsafeBufferPointer { a in
                        problem.b.withUnsafeBufferPointer { b in
                            bias.withUnsafeBufferPointer { bias in
                                out.withUnsafeMutableBufferPointer { c in
                                    GEMM.nn(m: s.0, n: s.1, k: s.2, a: a.baseAddress!, lda: problem.lda,
                                            b: b.baseAddress!, ldb: problem.ldb, c: c.baseAddress!, ldc: problem.ldc,
                                            bias: bias.baseAddress!, relu: relu, pool: pool)
                                }
                            }
                        }
                    }
                    var failures = 0
                    for i in 0..<s.0 {
                        for j in 0..<s.1 {
                            var chain = bias[j]
                            for p in 0..<s.2 { chain = chain.addingProduct(problem.aAt(i, p), problem.bAt(p, j)) }
                            if relu && chain < 0 { chain = 0 }
                            if out[i * problem.ldc + j].bitPattern != chain.bitPattern { failures += 1 }
                        }
                        for j in s.1..<problem.ldc where out[i * problem.ldc + j] != problem.c[i * problem.ldc + j] { failures += 1 }
                    }
                    #expect(failures == 0, "bias \(s) relu \(relu) threads \(pool.threadCount)")
                    results.append(out.map(\.bitPattern))
                }
                #expect(results[0] == results[1])
            }
        }
    }

    /// GEMMs issued from inside tasks of the same pool (nested: they run serially) and
    /// concurrently from several tasks give the same bits as a plain call.
    @Test func nestedAndConcurrentCalls() {
        let pool = WorkerPool(threads: 3)
        let problems = (0..<6).map { Problem(Form.allCases[$0 % 3], m: 150, n: 100, k: 64 + $0, pad: 1, seed: UInt64(300 + $0)) }
        let expected = problems.map { $0.run(accumulate: false, pool: WorkerPool(threads: 1)).map(\.bitPattern) }
        let results = UnsafeMutablePointer<[UInt32]>.allocate(capacity: problems.count)
        results.initialize(repeating: [], count: problems.count)
        pool.run(tasks: problems.count) { t in results[t] = problems[t].run(accumulate: false, pool: pool).map(\.bitPattern) }
        for t in 0..<problems.count { #expect(results[t] == expected[t]) }
        results.deinitialize(count: problems.count)
        results.deallocate()
    }

    @Test func emptyReductionGivesStartValue() {
        let pool = WorkerPool(threads: 2)
        let problem = Problem(.nn, m: 5, n: 40, k: 0, seed: 7)
        #expect(problem.run(accumulate: false, pool: pool).allSatisfy { $0 == 0 })
        #expect(problem.run(accumulate: true, pool: pool) == problem.c)
    }
}
