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
