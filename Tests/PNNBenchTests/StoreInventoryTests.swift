import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// `bench store`'s two halves: the inventory (current, stale, orphaned) and the lock that
/// keeps a removal away from running trainings.
@Suite struct StoreInventoryTests {
    static let timing = RunTiming(trainingSeconds: 1, evaluationSeconds: 1, samplesPerSecond: 1, threads: 1)

    @Test func inventoryJudgesEveryResultAndRemovesOnlyWhatWasAskedFor() throws {
        let (root, suite) = try DeclaredPipelineTests.project(parameters: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        // Trained in a pipeline of its own, whose end releases the store for the removal below.
        let trained = try {
            let pipeline = try StaleResultTests.pipeline(root, suite)
            return try pipeline.run(pipeline.select(["all/pnn", "interp/pnn-identical-sampled"]), force: false)
        }()
        let pipeline = try StaleResultTests.pipeline(root, suite)
        let kept = try #require(trained.first { $0.spec.id == "all/pnn" })
        let edited = try #require(trained.first { $0.spec.id == "interp/pnn-identical-sampled" })
        // An experiment no suite has any more: the same result under another id.
        var gone = kept
        gone.spec.id = "removed/pnn"
        gone.key = ResultStore.key(spec: gone.spec, scale: gone.scale, data: gone.data, seed: gone.seed, engineVersion: gone.engineVersion)
        try pipeline.store.save(gone, timing: Self.timing)
        // A suite edit makes one of the trained results stale.
        let text = try String(contentsOf: suite, encoding: .utf8)
        try text.replacingOccurrences(of: "    balance: class\n    trainPoints: {except: [400, 600, 800]}\n",
                                      with: "    balance: class\n    batchSize: 32\n    trainPoints: {except: [400, 600, 800]}\n")
            .write(to: suite, atomically: true, encoding: .utf8)

        let template = pipeline.configuration
        let inventory = try StoreInventory.take(template, suites: [suite.path])
        let state = Dictionary(uniqueKeysWithValues: inventory.entries.map { ($0.result.key, $0.state) })
        #expect(state == [kept.key: .current, edited.key: .stale, gone.key: .orphaned])
        let stale = try #require(inventory.entries.first { $0.state == .stale })
        #expect(stale.detail.contains("batchSize (none) → 32"), "\(stale.detail)")
        #expect(stale.suite == "toy")
        let networks = try #require(try FileManager.default.contentsOfDirectory(atPath: template.modelsDirectory.path)
            .first { $0.hasPrefix(edited.key) })

        let lock = try StoreLock(.exclusive, workDirectory: template.workDirectory, holder: "test")
        let removed = try inventory.remove([.stale], lock: lock)
        #expect(removed.map(\.result.key) == [edited.key])
        #expect(Set(pipeline.store.keys()) == [kept.key, gone.key])
        #expect(!FileManager.default.fileExists(atPath: template.modelsDirectory.appendingPathComponent(networks).path))
        #expect(!FileManager.default.fileExists(atPath: pipeline.store.timingURL(key: edited.key).path))
        _ = try inventory.remove([.orphaned], lock: lock)
        #expect(pipeline.store.keys() == [kept.key])
        #expect(try StoreInventory.take(template, suites: [suite.path]).entries.map(\.state) == [.current])
    }

    @Test func aRemovalNeverRunsWhileTheStoreIsHeld() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-store-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        // flock(2) locks belong to open file descriptions, so two in one process conflict like two processes.
        var run: StoreLock? = try StoreLock(.shared, workDirectory: work, holder: "bench run --scale smoke (pid 1 on node07)")
        let other = try StoreLock(.shared, workDirectory: work, holder: "bench report")
        let busy = try #require(throws: StoreLock.Busy.self) { try StoreLock(.exclusive, workDirectory: work, holder: "bench store --remove stale") }
        #expect(busy.holders.contains("bench run --scale smoke (pid 1 on node07)"))
        #expect(busy.description.contains("the store is in use by"))
        _ = other
        run = nil
        #expect(throws: StoreLock.Busy.self) { try StoreLock(.exclusive, workDirectory: work, holder: "remove") }
        _ = run
    }

    @Test func anExclusiveHolderIsAloneAndClearsLeftoverHolderFiles() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-store-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let leftover = StoreLock.holdersURL(work).appendingPathComponent("node07-999-run")
        try FileManager.default.createDirectory(at: StoreLock.holdersURL(work), withIntermediateDirectories: true)
        try Data("bench run (killed)\n".utf8).write(to: leftover)
        var remove: StoreLock? = try StoreLock(.exclusive, workDirectory: work, holder: "bench store --remove stale")
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "no process holds the lock: the file is a leftover")
        let busy = try #require(throws: StoreLock.Busy.self) { try StoreLock(.exclusive, workDirectory: work, holder: "second") }
        #expect(busy.holders == ["bench store --remove stale"])
        _ = remove
        remove = nil
        let again = try StoreLock(.exclusive, workDirectory: work, holder: "third")
        #expect(again.mode == .exclusive)
    }
}
