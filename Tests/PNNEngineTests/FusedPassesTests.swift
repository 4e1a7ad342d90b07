import Testing
@testable import PNNEngine

/// The model's passes with element-wise steps fused into a neighbouring layer's pass (a
/// dropout after a conditioning layer in its forward row loop; a dropout's factor, a ReLU's
/// derivative and bias sums in the backward pass of the layer below or above) against the
/// layer-by-layer passes: the outputs and every parameter gradient must be the same bits.
@Suite struct FusedPassesTests {
    /// Every conditioning kind at every place, ReLU and linear, dropout on, one and two
    /// physics parameters; widths that leave partial 16-column blocks.
    static let specs: [ArchitectureSpec] = {
        var out = PaperArchitecture.allCases.map { arch -> ArchitectureSpec in
            var s = arch.spec
            s.inputFeatures = 7
            s.hiddenUnits = [40, 19, 16]
            return s
        }
        for parameters in [1, 2] {
            for kind in ConditioningKind.allCases {
                for place in ConditioningPlace.allCases {
                    for activation in [Activation.relu, .linear] {
                        out.append(ArchitectureSpec(inputFeatures: 7, hiddenUnits: [40, 19, 16], activation: activation,
                                                    conditioning: kind, conditioningPlace: place,
                                                    physicsParameters: parameters, dropoutRate: 0.25))
                    }
                }
            }
        }
        return out
    }()

    /// The outputs, then the parameter gradients, of one training forward and backward pass on a fixed batch.
    static func gradients(_ spec: ArchitectureSpec, fused: Bool, threads: Int) -> [[Float]] {
        let rows = 37
        let model = Model(spec: spec, seed: 3)
        model.fuses = fused
        var stream = RandomStream(seed: 8, purpose: .benchmark)
        let x = Matrix(rows: rows, cols: spec.inputFeatures)
        for e in 0..<x.count { x.data[e] = Float(stream.nextDouble() * 4 - 2) }
        let mass = Matrix(rows: rows, cols: spec.physicsParameters)
        for e in 0..<mass.count { mass.data[e] = Float(stream.nextDouble() + 0.5) }
        let g = Matrix(rows: rows, cols: 1)
        for e in 0..<g.count { g.data[e] = Float(stream.nextDouble() - 0.5) }
        let context = PassContext(mass: mass, training: true, pool: WorkerPool(threads: threads), seed: 5, step: 2)
        let output = model.forward(x, context).toArray()
        model.backward(logitGradient: g, context)
        return [output] + model.parameters.map { $0.gradient.toArray() }
    }

    @Test(arguments: 0..<specs.count)
    func fusedPassesGiveTheLayerByLayerBits(index: Int) {
        let spec = Self.specs[index]
        for threads in [1, 2] {
            let reference = Self.gradients(spec, fused: false, threads: threads)
            let fused = Self.gradients(spec, fused: true, threads: threads)
            #expect(reference.map { $0.map(\.bitPattern) } == fused.map { $0.map(\.bitPattern) },
                    "\(spec.conditioning) at \(spec.conditioningPlace), \(spec.activation), p = \(spec.physicsParameters), \(threads) threads")
        }
    }
}
