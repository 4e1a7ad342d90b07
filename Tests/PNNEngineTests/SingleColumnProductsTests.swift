import Testing
@testable import PNNEngine

/// A one-unit Dense layer's products without the tiled driver give the driver's bits, called
/// directly and through the GEMM entry points that route to them.
@Suite struct SingleColumnProductsTests {
    @Test(arguments: [(1, 1), (37, 50), (1024, 50), (70, 17)])
    func productsAreTheGEMMBits(rows: Int, fanIn: Int) {
        var s = RandomStream(seed: UInt64(rows * 1000 + fanIn), purpose: .benchmark)
        func random(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                // Some exact zeros of both signs, where fma's sign-of-zero rules matter.
                let u = s.nextDouble()
                return u < 0.05 ? 0 : u < 0.1 ? -0.0 : Float(s.nextDouble() * 2 - 1)
            }
        }
        let x = Matrix(rows: rows, cols: fanIn, values: random(rows * fanIn))
        let w = Matrix(rows: fanIn, cols: 1, values: random(fanIn))
        let dz = Matrix(rows: rows, cols: 1, values: random(rows))
        let bias: [Float] = [0.25]
        for threads in [1, 2] {
            let pool = WorkerPool(threads: threads)
            func driver(_ m: Int, _ n: Int, _ k: Int, _ a: StridedMatrix, _ b: StridedMatrix, _ start: GEMMMicroKernel.Start) -> [UInt32] {
                let c = Matrix(rows: m, cols: n)
                GEMMDriver.multiply(m: m, n: n, k: k, a: a, b: b, c: c.data, ldc: n, start: start, relu: false, pool: pool)
                return c.toArray().map(\.bitPattern)
            }
            let xRows = StridedMatrix(base: x.data, rowStride: fanIn, colStride: 1)
            let xColumns = StridedMatrix(base: x.data, rowStride: 1, colStride: fanIn)
            let wColumn = StridedMatrix(base: w.data, rowStride: 1, colStride: 1)
            let dzColumn = StridedMatrix(base: dz.data, rowStride: 1, colStride: 1)

            let z = Matrix(rows: rows, cols: 1), zRouted = Matrix(rows: rows, cols: 1), zUnbiased = Matrix(rows: rows, cols: 1)
            SingleColumnProducts.forward(m: rows, k: fanIn, x: x.data, w: w.data, bias: bias[0], z: z.data, pool: pool)
            let zRef = bias.withUnsafeBufferPointer { b in
                GEMM.nn(m: rows, n: 1, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: 1, c: zRouted.data, ldc: 1,
                        bias: b.baseAddress!, relu: false, pool: pool)
                return driver(rows, 1, fanIn, xRows, wColumn, .bias(b.baseAddress!))
            }
            #expect(z.toArray().map(\.bitPattern) == zRef, "forward, \(threads) threads")
            #expect(zRouted.toArray().map(\.bitPattern) == zRef, "GEMM.nn with bias, \(threads) threads")
            GEMM.nn(m: rows, n: 1, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: 1, c: zUnbiased.data, ldc: 1,
                    accumulate: false, pool: pool)
            #expect(zUnbiased.toArray().map(\.bitPattern) == driver(rows, 1, fanIn, xRows, wColumn, .zero),
                    "GEMM.nn from zero, \(threads) threads")

            let dw = Matrix(rows: fanIn, cols: 1), dwRouted = Matrix(rows: fanIn, cols: 1)
            SingleColumnProducts.weightGradient(m: rows, k: fanIn, x: x.data, dz: dz.data, into: dw.data, pool: pool)
            GEMM.tn(m: fanIn, n: 1, k: rows, a: x.data, lda: fanIn, b: dz.data, ldb: 1, c: dwRouted.data, ldc: 1,
                    accumulate: false, pool: pool)
            let dwRef = driver(fanIn, 1, rows, xColumns, dzColumn, .zero)
            #expect(dw.toArray().map(\.bitPattern) == dwRef, "weight gradient, \(threads) threads")
            #expect(dwRouted.toArray().map(\.bitPattern) == dwRef, "GEMM.tn, \(threads) threads")

            let dx = Matrix(rows: rows, cols: fanIn), dxRouted = Matrix(rows: rows, cols: fanIn)
            SingleColumnProducts.inputGradient(m: rows, k: fanIn, dz: dz.data, w: w.data, into: dx.data, pool: pool)
            GEMM.nt(m: rows, n: fanIn, k: 1, a: dz.data, lda: 1, b: w.data, ldb: 1, c: dxRouted.data, ldc: fanIn,
                    accumulate: false, pool: pool)
            let dxRef = driver(rows, fanIn, 1, dzColumn, StridedMatrix(base: w.data, rowStride: 1, colStride: 1), .zero)
            #expect(dx.toArray().map(\.bitPattern) == dxRef, "input gradient, \(threads) threads")
            #expect(dxRouted.toArray().map(\.bitPattern) == dxRef, "GEMM.nt, \(threads) threads")
        }
    }
}
