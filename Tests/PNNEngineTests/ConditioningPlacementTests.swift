import Testing
@testable import PNNEngine

/// The layers each conditioning kind × place builds, pinned at the paper's sizes (27
/// inputs; 300, 150, 100, 50 units; dropout on) against the placements of the authors'
/// conditioning study: start conditions the inputs, all every block's activations, end the
/// last block's, each before the block's dropout.
@Suite struct ConditioningPlacementTests {
    /// "name in→out" per layer, comma-separated.
    static func layout(_ model: Model) -> String {
        model.layers.map { "\($0.name) \($0.inputWidth)→\($0.outputWidth)" }.joined(separator: ", ")
    }

    /// The layer class a name stands for, by its prefix.
    static func expectedType(of name: String) -> Layer.Type? {
        let prefixes: [(String, Layer.Type)] = [
            ("dense", Dense.self), ("output", Dense.self), ("dropout", Dropout.self), ("concat", ConcatConditioning.self),
            ("bias", ConditionalBiasing.self), ("scale", ConditionalScaling.self), ("affine", AffineConditioning.self),
        ]
        return prefixes.first { name.hasPrefix($0.0) }?.1
    }

    static let plainBlocks = "dense0 27→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
        + "dense2 150→100, dropout2 100→100, dense3 100→50, dropout3 50→50, output 50→1"

    /// Element-wise conditioning (prefix p) at each place.
    static func elementWise(_ p: String) -> [ConditioningPlace: String] {
        [
            .start: "\(p)_in 27→27, " + plainBlocks,
            .all: "dense0 27→300, \(p)0 300→300, dropout0 300→300, dense1 300→150, \(p)1 150→150, dropout1 150→150, "
                + "dense2 150→100, \(p)2 100→100, dropout2 100→100, dense3 100→50, \(p)3 50→50, dropout3 50→50, output 50→1",
            .end: "dense0 27→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
                + "dense2 150→100, dropout2 100→100, dense3 100→50, \(p)3 50→50, dropout3 50→50, output 50→1",
        ]
    }

    static let paperLayouts: [ConditioningKind: [ConditioningPlace: String]] = [
        .concat: [
            .start: "concat0 27→28, dense0 28→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
                + "dense2 150→100, dropout2 100→100, dense3 100→50, dropout3 50→50, output 50→1",
            .all: "dense0 27→300, concat1 300→301, dropout0 301→301, dense1 301→150, concat2 150→151, dropout1 151→151, "
                + "dense2 151→100, concat3 100→101, dropout2 101→101, dense3 101→50, concat_out 50→51, dropout3 51→51, "
                + "output 51→1",
            .end: "dense0 27→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
                + "dense2 150→100, dropout2 100→100, dense3 100→50, concat_out 50→51, dropout3 51→51, output 51→1",
        ],
        .biasing: elementWise("bias"),
        .scaling: elementWise("scale"),
        .affine: elementWise("affine"),
        .none: [.start: plainBlocks, .all: plainBlocks, .end: plainBlocks],
    ]

    @Test(arguments: ConditioningKind.allCases, ConditioningPlace.allCases)
    func paperSizesLayerList(kind: ConditioningKind, place: ConditioningPlace) throws {
        let model = Model(spec: ArchitectureSpec(conditioning: kind, conditioningPlace: place), seed: 1)
        #expect(Self.layout(model) == Self.paperLayouts[kind]?[place], "\(kind)/\(place)")
        for layer in model.layers {
            let expected = try #require(Self.expectedType(of: layer.name), "unexpected layer name \(layer.name)")
            #expect(type(of: layer) == expected, "\(layer.name) is a \(type(of: layer))")
        }
        // Parameters are named after their layer, in layer order.
        #expect(model.parameters.map(\.name) == model.layers.flatMap { $0.parameters.map(\.name) })
        #expect(model.parameters.allSatisfy { p in model.layers.contains { p.name.hasPrefix($0.name + ".") } })
    }

