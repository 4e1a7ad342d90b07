import Testing
@testable import PNNEngine

/// The determinism contract: weights after training are a function of (spec, seed) only —
/// identical bits on every run and for any thread count; a different seed differs.
@Suite struct DeterminismTests {
    /// Trains a reduced-width model with dropout on for a few steps; returns all weights' bits.
    static func train(_ arch: PaperArchitecture, seed: UInt64, threads: Int, steps: Int = 6, batch: Int = 203) -> [UInt32] {
        var spec = arch.spec
        spec.hiddenUnits = [64, 40, 33, 17]  // odd widths exercise kernel edges
        if batch == 1024 { spec.hiddenUnits = arch.spec.hiddenUnits }
        let model = Model(spec: spec, seed: seed)
        let trainer = Trainer(model: model, seed: seed, pool: WorkerPool(threads: threads))
        let data = SyntheticBatch(size: batch, features: spec.inputFeatures)
        for s in 0..<steps {
            data.fill(seed: seed, index: UInt64(s))
            trainer.step(x: data.x, mass: data.mass, labels: data.labels, weights: data.weights)
        }
        return model.parameters.flatMap { p in (0..<p.count).map { p.value.data[$0].bitPattern } }
    }

    @Test(arguments: [PaperArchitecture.affine, .pnn])
    func sameSeedSameBitsAcrossThreadCounts(arch: PaperArchitecture) {
        let one = Self.train(arch, seed: 42, threads: 1)
        let two = Self.train(arch, seed: 42, threads: 2)
        let three = Self.train(arch, seed: 42, threads: 3)
        #expect(one == two)
        #expect(one == three)
    }

    @Test func sameSeedSameBitsAcrossRuns() {
        #expect(Self.train(.affine, seed: 7, threads: 2) == Self.train(.affine, seed: 7, threads: 2))
    }

    @Test func differentSeedsDiffer() {
        let a = Self.train(.affine, seed: 1, threads: 2)
        let b = Self.train(.affine, seed: 2, threads: 2)
        let differing = zip(a, b).filter { $0 != $1 }.count
        #expect(differing > a.count / 2)
    }

    @Test func fullSizeModelAtBatch1024IsThreadIndependent() {
        let one = Self.train(.affine, seed: 42, threads: 1, steps: 2, batch: 1024)
        let two = Self.train(.affine, seed: 42, threads: 2, steps: 2, batch: 1024)
        #expect(one == two)
    }
}
