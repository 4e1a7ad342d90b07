import Testing
@testable import PNNEngine

/// Whole models: the gradient of L = (1/N)Σ w·BCE + L2 that the engine computes for
/// every parameter, and of its cross-entropy part alone, against central differences of a
/// Double reference of the same model.
@Suite struct ModelGradientTests {
    static let specs: [ArchitectureSpec] = {
        var out: [ArchitectureSpec] = []
        for arch in PaperArchitecture.allCases {
            var s = arch.spec
            s.inputFeatures = 5
            s.hiddenUnits = [6, 4, 3]
            s.dropoutRate = 0
            s.l2Kernel = 1e-2  // large enough that a wrong penalty gradient shows
            s.l2Bias = 1e-3
            out.append(s)
        }
        // Every kind × place conditioned on the mass alone, then on two physics parameters.
        for parameters in [1, 2] {
            for kind in ConditioningKind.allCases where kind != .none {  // none: PaperArchitecture.single
                for place in ConditioningPlace.allCases {
                    out.append(ArchitectureSpec(inputFeatures: 5, hiddenUnits: [6, 4, 3], conditioning: kind,
                                                conditioningPlace: place, physicsParameters: parameters,
                                                dropoutRate: 0, l2Kernel: 1e-2, l2Bias: 1e-3))
                }
            }
        }
        return out
    }()

    /// The layers each spec above must build ("name in→out"), so that every placement is
    /// really exercised: 5 inputs, 6/4/3 units, no dropout; concat adds p columns.
    static func expectedLayout(_ spec: ArchitectureSpec) -> String {
        let k = spec.physicsParameters
        let plain = "dense0 5→6, dense1 6→4, dense2 4→3, output 3→1"
        let p: String
        switch spec.conditioning {
        case .biasing: p = "bias"
        case .scaling: p = "scale"
        case .affine: p = "affine"
        case .concat, .none: p = ""
        }
        switch (spec.conditioning, spec.conditioningPlace) {
        case (.none, _): return plain
        case (.concat, .start): return "concat0 5→\(5 + k), dense0 \(5 + k)→6, dense1 6→4, dense2 4→3, output 3→1"
        case (.concat, .all):
            return "dense0 5→6, concat1 6→\(6 + k), dense1 \(6 + k)→4, concat2 4→\(4 + k), dense2 \(4 + k)→3, "
                + "concat_out 3→\(3 + k), output \(3 + k)→1"
        case (.concat, .end): return "dense0 5→6, dense1 6→4, dense2 4→3, concat_out 3→\(3 + k), output \(3 + k)→1"
        case (_, .start): return "\(p)_in 5→5, " + plain
        case (_, .all): return "dense0 5→6, \(p)0 6→6, dense1 6→4, \(p)1 4→4, dense2 4→3, \(p)2 3→3, output 3→1"
        case (_, .end): return "dense0 5→6, dense1 6→4, dense2 4→3, \(p)2 3→3, output 3→1"
        }
    }

    @Test(arguments: 0..<specs.count)
    func gradientMatchesFiniteDifferences(index: Int) {
        let spec = Self.specs[index]
        let pool = WorkerPool(threads: 2)
        let model = Model(spec: spec, seed: 7)
        #expect(ConditioningPlacementTests.layout(model) == Self.expectedLayout(spec))
        TestData.randomize(model.parameters, seed: UInt64(index), scale: 0.6)
        // Positive hidden biases keep every ReLU unit active for some rows: with dead
        // units the data gradient of the layers below vanishes and only L2 is checked.
        for dense in model.layers.compactMap({ $0 as? Dense }) where dense !== model.outputLayer {
            for j in 0..<dense.bias.count { dense.bias.value.data[j] += 0.5 }
        }
        let n = 8
        let x = TestData.randomBatch(rows: n, cols: spec.inputFeatures, seed: 2, scale: 1.5)
        let massValues = TestData.massRows(n, columns: spec.physicsParameters)
        let labels = (0..<n).map { Double($0 % 2) }
        let weights = (0..<n).map { [0.5, 1.0, 2.0][$0 % 3] }

        let context = PassContext(mass: TestData.matrix(massValues), training: false, pool: pool)
        model.forward(TestData.matrix(x), context)
        let dz = Matrix(rows: n, cols: 1)
        let ce = BinaryCrossEntropy.lossAndGradient(logits: model.outputLayer.logits!, labels: TestData.matrix(labels.map { [$0] }),
                                                    weights: TestData.matrix(weights.map { [$0] }), gradient: dz)
        model.backward(logitGradient: dz, context)
        let dataGradients = model.parameters.map { p in (0..<p.count).map { Double(p.gradient.data[$0]) } }
        let penalty = L2Penalty(kernel: spec.l2Kernel, bias: spec.l2Bias).apply(to: model.parameters)

        let params = model.layers.map { DoubleReference.parameters(of: $0) }
        func loss(_ params: [[[Double]]], penalized: Bool = true) -> Double {
            var h = x
            for (l, layer) in model.layers.enumerated() {
                h = DoubleReference.forward(layer, h, mass: massValues, params: params[l])
            }
            var r = 0.0
            for (l, layer) in model.layers.enumerated() where penalized {
                for (p, parameter) in layer.parameters.enumerated() {
                    let lambda = Double(parameter.kind == .kernel ? spec.l2Kernel : spec.l2Bias)
                    r += lambda * params[l][p].reduce(0) { $0 + $1 * $1 }
                }
            }
            return DoubleReference.crossEntropy(h.map { $0[0] }, labels: labels, weights: weights) + r
        }
        let reference = loss(params)
        #expect(abs(ce + penalty - reference) < 1e-5 * max(1, abs(reference)), "loss value")

        let h = 1e-6
        var tensor = 0
        for (l, layer) in model.layers.enumerated() {
            for (p, parameter) in layer.parameters.enumerated() {
                defer { tensor += 1 }
                func numeric(penalized: Bool) -> [Double] {
                    (0..<parameter.count).map { e in
                        var plus = params, minus = params
                        plus[l][p][e] += h
                        minus[l][p][e] -= h
                        return (loss(plus, penalized: penalized) - loss(minus, penalized: penalized)) / (2 * h)
                    }
                }
                let label = "\(spec.conditioning)/\(spec.conditioningPlace)/\(spec.activation)/p=\(spec.physicsParameters): ∂L/∂\(parameter.name)"
                // The cross-entropy part alone, so a small L2 term cannot hide an error in
                // the backward pass; it must reach every tensor, or the check is empty.
                let data = numeric(penalized: false)
                #expect(data.map(abs).max()! > 1e-4, "\(label): the data gradient vanishes")
                #expect(TestData.relativeError(dataGradients[tensor], data) < 2e-4, "\(label) without L2")
                let analytic = (0..<parameter.count).map { Double(parameter.gradient.data[$0]) }
                #expect(TestData.relativeError(analytic, numeric(penalized: true)) < 2e-4, "\(label)")
            }
        }
    }

