import Testing
@testable import PNNEngine

@Suite struct RandomTests {
    @Test func splitMix64MatchesPublishedSequence() {
        // First outputs of the reference SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        #expect(SplitMix64.value(key: 0, index: 0) == 0xE220_A839_7B1D_CDAF)
        #expect(SplitMix64.value(key: 0, index: 1) == 0x6E78_9E6A_A1B9_65F4)
        #expect(SplitMix64.value(key: 0, index: 2) == 0x06C4_5D18_8009_454F)
    }

    @Test func streamsArePureFunctionsOfSeedPurposeIndex() {
        var a = RandomStream(seed: 42, purpose: .dropout, index: 3)
        var b = RandomStream(seed: 42, purpose: .dropout, index: 3)
        var c = RandomStream(seed: 42, purpose: .shuffle, index: 3)
        var d = RandomStream(seed: 42, purpose: .dropout, index: 4)
        let va = (0..<8).map { _ in a.next() }
        #expect(va == (0..<8).map { _ in b.next() })
        #expect(va != (0..<8).map { _ in c.next() })
        #expect(va != (0..<8).map { _ in d.next() })
    }

    @Test func uniformFloatsHaveTheRightMoments() {
        var s = RandomStream(seed: 1, purpose: .benchmark)
        let n = 200_000
        var sum = 0.0, sq = 0.0
        for _ in 0..<n {
            let u = Double(s.nextFloat())
            #expect(u >= 0 && u < 1)
            sum += u; sq += u * u
        }
        #expect(abs(sum / Double(n) - 0.5) < 0.003)
        #expect(abs(sq / Double(n) - 1.0 / 3) < 0.003)
    }

    @Test func boundedIntegersAreUniform() {
        var s = RandomStream(seed: 9, purpose: .benchmark)
        var counts = [Int](repeating: 0, count: 5)
        for _ in 0..<50_000 { counts[s.nextInt(below: 5)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }

    @Test func dropoutKeepsThreeQuartersAndPreservesTheMean() {
        let layer = Dropout(name: "d", width: 300, rate: 0.25, index: 0)
        let x = Matrix(rows: 1024, cols: 300)
        x.fill(1)
        let y = layer.forward(x, PassContext(mass: Matrix(rows: 1024, cols: 1), training: true, pool: WorkerPool(threads: 2), seed: 5, step: 0))
        let values = y.toArray()
        let kept = values.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 1 / Float(0.75) })
        let fraction = Double(kept.count) / Double(values.count)
        #expect(abs(fraction - 0.75) < 0.005)
        // A different step gives a different mask.
        let mask0 = values.map { $0 != 0 }
        let y1 = layer.forward(x, PassContext(mass: Matrix(rows: 1024, cols: 1), training: true, pool: WorkerPool(threads: 1), seed: 5, step: 1))
        #expect(mask0 != y1.toArray().map { $0 != 0 })
    }

    @Test(arguments: [1, 5, 32, 37, 300])
    func dropoutMaskFollowsTheDocumentedRule(width: Int) {
        // Element (i, j) is dropped iff 16-bit lane (j mod 4) of
        // SplitMix64.value(key(seed, .dropout, step << 12 | index), i·⌈D/4⌉ + ⌊j/4⌋) < round(r·2¹⁶).
        let layer = Dropout(name: "d", width: width, rate: 0.25, index: 3)
        let rows = 9
        let x = Matrix(rows: rows, cols: width)
        x.fill(2)
        let y = layer.forward(x, PassContext(mass: Matrix(rows: rows, cols: 1), training: true, pool: WorkerPool(threads: 2), seed: 11, step: 5))
        let key = RandomStream.key(seed: 11, purpose: .dropout, index: (5 << 12) | 3)
        let groups = (width + 3) / 4
        for i in 0..<rows {
            for j in 0..<width {
                let bits = SplitMix64.value(key: key, index: UInt64(i * groups + j / 4))
                let lane = (bits >> (16 * UInt64(j % 4))) & 0xFFFF
                let expected: Float = lane < 16384 ? 0 : 2 / 0.75
                #expect(y[i, j] == expected, "row \(i) column \(j)")
            }
        }
    }
}
