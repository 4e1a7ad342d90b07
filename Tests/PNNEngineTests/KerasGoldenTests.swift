import Foundation
import Testing
@testable import PNNEngine

/// Holds the engine to Keras: from formula-defined initial weights and batches (dropout
/// off), 20 Adam steps of the `affine` and `pnn` models must give Keras' losses and final
/// weights (fixture written by Tools/reference/keras_golden.py with TensorFlow/Keras); and
/// the same with two physics parameters per event (`keras_golden_p2.json`, written with
/// `--parameters 2`): concatenation then adds two inputs, the affine maps take two.
///
/// Tolerance: relative error ≤ 1e−4, for losses per step, and for weights per parameter
/// tensor relative to the tensor's scale, max|w − w_keras| / max|w_keras|. A per-element
/// ratio is not meaningful for weights that end near zero: Adam's step α·m/(√v + ε) is
/// ≈ ±α whenever |g| ≫ ε, so float rounding in a tiny gradient flips a whole step
/// (TensorFlow and JAX backends of Keras themselves differ by 5e−4 per element there).
@Suite struct KerasGoldenTests {
    struct Fixture: Decodable {
        struct Tensor: Decodable { let name: String; let shape: [Int]; let initial_first: [Double] }
        struct ModelEntry: Decodable {
            let parameters: [Tensor]
            let initial_sum: Double
            let losses: [Double]
            let final_weights_file: String
            let final_weights_count: Int
        }
        let batch_size: Int
        let steps: Int
        let models: [String: ModelEntry]
    }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func loadFixture(parameters: Int = 1) throws -> Fixture {
        let name = parameters == 1 ? "keras_golden.json" : "keras_golden_p\(parameters).json"
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// draw(tag, b, i) = SplitMix64.value(mix(tag + b), i), as in the fixture script.
    static func draw(_ tag: UInt64, _ b: Int, _ i: Int) -> UInt64 {
        SplitMix64.value(key: SplitMix64.mix(tag &+ UInt64(b)), index: UInt64(i))
    }

    @Test func generatorCheckValuesMatchThePythonScript() {
        #expect(SplitMix64.mix(0) == 0)
        #expect(SplitMix64.mix(1) == 6_238_072_747_940_578_789)
        #expect(SplitMix64.value(key: 42, index: 0) == 13_679_457_532_755_275_413)
        #expect(Self.draw(0xC0FFEE, 0, 0) == 13_808_212_443_707_162_128)
    }

    @Test(arguments: ["affine", "pnn"], [1, 2])
    func twentyAdamStepsMatchKeras(name: String, parameters: Int) throws {
        let fixture = try Self.loadFixture(parameters: parameters)
        let entry = try #require(fixture.models[name])
        var spec = PaperArchitecture(rawValue: name)!.spec
        spec.dropoutRate = 0
        spec.physicsParameters = parameters
        let model = Model(spec: spec, seed: 0)
        #expect(model.parameters.map(\.name) == entry.parameters.map(\.name))
        #expect(model.parameters.map(\.shape) == entry.parameters.map(\.shape))

        // Initial weights: (2u − 1)·L, L = glorot limit for kernels, 0.05 for biases.
        var initialSum = 0.0
        for (p, parameter) in model.parameters.enumerated() {
            let limit = parameter.kind == .kernel
                ? GlorotUniform.limit(fanIn: parameter.value.rows, fanOut: parameter.value.cols) : 0.05
            for e in 0..<parameter.count {
                let u = SplitMix64.unitDouble(Self.draw(0xC0FFEE, p, e))
                parameter.value.data[e] = Float((2 * u - 1) * limit)
                initialSum += Double(parameter.value.data[e])
            }
            let first = (0..<min(3, parameter.count)).map { Double(parameter.value.data[$0]) }
            #expect(first == entry.parameters[p].initial_first, "initial values of \(parameter.name)")
        }
        #expect(abs(initialSum - entry.initial_sum) < 1e-9 * max(1, abs(entry.initial_sum)))

        let trainer = Trainer(model: model, seed: 0, pool: WorkerPool(threads: 2))
        let n = fixture.batch_size, features = spec.inputFeatures
        let masses: [Float] = [0.5, 0.75, 1.0, 1.25, 1.5], sampleWeights: [Float] = [0.5, 1.0, 2.0]
        let second: [Float] = [0.2, 0.5, 1.0]
        let x = Matrix(rows: n, cols: features), m = Matrix(rows: n, cols: parameters)
        let y = Matrix(rows: n, cols: 1), w = Matrix(rows: n, cols: 1)
        for b in 0..<fixture.steps {
            for i in 0..<n {
                for f in 0..<features {
                    x[i, f] = Float((2 * SplitMix64.unitDouble(Self.draw(0xBA7C4, b, i * features + f)) - 1) * 2)
                }
                m.data[i * parameters] = masses[Int(Self.draw(0x3A55, b, i) % 5)]
                if parameters == 2 { m.data[i * 2 + 1] = second[Int(Self.draw(0x3A56, b, i) % 3)] }
                y.data[i] = Float(Self.draw(0x1AB, b, i) >> 63)
                w.data[i] = sampleWeights[Int(Self.draw(0x3E16, b, i) % 3)]
            }
            let loss = trainer.step(x: x, mass: m, labels: y, weights: w).total
            let expected = entry.losses[b]
            #expect(abs(loss - expected) / abs(expected) <= 1e-4, "\(name) (p = \(parameters)) loss at step \(b): \(loss) vs Keras \(expected)")
        }

        let raw = try Data(contentsOf: Self.fixtures.appendingPathComponent(entry.final_weights_file))
        #expect(raw.count == 4 * entry.final_weights_count)
        let keras: [Float] = raw.withUnsafeBytes { buffer in
            (0..<entry.final_weights_count).map { Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }
        var offset = 0
        for parameter in model.parameters {
            let reference = keras[offset..<(offset + parameter.count)]
            let scale = reference.map { abs($0) }.max() ?? 0
            var worst: Float = 0
            for (e, r) in reference.enumerated() { worst = max(worst, abs(parameter.value.data[e] - r)) }
            #expect(worst / scale <= 1e-4, "\(name) \(parameter.name): max|Δ|/max|w| = \(worst / scale)")
            offset += parameter.count
        }
    }
}
