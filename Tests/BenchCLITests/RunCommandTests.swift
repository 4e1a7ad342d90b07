import Foundation
import Testing

/// `bench run` / `bench all` end to end on a two-experiment suite at a tiny scale.
@Suite struct RunCommandTests {
    static let suite = """
    description: A tiny suite for tests.
    masses: [500, 750, 1000, 1250, 1500]
    artifacts:
      table3: Table 3
    experiments:
      - id: "table3/{model}-identical-fixed"
        matrix:
          model: [pnn, affine]
        artifact: table3
        row: "{model:label} | Identical (fixed)"
        dataset: hepmass
        backgroundMass: identical-fixed
    """

    static let scales = """
    tiny:
      trainEvents: 3000
      testEvents: 2000
      epochs: 1
      batchSize: 128
      description: For tests.
    """

    static func root() throws -> URL {
        let root = try BenchProcess.temporaryDirectory()
        let suites = root.appendingPathComponent("Suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        try suite.write(to: suites.appendingPathComponent("mini.yaml"), atomically: true, encoding: .utf8)
        try scales.write(to: suites.appendingPathComponent("scales.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func runStoresResultsAndResumes() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["--suite", "mini", "--scale", "tiny", "--root", root.path, "--work-dir", root.appendingPathComponent(".bench").path]
        // Two seeds: every experiment once per seed, seed-major.
        let first = try BenchProcess.run(["run"] + args + ["--seeds", "2", "table3/*"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 experiments × 2 seeds (42, 43)"))
        #expect(first.stdout.contains("[2/4] table3/affine-identical-fixed [seed 42]: ROC-AUC"))
        #expect(first.stdout.contains("[4/4] table3/affine-identical-fixed [seed 43]: ROC-AUC"))
        let results = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".bench/results").path)
        #expect(results.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }.count == 4)
        // The run ends with its phases: training and validation were timed, the store not yet read.
        #expect(first.stdout.contains("Where the time went (this process):"))
        #expect(first.stdout.contains("training steps (incl. batch assembly)"))
        #expect(first.stdout.contains("validation scoring (every epoch)"))
        #expect(first.stdout.contains("not training:"))

        // One seed of those is stored: nothing trains.
        let again = try BenchProcess.run(["run"] + args + ["--seed", "43", "table3/pnn-identical-fixed"], in: root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("(stored result)"))
        #expect(!again.stdout.contains("epoch 1/1"))

        let both = try BenchProcess.run(["run"] + args + ["--seed", "43", "--seeds", "2"], in: root)
        #expect(both.status == 2)
        #expect(both.stderr.contains("either --seeds or --seed"))
        let badSeeds = try BenchProcess.run(["run"] + args + ["--seeds", "42,x"], in: root)
        #expect(badSeeds.status == 2)
        #expect(badSeeds.stderr.contains("\"x\" is not a seed"))

        // `all` with no recorded baseline for the scale says so and succeeds.
        let all = try BenchProcess.run(["all"] + args, in: root)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("no recorded baseline"))
    }

    /// Two processes training the same experiment into one store at the same time (as two
    /// cluster tasks may): both succeed, the store holds one complete result, byte-identical
    /// to a lone run's, and no temporary file.
    @Test func racingWritersLeaveOneCompleteResult() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        func args(_ work: String) -> [String] {
            ["run", "--suite", "mini", "--scale", "tiny", "--seeds", "1", "--threads", "1", "--root", root.path,
             "--work-dir", root.appendingPathComponent(work).path, "table3/pnn-identical-fixed"]
        }
        var outputs: [BenchProcess.Output?] = [nil, nil]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let output = try? BenchProcess.run(args("shared"), in: root)
            lock.lock(); outputs[k] = output; lock.unlock()
        }
        for output in outputs { #expect(output?.status == 0, "\(output?.stderr ?? "did not run")") }
        let lone = try BenchProcess.run(args("lone"), in: root)
        #expect(lone.status == 0)
        let shared = root.appendingPathComponent("shared/results"), single = root.appendingPathComponent("lone/results")
        let names = try FileManager.default.contentsOfDirectory(atPath: shared.path).sorted()
        #expect(names.count == 2 && names.allSatisfy { !$0.hasPrefix(".") }, "\(names)")
        let result = try #require(names.first { !$0.hasSuffix(".timing.json") })
        #expect(try Data(contentsOf: shared.appendingPathComponent(result)) == Data(contentsOf: single.appendingPathComponent(result)))
        let models = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("shared/models").path)
        #expect(models.count == 1 && !models[0].hasPrefix("."), "\(models)")
    }

