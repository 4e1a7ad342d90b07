import Testing
@testable import PNNEngine

/// A one-unit Dense layer's products without the GEMM give the GEMM's bits.
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
            let z = Matrix(rows: rows, cols: 1), zRef = Matrix(rows: rows, cols: 1)
            SingleColumnProducts.forward(m: rows, k: fanIn, x: x.data, w: w.data, bias: bias[0], z: z.data, pool: pool)
            bias.withUnsafeBufferPointer { b in
                GEMM.nn(m: rows, n: 1, k: fanIn, a: x.data, lda: fanIn, b: w.data, ldb: 1, c: zRef.data, ldc: 1,
                        bias: b.baseAddress!, relu: false, pool: pool)
            }
            #expect(z.toArray().map(\.bitPattern) == zRef.toArray().map(\.bitPattern), "forward, \(threads) threads")

            let dw = Matrix(rows: fanIn, cols: 1), dwRef = Matrix(rows: fanIn, cols: 1)
            SingleColumnProducts.weightGradient(m: rows, k: fanIn, x: x.data, dz: dz.data, into: dw.data, pool: pool)
            GEMM.tn(m: fanIn, n: 1, k: rows, a: x.data, lda: fanIn, b: dz.data, ldb: 1, c: dwRef.data, ldc: 1,
                    accumulate: false, pool: pool)
            #expect(dw.toArray().map(\.bitPattern) == dwRef.toArray().map(\.bitPattern), "weight gradient, \(threads) threads")

            let dx = Matrix(rows: rows, cols: fanIn), dxRef = Matrix(rows: rows, cols: fanIn)
            SingleColumnProducts.inputGradient(m: rows, k: fanIn, dz: dz.data, w: w.data, into: dx.data, pool: pool)
            GEMM.nt(m: rows, n: fanIn, k: 1, a: dz.data, lda: 1, b: w.data, ldb: 1, c: dxRef.data, ldc: fanIn,
                    accumulate: false, pool: pool)
            #expect(dx.toArray().map(\.bitPattern) == dxRef.toArray().map(\.bitPattern), "input gradient, \(threads) threads")
        }
    }
}