    /// Conditioned on two physics parameters, concat adds two columns wherever it sits;
    /// the element-wise kinds keep every width (their kernels gain a row instead).
    @Test(arguments: ConditioningKind.allCases, ConditioningPlace.allCases)
    func twoParametersLayerList(kind: ConditioningKind, place: ConditioningPlace) {
        let model = Model(spec: ArchitectureSpec(conditioning: kind, conditioningPlace: place, physicsParameters: 2), seed: 1)
        let concat: [ConditioningPlace: String] = [
            .start: "concat0 27→29, dense0 29→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
                + "dense2 150→100, dropout2 100→100, dense3 100→50, dropout3 50→50, output 50→1",
            .all: "dense0 27→300, concat1 300→302, dropout0 302→302, dense1 302→150, concat2 150→152, dropout1 152→152, "
                + "dense2 152→100, concat3 100→102, dropout2 102→102, dense3 102→50, concat_out 50→52, dropout3 52→52, "
                + "output 52→1",
            .end: "dense0 27→300, dropout0 300→300, dense1 300→150, dropout1 150→150, "
                + "dense2 150→100, dropout2 100→100, dense3 100→50, concat_out 50→52, dropout3 52→52, output 52→1",
        ]
        #expect(Self.layout(model) == (kind == .concat ? concat[place] : Self.paperLayouts[kind]?[place]), "\(kind)/\(place)")
    }

    @Test func summaryNamesTheInputs() {
        let two = Model(spec: ArchitectureSpec(conditioning: .affine, conditioningPlace: .all, physicsParameters: 2), seed: 1).summary
        #expect(two.hasPrefix("inputs: 27 features, 2 physics parameters\n"))
        // Two kernels [2 × 300] and two biases [300].
        #expect(two.contains("affine0     AffineConditioning    out 300   params 1800\n"))
        #expect(Model(spec: PaperArchitecture.pnn.spec, seed: 1).summary.hasPrefix("inputs: 27 features, 1 physics parameter\n"))
        #expect(Model(spec: PaperArchitecture.single.spec, seed: 1).summary.hasPrefix("inputs: 27 features\n"))
    }

    /// A mass input without one column per physics parameter stops the model before any
    /// work, with a message that says so; an unconditioned model ignores the mass input.
    @Test func massColumnsMustMatchTheParameterCount() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let model = Model(spec: ArchitectureSpec(inputFeatures: 3, hiddenUnits: [4], conditioning: .affine,
                                                     physicsParameters: 2), seed: 1)
            _ = model.predict(Matrix(rows: 5, cols: 3), mass: Matrix(rows: 5, cols: 1), pool: WorkerPool(threads: 1))
        }.map { result in
            let message = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(message.contains("the mass input has 1 column(s) but the model is conditioned on 2 physics parameter(s)"))
        }
        let single = Model(spec: ArchitectureSpec(inputFeatures: 3, hiddenUnits: [4], conditioning: .none, physicsParameters: 2), seed: 1)
        #expect(single.predict(Matrix(rows: 5, cols: 3), mass: Matrix(rows: 5, cols: 1), pool: WorkerPool(threads: 1)).count == 5)
    }

    /// The two architectures of the paper suite keep their layers and parameter names
    /// (checkpoints and the Keras fixture rely on them).
    @Test func paperArchitecturesAreUnchanged() {
        #expect(Self.layout(Model(spec: PaperArchitecture.pnn.spec, seed: 1)) == Self.paperLayouts[.concat]?[.start])
        #expect(Self.layout(Model(spec: PaperArchitecture.affine.spec, seed: 1)) == Self.paperLayouts[.affine]?[.all])
        let affineNames = Model(spec: PaperArchitecture.affine.spec, seed: 1).parameters.map(\.name)
        #expect(affineNames.prefix(6) == ["dense0.kernel", "dense0.bias", "affine0.scale.kernel", "affine0.scale.bias",
                                          "affine0.shift.kernel", "affine0.shift.bias"])
        #expect(affineNames.suffix(2) == ["output.kernel", "output.bias"])
    }
}
