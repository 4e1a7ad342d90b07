import Foundation
import Testing
@testable import PNNEngine

@Suite struct CheckpointTests {
    func trainedTrainer(steps: Int = 3) -> (Trainer, SyntheticBatch) {
        var spec = PaperArchitecture.affine.spec
        spec.hiddenUnits = [20, 10]
        let trainer = Trainer(model: Model(spec: spec, seed: 4), seed: 4, pool: WorkerPool(threads: 2))
        let batch = SyntheticBatch(size: 64, features: spec.inputFeatures)
        for s in 0..<steps {
            batch.fill(seed: 4, index: UInt64(s))
            trainer.step(x: batch.x, mass: batch.mass, labels: batch.labels)
        }
        return (trainer, batch)
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

    @Test func roundTripIsBitExactAndTrainingContinuesIdentically() throws {
        let (original, batch) = trainedTrainer()
        let path = temporaryPath("a.ckpt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Checkpoint.save(original, to: path)
        let restored = try Checkpoint.load(from: path, pool: WorkerPool(threads: 1))
        #expect(bits(restored) == bits(original))
        #expect(restored.step == original.step)
        #expect(restored.model.spec == original.model.spec)
        // Inference agrees too, batched or not.
        let p1 = original.model.predict(batch.x, mass: batch.mass, pool: WorkerPool(threads: 2), batchSize: 10)
        let p2 = restored.model.predict(batch.x, mass: batch.mass, pool: WorkerPool(threads: 1))
        #expect(p1 == p2 && p1.count == batch.x.rows && p1.allSatisfy { $0 > 0 && $0 < 1 })
        // The next step (dropout keyed by seed and step) is the same on both.
        batch.fill(seed: 4, index: 99)
        original.step(x: batch.x, mass: batch.mass, labels: batch.labels)
        restored.step(x: batch.x, mass: batch.mass, labels: batch.labels)
        #expect(bits(restored) == bits(original))
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
