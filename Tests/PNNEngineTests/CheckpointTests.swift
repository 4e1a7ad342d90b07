import Foundation
import Testing
@testable import PNNEngine

@Suite struct CheckpointTests {
    func trainedTrainer(steps: Int = 3, physicsParameters p: Int = 1) -> (Trainer, SyntheticBatch) {
        var spec = PaperArchitecture.affine.spec
        spec.hiddenUnits = [20, 10]
        spec.physicsParameters = p
        let trainer = Trainer(model: Model(spec: spec, seed: 4), seed: 4, pool: WorkerPool(threads: 2))
        let batch = SyntheticBatch(size: 64, features: spec.inputFeatures)
        for s in 0..<steps {
            batch.fill(seed: 4, index: UInt64(s))
            trainer.step(x: batch.x, mass: parameters(batch, p), labels: batch.labels)
        }
        return (trainer, batch)
    }

    /// The batch's mass column, and for p > 1 further parameter columns taken from its features.
    func parameters(_ batch: SyntheticBatch, _ p: Int) -> Matrix {
        guard p > 1 else { return batch.mass }
        let m = Matrix(rows: batch.mass.rows, cols: p)
        for i in 0..<m.rows {
            m[i, 0] = batch.mass.data[i]
            for c in 1..<p { m[i, c] = 0.25 * batch.x[i, c] }
        }
        return m
    }

    func bits(_ t: Trainer) -> [UInt32] {
        var out: [UInt32] = []
        for (p, parameter) in t.model.parameters.enumerated() {
            for buffer in [parameter.value, t.optimizer.moments[p], t.optimizer.velocities[p]] {
                out += (0..<buffer.count).map { buffer.data[$0].bitPattern }
            }
        }
        return out
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-ckpt-\(UUID().uuidString)-\(name)").path
    }

    /// p = 1: the mass alone; p = 2: kernels [2 × D] and the field in the header.
    @Test(arguments: [1, 2])
    func roundTripIsBitExactAndTrainingContinuesIdentically(physicsParameters p: Int) throws {
        let (original, batch) = trainedTrainer(physicsParameters: p)
        let path = temporaryPath("a.ckpt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Checkpoint.save(original, to: path)
        let restored = try Checkpoint.load(from: path, pool: WorkerPool(threads: 1))
        #expect(bits(restored) == bits(original))
        #expect(restored.step == original.step)
        #expect(restored.model.spec == original.model.spec)
        #expect(restored.model.spec.physicsParameters == p)
        #expect(restored.model.parameters.map(\.shape).prefix(4) == [[27, 20], [20], [p, 20], [20]])
        let header = try Checkpoint.read(path).0
        #expect(header.architecture.physicsParameters == p)
        // Inference agrees too, batched or not.
        let mass = parameters(batch, p)
        let p1 = original.model.predict(batch.x, mass: mass, pool: WorkerPool(threads: 2), batchSize: 10)
        let p2 = restored.model.predict(batch.x, mass: mass, pool: WorkerPool(threads: 1))
        #expect(p1 == p2 && p1.count == batch.x.rows && p1.allSatisfy { $0 > 0 && $0 < 1 })
        // The next step (dropout keyed by seed and step) is the same on both.
        batch.fill(seed: 4, index: 99)
        original.step(x: batch.x, mass: parameters(batch, p), labels: batch.labels)
        restored.step(x: batch.x, mass: parameters(batch, p), labels: batch.labels)
        #expect(bits(restored) == bits(original))
    }

    /// A spec on the mass alone encodes to the header bytes of checkpoints written before
    /// parameter vectors existed (`recorded`, copied from one), so such checkpoints are
    /// unchanged and old ones read back as p = 1; p ≠ 1 is written and read back.
    @Test func architectureHeaderOfOneParameterIsUnchanged() throws {
        let recorded = #"{"activation":"relu","conditioning":"affine","conditioningPlace":"all","dropoutRate":0.25,"#
            + #""hiddenUnits":[300,150,100,50],"inputFeatures":27,"l2Bias":1e-05,"l2Kernel":0.0001}"#
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // as `Checkpoint.save`
        #expect(String(decoding: try encoder.encode(PaperArchitecture.affine.spec), as: UTF8.self) == recorded)
        let old = try JSONDecoder().decode(ArchitectureSpec.self, from: Data(recorded.utf8))
        #expect(old == PaperArchitecture.affine.spec && old.physicsParameters == 1)

        var two = PaperArchitecture.affine.spec
        two.physicsParameters = 2
        let json = String(decoding: try encoder.encode(two), as: UTF8.self)
        #expect(json.contains(#""physicsParameters":2"#))
        #expect(try JSONDecoder().decode(ArchitectureSpec.self, from: Data(json.utf8)) == two)
        let zero = json.replacingOccurrences(of: #""physicsParameters":2"#, with: #""physicsParameters":0"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ArchitectureSpec.self, from: Data(zero.utf8)) }

        // A non-zero initial scaling bias is written and read back; zero is not written.
        var unit = PaperArchitecture.affine.spec
        unit.scaleBiasInitial = 1
        let unitJSON = String(decoding: try encoder.encode(unit), as: UTF8.self)
        #expect(unitJSON == recorded.replacingOccurrences(of: #""l2Kernel":0.0001}"#, with: #""l2Kernel":0.0001,"scaleBiasInitial":1}"#))
        #expect(try JSONDecoder().decode(ArchitectureSpec.self, from: Data(unitJSON.utf8)) == unit)
        #expect(old.scaleBiasInitial == 0)
    }

    @Test func truncatedForeignAndCorruptFilesAreRejectedClearly() throws {
        let (trainer, _) = trainedTrainer(steps: 1)
        let path = temporaryPath("b.ckpt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Checkpoint.save(trainer, to: path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))

        func message(for data: Data) -> String {
            try? data.write(to: URL(fileURLWithPath: path))
            do {
                _ = try Checkpoint.load(from: path, pool: WorkerPool(threads: 1))
                return "loaded"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(for: good.prefix(good.count - 100)).contains("truncated"))
        #expect(message(for: good.prefix(10)).contains("truncated"))
        #expect(message(for: Data("label,f0,f1\n1,2,3\n".utf8)).contains("not a PNNBench checkpoint"))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        #expect(message(for: flipped).contains("corrupt"))
        #expect(message(for: good) == "loaded")
        #expect(message(for: good).contains(path) == false)  // success has no message
        let missing = temporaryPath("missing.ckpt")
        #expect(throws: CheckpointError.self) { try Checkpoint.load(from: missing, pool: WorkerPool(threads: 1)) }
    }

    @Test func noTemporaryFilesAreLeftBehind() throws {
        let (trainer, _) = trainedTrainer(steps: 1)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-ckdir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Checkpoint.save(trainer, to: dir.appendingPathComponent("c.ckpt").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["c.ckpt"])
    }
}