    /// Shards 1/3, 2/3 and 3/3 together train exactly what the whole run trains, bit for bit.
    @Test func shardsTogetherEqualTheWholeRun() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        func args(_ work: String) -> [String] {
            ["run", "--suite", "mini", "--scale", "tiny", "--seeds", "2", "--root", root.path,
             "--work-dir", root.appendingPathComponent(work).path, "table3/*"]
        }
        #expect(try BenchProcess.run(args("whole"), in: root).status == 0)
        var trained = 0
        for i in 1...3 {
            let shard = try BenchProcess.run(args("sharded") + ["--shard", "\(i)/3"], in: root)
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.contains("shard \(i)/3:"))
            trained += shard.stdout.components(separatedBy: "samples/s)").count - 1
        }
        #expect(trained == 4)
        func results(_ work: String) throws -> [String: Data] {
            let dir = root.appendingPathComponent(work).appendingPathComponent("results")
            var out: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasSuffix(".timing.json") {
                out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
            }
            return out
        }
        #expect(try results("sharded") == results("whole"))
        let bad = try BenchProcess.run(args("sharded") + ["--shard", "4/3"], in: root)
        #expect(bad.status == 2 && bad.stderr.contains("1 ≤ i ≤ N"))
    }

    /// `bench submit slurm --dry-run` writes the two scripts and submits nothing; `bench
    /// status` counts what the store holds per shard.
    @Test func submitDryRunWritesScriptsAndStatusCounts() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("shared")
        let common = ["--suite", "mini", "--scale", "tiny", "--seeds", "2", "--root", root.path, "--work-dir", work.path]
        let dry = try BenchProcess.run(["submit", "slurm"] + common + ["--shards", "3", "--cpus-per-task", "1", "--time", "0:10:00", "--dry-run"], in: root)
        #expect(dry.status == 0, "\(dry.stderr)")
        let folder = work.appendingPathComponent("submit/slurm-001")
        let train = try String(contentsOf: folder.appendingPathComponent("train.sbatch"), encoding: .utf8)
        #expect(train.contains("#SBATCH --array=1-3\n") && train.contains("#SBATCH --time=0:10:00\n"))
        #expect(train.contains("--threads 1 --shard ${SLURM_ARRAY_TASK_ID}/3 '*'"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("collect.sbatch").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("train.jobid").path))

        // One shard trained by hand: status counts it, and --resume would submit the other two.
        #expect(try BenchProcess.run(["run"] + common + ["--shard", "2/3", "table3/*"], in: root).status == 0)
        let status = try BenchProcess.run(["status"] + common + ["--shards", "3"], in: root)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("shard 2/3: ") && status.stdout.contains("missing: "))
        let resume = try BenchProcess.run(["submit", "slurm"] + common + ["--shards", "3", "--resume", "--dry-run"], in: root)
        #expect(resume.stdout.contains("shards with missing results: 1, 3"), "\(resume.stdout)")
        let again = try String(contentsOf: work.appendingPathComponent("submit/slurm-002/train.sbatch"), encoding: .utf8)
        #expect(again.contains("#SBATCH --array=1,3\n"))
    }

    @Test func badSelectionsAndDataAreUsageErrors() throws {
        let root = try Self.root()
        defer { try? FileManager.default.removeItem(at: root) }
        let args = ["--suite", "mini", "--scale", "tiny", "--root", root.path, "--work-dir", root.appendingPathComponent(".bench").path]
        let none = try BenchProcess.run(["run"] + args + ["table9/*"], in: root)
        #expect(none.status == 2)
        #expect(none.stderr.contains("table9"))
        let noDir = try BenchProcess.run(["run"] + args + ["--data", "hepmass", "table3/*"], in: root)
        #expect(noDir.status == 2)
        #expect(noDir.stderr.contains("--data-dir"))
        let missing = try BenchProcess.run(["run"] + args + ["--data", "hepmass", "--data-dir", root.appendingPathComponent("nowhere").path, "table3/*"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("HEPMASS"))
    }
}