    @Test func paperParameterCounts() {
        #expect(Model(spec: PaperArchitecture.affine.spec, seed: 1).parameterCount == 76_151)
        #expect(Model(spec: PaperArchitecture.pnn.spec, seed: 1).parameterCount == 74_051)
        #expect(Model(spec: PaperArchitecture.pnnLinear.spec, seed: 1).parameterCount == 74_051)
        #expect(Model(spec: PaperArchitecture.single.spec, seed: 1).parameterCount == 73_751)
    }

    /// Two physics parameters add one kernel row per conditioning kernel (one per D it
    /// conditions; two for affine) and one input row per Dense layer a concat widens.
    @Test func paperParameterCountsWithTwoParameters() {
        func extra(_ spec: ArchitectureSpec) -> Int {
            var two = spec
            two.physicsParameters = 2
            return Model(spec: two, seed: 1).parameterCount - Model(spec: spec, seed: 1).parameterCount
        }
        #expect(extra(PaperArchitecture.affine.spec) == 2 * (300 + 150 + 100 + 50))
        #expect(extra(PaperArchitecture.pnn.spec) == 300)
        #expect(extra(PaperArchitecture.single.spec) == 0)
        let expected: [ConditioningKind: [ConditioningPlace: Int]] = [
            .concat: [.start: 300, .all: 150 + 100 + 50 + 1, .end: 1],
            .biasing: [.start: 27, .all: 600, .end: 50],
            .scaling: [.start: 27, .all: 600, .end: 50],
            .affine: [.start: 2 * 27, .all: 2 * 600, .end: 2 * 50],
        ]
        for (kind, places) in expected {
            for (place, count) in places {
                #expect(extra(ArchitectureSpec(conditioning: kind, conditioningPlace: place)) == count, "\(kind)/\(place)")
            }
        }
    }

    /// A conditioning kernel on p parameters is Keras' Dense(D) kernel on p inputs: shape
    /// [p × D], glorot-uniform with fan_in = p and fan_out = D, drawn in row-major order from
    /// the parameter's stream (p = 1: the one-parameter engine's initialisation).
    @Test(arguments: [1, 2, 3])
    func conditioningKernelsAreGlorotOverTheParameters(p: Int) throws {
        var spec = PaperArchitecture.affine.spec
        spec.physicsParameters = p
        let model = Model(spec: spec, seed: 42)
        let kernels = model.parameters.enumerated().filter { $0.element.name.hasPrefix("affine") && $0.element.kind == .kernel }
        #expect(kernels.count == 8)
        for (index, kernel) in kernels {
            let d = kernel.value.cols
            #expect(kernel.shape == [p, d], "\(kernel.name)")
            let limit = (6.0 / Double(p + d)).squareRoot()
            var stream = RandomStream(seed: 42, purpose: .initialization, index: UInt64(index))
            let expected = (0..<p * d).map { _ in Float((2 * stream.nextDouble() - 1) * limit) }
            #expect(kernel.value.toArray() == expected, "\(kernel.name)")
        }
    }

    @Test func glorotUniformBoundsAndZeroBiases() {
        let model = Model(spec: PaperArchitecture.affine.spec, seed: 42)
        for p in model.parameters {
            let values = p.value.toArray()
            if p.kind == .bias {
                #expect(values.allSatisfy { $0 == 0 }, "\(p.name) must start at zero")
            } else {
                let limit = Float(GlorotUniform.limit(fanIn: p.value.rows, fanOut: p.value.cols))
                #expect(values.allSatisfy { abs($0) <= limit }, "\(p.name) within ±\(limit)")
                if p.count >= 1000 {
                    // Uniform on [-L, L]: variance L²/3.
                    let variance = values.reduce(0.0) { $0 + Double($1 * $1) } / Double(values.count)
                    #expect(abs(variance / Double(limit * limit / 3) - 1) < 0.05, "\(p.name) variance")
                }
            }
        }
    }
}
