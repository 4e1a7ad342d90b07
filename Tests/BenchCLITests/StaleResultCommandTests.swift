import Foundation
import Testing

/// The sequence of a user who edits a scale after a run, on the built `bench`: the stored
/// result is reported as stale (naming the field), `compare` fails, and after `bench run`
/// trains the new definition it passes again.
@Suite struct StaleResultCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A project with the committed suites and paper baselines; the smoke scale made small
    /// enough to train in seconds (its epochs stay 2, the field the test edits).
    func project() throws -> URL {
        let root = try BenchProcess.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(at: Self.repository.appendingPathComponent("Suites"), to: root.appendingPathComponent("Suites"))
        try fm.createDirectory(at: root.appendingPathComponent("Baselines"), withIntermediateDirectories: true)
        try fm.copyItem(at: Self.repository.appendingPathComponent("Baselines/paper"), to: root.appendingPathComponent("Baselines/paper"))
        let scales = root.appendingPathComponent("Suites/scales.yaml")
        var text = try String(contentsOf: scales, encoding: .utf8)
        let smoke = try #require(text.range(of: "smoke:\n  trainEvents: 24000\n  testEvents: 12000\n  epochs: 2\n"),
                                 "Suites/scales.yaml's smoke scale changed; update this test's small copy of it")
        text.replaceSubrange(smoke, with: "smoke:\n  trainEvents: 3000\n  testEvents: 2000\n  epochs: 2\n")
        try text.write(to: scales, atomically: true, encoding: .utf8)
        return root
    }

    func bench(_ root: URL, _ arguments: [String]) throws -> BenchProcess.Output {
        try BenchProcess.run(arguments + ["--scale", "smoke", "--seed", "42", "--root", root.path,
                                          "--work-dir", root.appendingPathComponent("work").path], in: root)
    }

    /// `bench store` names the stale result, refuses to remove it while another process
    /// holds the store (here `flock -s`, as a run would), and removes it once the store is free.
    func storeListsAndRemovesTheStaleResult(_ root: URL) throws {
        let work = root.appendingPathComponent("work")
        func store(_ extra: [String]) throws -> BenchProcess.Output {
            try BenchProcess.run(["store", "--root", root.path, "--work-dir", work.path] + extra, in: root)
        }
        let list = try store([])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("suite paper, scale smoke: 1 stale"), "\(list.stdout)")
        #expect(list.stdout.contains("stale: table3/single seed 42 [table3_single-") && list.stdout.contains("scale.epochs 2 → 1"), "\(list.stdout)")

        let holders = work.appendingPathComponent("store.lock.d")
        try FileManager.default.createDirectory(at: holders, withIntermediateDirectories: true)
        try Data("bench run --scale smoke (pid 4711 on node07)\n".utf8).write(to: holders.appendingPathComponent("node07-4711-test"))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-s", work.appendingPathComponent("store.lock").path, "sleep", "120"]
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        // Wait (bounded) until flock holds the lock: a non-blocking exclusive flock then fails.
        var held = false
        for _ in 0..<100 where !held {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            probe.arguments = ["-n", "-x", work.appendingPathComponent("store.lock").path, "true"]
            try probe.run()
            probe.waitUntilExit()
            held = probe.terminationStatus != 0
            if !held { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(held, "flock never took the lock")
        let refused: BenchProcess.Output? = try store(["--remove", "stale", "--remove", "orphaned"])
        #expect(refused?.status == 1)
        let busy = try #require(refused, "the removal was never refused while the store was held")
        #expect(busy.stderr.contains("the store is in use by bench run --scale smoke (pid 4711 on node07)"), "\(busy.stderr)")
        #expect(busy.stderr.contains("nothing removed"))
        holder.terminate()
        holder.waitUntilExit()

        let removed = try store(["--remove", "stale"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("removed 1 result(s): table3_single-"), "\(removed.stdout)")
        #expect(try store([]).stdout.contains("0 result(s) in"))
    }

    @Test func editedScaleMakesTheResultStaleUntilItIsTrained() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try bench(root, ["run", "table3/single"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let record = try bench(root, ["baseline", "record"])
        #expect(record.status == 0, "\(record.stdout)\(record.stderr)")
        let before = try bench(root, ["compare"])
        #expect(before.status == 0, "\(before.stdout)\(before.stderr)")
        #expect(!before.stdout.contains("stale"))

        let scales = root.appendingPathComponent("Suites/scales.yaml")
        let text = try String(contentsOf: scales, encoding: .utf8)
        try text.replacingOccurrences(of: "trainEvents: 3000\n  testEvents: 2000\n  epochs: 2\n",
                                      with: "trainEvents: 3000\n  testEvents: 2000\n  epochs: 1\n")
            .write(to: scales, atomically: true, encoding: .utf8)
        let stale = try bench(root, ["compare"])
        #expect(stale.status == 1, "\(stale.stdout)\(stale.stderr)")
        #expect(stale.stdout.contains("stale: table3/single seed 42: stored result is for another definition: scale.epochs 2 → 1; run `bench run` to train it"),
                "\(stale.stdout)")
        #expect(stale.stdout.contains("1 stale result(s) not used"))
        #expect(!stale.stdout.contains("within tolerance") || stale.stdout.contains("cells: 0 within tolerance"), "the stale result is not compared")
        let json = try bench(root, ["compare", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(object["stale"] as? [[String: Any]])
        #expect(entries.count == 1 && (entries.first?["differences"] as? [String]) == ["scale.epochs 2 → 1"])

        let status = try bench(root, ["status", "table3/single"])
        #expect(status.stdout.contains("0 of 1 trainings done"), "\(status.stdout)")
        #expect(status.stdout.contains("scale.epochs 2 → 1"), "status names the stale result: \(status.stdout)")

        try storeListsAndRemovesTheStaleResult(root)

        let rerun = try bench(root, ["run", "table3/single"])
        #expect(rerun.status == 0 && !rerun.stdout.contains("stored result"), "trained, not reused: \(rerun.stdout)\(rerun.stderr)")
        // The recorded values were of 2 epochs; re-record for 1 and the gate passes.
        #expect(try bench(root, ["baseline", "record"]).status == 0)
        let after = try bench(root, ["compare"])
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(!after.stdout.contains("stale:"))
    }
}
