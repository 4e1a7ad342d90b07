import Testing
@testable import PNNEngine

/// Each layer: forward against the Double reference, and every gradient (inputs and
/// parameters) against central finite differences of the reference.
@Suite struct LayerGradientTests {
    static let rows = 7
    let pool = WorkerPool(threads: 2)

    /// Scalar objective L = Σ_ij R_ij·Y_ij with a fixed random R, so ∂L/∂Y = R.
    /// `massWidth`: p, the physics parameters per event (columns of the mass input).
    func check(_ layer: Layer, inputWidth: Int, massWidth: Int = 1, needInput: Bool = true, dropoutMask: Bool = false,
               line: Int = #line) {
        let x = TestData.randomBatch(rows: Self.rows, cols: inputWidth, seed: 11)
        let massValues = TestData.massRows(Self.rows, columns: massWidth)
        let mass = TestData.matrix(massValues)
        TestData.randomize(layer.parameters, seed: 5)
        let context = PassContext(mass: mass, training: dropoutMask, pool: pool, seed: 3, step: 4)

        let y = layer.forward(TestData.matrix(x), context)
        let engineY = TestData.rows(y)
        let mask: [[Double]]? = dropoutMask ? zip(engineY, x).map { zip($0, $1).map { $1 == 0 ? 0 : $0 / $1 } } : nil
        let params = DoubleReference.parameters(of: layer)
        let refY = DoubleReference.forward(layer, x, mass: massValues, params: params, dropoutMask: mask)
        #expect(TestData.relativeError(engineY.flatMap { $0 }, refY.flatMap { $0 }) < 1e-5, "forward of \(layer.name)")

        let r = TestData.randomBatch(rows: Self.rows, cols: layer.outputWidth, seed: 21)
        let g = TestData.matrix(r)
        let dx = layer.backward(g, context, needInputGradient: needInput)
        #expect((dx != nil) == needInput, "\(layer.name) returns an input gradient exactly when asked")

        func objective(_ x: [[Double]], _ params: [[Double]]) -> Double {
            let y = DoubleReference.forward(layer, x, mass: massValues, params: params, dropoutMask: mask)
            var s = 0.0
            for i in y.indices { for j in y[i].indices { s += r[i][j] * y[i][j] } }
            return s
        }
        let h = 1e-6
        for (pIndex, parameter) in layer.parameters.enumerated() {
            var numeric: [Double] = []
            for e in 0..<parameter.count {
                var plus = params, minus = params
                plus[pIndex][e] += h
                minus[pIndex][e] -= h
                numeric.append((objective(x, plus) - objective(x, minus)) / (2 * h))
            }
            let analytic = (0..<parameter.count).map { Double(parameter.gradient.data[$0]) }
            #expect(TestData.relativeError(analytic, numeric) < 1e-4, "∂L/∂\(parameter.name)")
        }
        if needInput, let dx {
            var numeric: [Double] = []
            for i in 0..<Self.rows {
                for j in 0..<inputWidth {
                    var plus = x, minus = x
                    plus[i][j] += h
                    minus[i][j] -= h
                    numeric.append((objective(plus, params) - objective(minus, params)) / (2 * h))
                }
            }
            #expect(TestData.relativeError(TestData.rows(dx).flatMap { $0 }, numeric) < 1e-4, "∂L/∂input of \(layer.name)")
        }
    }

    @Test(arguments: Activation.allCases)
    func dense(activation: Activation) {
        check(Dense(name: "d", inputWidth: 9, outputWidth: 13, activation: activation), inputWidth: 9)
    }

    @Test func denseWideReduction() {
        check(Dense(name: "d", inputWidth: 120, outputWidth: 17, activation: .relu), inputWidth: 120)
    }

    @Test func affineConditioning() { check(AffineConditioning(name: "a", width: 19), inputWidth: 19) }
    @Test func conditionalBiasing() { check(ConditionalBiasing(name: "b", width: 19), inputWidth: 19) }
    @Test func conditionalScaling() { check(ConditionalScaling(name: "s", width: 19), inputWidth: 19) }
    /// As the first layer of a model (conditioning on the inputs) a layer is not asked for
    /// its input gradient but must still fill its parameters'.
    @Test func conditioningWithoutInputGradient() {
        check(AffineConditioning(name: "a", width: 19), inputWidth: 19, needInput: false)
        check(ConditionalBiasing(name: "b", width: 19), inputWidth: 19, needInput: false)
        check(ConditionalScaling(name: "s", width: 19), inputWidth: 19, needInput: false)
    }
    @Test func concatConditioning() { check(ConcatConditioning(name: "c", width: 6), inputWidth: 6) }

    /// Conditioned on p > 1 physics parameters: kernels [p × D] (Keras' layout for a Dense
    /// layer on p inputs), biases [D], concat adds p columns; 19 columns span a full and a
    /// partial SIMD block of the backward pass, p = 3 more than one extra kernel row.
    @Test(arguments: [2, 3])
    func conditioningOnSeveralParameters(p: Int) {
        let d = 19
        let layers: [MassConditioningLayer] = [AffineConditioning(name: "a", width: d, massWidth: p),
                                               ConditionalBiasing(name: "b", width: d, massWidth: p),
                                               ConditionalScaling(name: "s", width: d, massWidth: p)]
        for layer in layers {
            #expect(layer.parameters.map(\.shape) == Array(repeating: [[p, d], [d]], count: layer.parameters.count / 2).flatMap { $0 },
                    "\(layer.name) parameter shapes")
            check(layer, inputWidth: d, massWidth: p)
            check(layer, inputWidth: d, massWidth: p, needInput: false)
        }
        let concat = ConcatConditioning(name: "c", width: 6, massWidth: p)
        #expect(concat.outputWidth == 6 + p)
        check(concat, inputWidth: 6, massWidth: p)
    }
    @Test func dropoutInTraining() { check(Dropout(name: "x", width: 23, rate: 0.25, index: 0), inputWidth: 23, dropoutMask: true) }
    @Test func dropoutAtInferenceIsIdentity() { check(Dropout(name: "x", width: 23, rate: 0.25, index: 0), inputWidth: 23) }
}
