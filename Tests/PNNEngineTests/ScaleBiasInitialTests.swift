import Testing
@testable import PNNEngine

/// `ArchitectureSpec.scaleBiasInitial`: only the scaling maps' biases b_s change; every
/// kernel and every other bias is Keras' initialisation, bit for bit.
@Suite struct ScaleBiasInitialTests {
    func model(_ kind: ConditioningKind, place: ConditioningPlace = .all, scaleBias: Float) -> Model {
        var spec = ArchitectureSpec(inputFeatures: 6, hiddenUnits: [8, 4], conditioning: kind, conditioningPlace: place)
        spec.scaleBiasInitial = scaleBias
        return Model(spec: spec, seed: 11)
    }

    @Test(arguments: [ConditioningKind.affine, .scaling])
    func onlyScalingBiasesStartAtTheValue(kind: ConditioningKind) {
        let keras = model(kind, scaleBias: 0), unit = model(kind, scaleBias: 1)
        #expect(keras.parameters.map(\.name) == unit.parameters.map(\.name))
        var scaleBiases = 0
        for (a, b) in zip(keras.parameters, unit.parameters) {
            let x = Array(UnsafeBufferPointer(start: a.value.data, count: a.count))
            let y = Array(UnsafeBufferPointer(start: b.value.data, count: b.count))
            if b.name.hasSuffix(".scale.bias") {
                scaleBiases += 1
                #expect(x.allSatisfy { $0 == 0 } && y.allSatisfy { $0 == 1 }, "\(b.name)")
            } else {
                #expect(x.map(\.bitPattern) == y.map(\.bitPattern), "\(b.name)")
            }
        }
        #expect(scaleBiases == 2)  // one scaling map per conditioned block
    }

    /// At b_s = 1 and a zero scaling kernel, s = 1: an affine block is h + t, i.e. the
    /// biasing network with the same kernels.
    @Test func unitScaleWithZeroKernelIsTheIdentity() {
        let unit = model(.affine, scaleBias: 1), biasing = model(.biasing, scaleBias: 0)
        for p in unit.parameters where p.name.hasSuffix(".scale.kernel") { p.value.fill(0) }
        let shift = unit.parameters.filter { !$0.name.contains(".scale.") }
        #expect(shift.count == biasing.parameters.count)
        for (a, b) in zip(shift, biasing.parameters) {
            for e in 0..<a.count { b.value.data[e] = a.value.data[e] }
        }
        let batch = SyntheticBatch(size: 16, features: 6)
        batch.fill(seed: 3, index: 0)
        let pool = WorkerPool(threads: 1)
        #expect(unit.predict(batch.x, mass: batch.mass, pool: pool) == biasing.predict(batch.x, mass: batch.mass, pool: pool))
    }
}
