import Testing
@testable import PNNEngine

@Suite struct OptimizerAndLossTests {
    @Test func adamFirstStepsMatchHandComputedKerasUpdates() {
        // One scalar parameter, gradients 0.5 then -0.2; Keras' form:
        // α_t = η√(1−β₂ᵗ)/(1−β₁ᵗ), m += (g−m)(1−β₁), v += (g²−v)(1−β₂), θ −= α m/(√v+ε).
        let p = Parameter(name: "w", kind: .kernel, rows: 1, cols: 1)
        p.value.data[0] = 1
        let adam = Adam(parameters: [p], learningRate: 0.1)
        var theta = 1.0, m = 0.0, v = 0.0
        for (t, g) in [0.5, -0.2].enumerated() {
            p.gradient.data[0] = Float(g)
            adam.update([p], pool: WorkerPool(threads: 1))
            let step = Double(t + 1)
            let alpha = 0.1 * (1 - pow(0.999, step)).squareRoot() / (1 - pow(0.9, step))
            m += (g - m) * 0.1
            v += (g * g - v) * 0.001
            theta -= alpha * m / (v.squareRoot() + 1e-7)
            #expect(abs(Double(p.value.data[0]) - theta) < 1e-6)
        }
        #expect(adam.iterations == 2)
    }

    @Test func crossEntropyIsStableAndWeighted() {
        let logits = Matrix(rows: 4, cols: 1, values: [0, 2, -3, 100])
        let labels = Matrix(rows: 4, cols: 1, values: [1, 0, 0, 1])
        let weights = Matrix(rows: 4, cols: 1, values: [1, 2, 0.5, 1])
        let grad = Matrix(rows: 4, cols: 1)
        let loss = BinaryCrossEntropy.lossAndGradient(logits: logits, labels: labels, weights: weights, gradient: grad)
        // ℓ(0,1) = log 2; ℓ(2,0) = 2 + log(1+e^-2); ℓ(-3,0) = log(1+e^-3); ℓ(100,1) ≈ 0.
        let expected = (log(2.0) + 2 * (2 + log(1 + exp(-2.0))) + 0.5 * log(1 + exp(-3.0)) + 0) / 4
        #expect(abs(loss - expected) < 1e-6)
        #expect(loss.isFinite)
        let sig = { (z: Double) in 1 / (1 + exp(-z)) }
        let expectedGrad = [(sig(0) - 1) / 4, 2 * sig(2) / 4, 0.5 * sig(-3) / 4, 0]
        for i in 0..<4 { #expect(abs(Double(grad.data[i]) - expectedGrad[i]) < 1e-7) }
    }

    @Test func crossEntropyGradientUsesTheSigmoidsBits() {
        // The gradient forms σ(z) from the loss's e^{−|z|}; it must be `stableSigmoid`'s value.
        let zs: [Float] = [0, -0.0, 1e-30, -1e-30, 0.5, -0.5, 3, -3, 17, -17, 88, -88, 104, -104, .infinity, -.infinity]
        let n = zs.count
        let logits = Matrix(rows: n, cols: 1, values: zs)
        let labels = Matrix(rows: n, cols: 1, values: (0..<n).map { Float($0 % 2) })
        let grad = Matrix(rows: n, cols: 1)
        _ = BinaryCrossEntropy.lossAndGradient(logits: logits, labels: labels, weights: nil, gradient: grad)
        for i in 0..<n {
            let expected = 1 * (stableSigmoid(zs[i]) - labels.data[i]) * (1 / Float(n))
            #expect(grad.data[i].bitPattern == expected.bitPattern, "z = \(zs[i])")
        }
    }

    @Test func adamWithPenaltyIsTheL2PassThenTheUpdate() {
        // One pass (`update(_:pool:penalty:)`) against the L2 gradient added first
        // (`L2Penalty.apply`) and then a plain update: the same bits, and the same R.
        func parameters() -> [Parameter] {
            var s = RandomStream(seed: 11, purpose: .benchmark)
            return [("k", Parameter.Kind.kernel, 70, 90), ("b", .bias, 1, 37), ("one", .bias, 1, 1)].map { name, kind, r, c in
                let p = Parameter(name: name, kind: kind, rows: r, cols: c)
                for i in 0..<p.count { p.value.data[i] = s.nextFloat() - 0.5; p.gradient.data[i] = s.nextFloat() - 0.5 }
                return p
            }
        }
        let penalty = L2Penalty(kernel: 1e-3, bias: 5e-4)
        let fused = parameters(), separate = parameters()
        let a = Adam(parameters: fused), b = Adam(parameters: separate)
        for _ in 0..<3 {
            let r1 = a.update(fused, pool: WorkerPool(threads: 2), penalty: penalty)
            // The reference sums R per Adam chunk, as the fused pass does.
            var r2 = 0.0
            for p in separate {
                for start in stride(from: 0, to: p.count, by: Adam.chunk) {
                    r2 += penalty.apply(to: p, range: start..<min(p.count, start + Adam.chunk))
                }
            }
            b.update(separate, pool: WorkerPool(threads: 1))
            #expect(r1.bitPattern == r2.bitPattern)
            for (p, q) in zip(fused, separate) {
                #expect(p.value.toArray().map(\.bitPattern) == q.value.toArray().map(\.bitPattern), "\(p.name)")
                #expect(p.gradient.toArray().map(\.bitPattern) == q.gradient.toArray().map(\.bitPattern), "\(p.name)")
            }
        }
    }

    @Test func l2PenaltyValueAndGradient() {
        let k = Parameter(name: "k", kind: .kernel, rows: 1, cols: 2)
        let b = Parameter(name: "b", kind: .bias, rows: 1, cols: 1)
        k.value.data[0] = 3; k.value.data[1] = -4; b.value.data[0] = 2
        let r = L2Penalty(kernel: 1e-2, bias: 1e-1).apply(to: [k, b])
        #expect(abs(r - (1e-2 * 25 + 1e-1 * 4)) < 1e-7)
        #expect(abs(k.gradient.data[0] - 0.06) < 1e-7 && abs(k.gradient.data[1] + 0.08) < 1e-7)
        #expect(abs(b.gradient.data[0] - 0.4) < 1e-7)
    }

    @Test func trainingReducesTheLossOnASeparableProblem() {
        var spec = PaperArchitecture.affine.spec
        spec.hiddenUnits = [32, 16]
        let model = Model(spec: spec, seed: 3)
        let trainer = Trainer(model: model, seed: 3, pool: WorkerPool(threads: 2), learningRate: 3e-3)
        let batch = SyntheticBatch(size: 256, features: spec.inputFeatures)
        batch.fill(seed: 1, index: 0)
        // Label = [x0 + mass > 1]: learnable only with the mass.
        for i in 0..<256 { batch.labels.data[i] = batch.x[i, 0] + batch.mass.data[i] > 1 ? 1 : 0 }
        let first = trainer.step(x: batch.x, mass: batch.mass, labels: batch.labels).crossEntropy
        var last = first
        for _ in 0..<300 { last = trainer.step(x: batch.x, mass: batch.mass, labels: batch.labels).crossEntropy }
        #expect(last < 0.35 * first)
    }
}

#if canImport(Glibc)
import Glibc
#endif
