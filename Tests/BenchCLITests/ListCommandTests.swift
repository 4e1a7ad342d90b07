import Foundation
import Testing

/// End-to-end tests of `bench list` on the built binary. They need `ListCommand` in the
/// subcommands of `Bench.swift`.
@Suite struct ListCommandTests {
    /// The repository root (holding Suites/), found from this file's path.
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    @Test func listsEveryArtifactWithCounts() throws {
        let result = try BenchProcess.run(["list", "--root", Self.root])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("67 rows in 10 tables and figures; 58 experiments to train (9 rows reuse another experiment's result)"))
        for artifact in ["table3", "table4", "table5", "fig9", "fig10", "fig13", "fig14a", "fig14b", "fig14c", "fig15"] {
            #expect(result.stdout.contains("\n\(artifact) — "), "missing \(artifact)")
        }
        #expect(result.stdout.contains("[26 rows]"))
        #expect(result.stdout.contains("= table5/single"))
        #expect(result.stdout.contains("table3/pnn-linear-identical-fixed"))
        #expect(result.stdout.contains("* default"))
    }

    @Test func jsonGivesTheExpandedSpecs() throws {
        let result = try BenchProcess.run(["list", "--root", Self.root, "--json", "table5/*"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let experiments = try #require(object["experiments"] as? [[String: Any]])
        #expect(experiments.count == 26)
        #expect(experiments.first?["id"] as? String == "table5/single")
        #expect((object["entries"] as? [Any])?.count == 26)
        #expect((object["scales"] as? [[String: Any]])?.map { $0["name"] as? String } == ["smoke", "default", "defaultpaperimb", "medium", "large", "paper"])
        #expect(object["ladder"] as? [String] == ["smoke", "default", "medium", "large", "paper"])
    }

    @Test func badSuiteExitsWithStatus2AndLine() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let suites = dir.appendingPathComponent("Suites")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root + "/Suites/scales.yaml", toPath: suites.appendingPathComponent("scales.yaml").path)
        try """
        masses: [500, 750]
        artifacts:
          tab: "A table"
        experiments:
          - id: tab/single
            artifact: tab
            row: "Single-NN | None"
            dataset: hepmass
            modle: single
        """.write(to: suites.appendingPathComponent("paper.yaml"), atomically: true, encoding: .utf8)
        let result = try BenchProcess.run(["list"], in: dir)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: Suites/paper.yaml:9: unknown key 'modle' in experiment 'tab/single'"), "\(result.stderr)")
    }

    @Test func unknownSuiteOrPatternExitsWithStatus2() throws {
        let suite = try BenchProcess.run(["list", "--root", Self.root, "--suite", "papr"])
        #expect(suite.status == 2)
        #expect(suite.stderr.contains("no such suite 'papr'; available: affine-init, conditioning, paper"), "\(suite.stderr)")
        let pattern = try BenchProcess.run(["list", "--root", Self.root, "tabel5/*"])
        #expect(pattern.status == 2)
        #expect(pattern.stderr.contains("no experiment of suite 'paper' matches 'tabel5/*'"), "\(pattern.stderr)")
    }
}

/// More shards than trainings is a usage error for every command that takes a shard count.
@Suite struct ShardCountTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func moreShardsThanTrainingsIsAUsageError() throws {
        let root = Self.repository.path
        let list = try BenchProcess.run(["list", "--shards", "1000000", "--root", root])
        #expect(list.status == 2, "\(list.stdout)\(list.stderr)")
        #expect(list.stderr.contains("--shards 1000000: 1000000 shards for the run's 174 training(s)"), "\(list.stderr)")
        let work = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let status = try BenchProcess.run(["status", "table3/single", "--seed", "42", "--shards", "2", "--scale", "smoke",
                                           "--root", root, "--work-dir", work.path])
        #expect(status.status == 2 && status.stderr.contains("--shards 2: 2 shards for the run's 1 training(s)"), "\(status.stderr)")
        let run = try BenchProcess.run(["run", "table3/single", "--seed", "42", "--shard", "1/3", "--scale", "smoke",
                                        "--root", root, "--work-dir", work.path])
        #expect(run.status == 2 && run.stderr.contains("--shard 1/3: 3 shards for the run's 1 training(s)"), "\(run.stderr)")
        let submit = try BenchProcess.run(["submit", "slurm", "table3/single", "--seed", "42", "--shards", "4", "--scale", "smoke", "--dry-run",
                                           "--root", root, "--work-dir", work.path])
        #expect(submit.status == 2 && submit.stderr.contains("--shards 4: 4 shards for the run's 1 training(s)"), "\(submit.stderr)")
        // The largest plan that is allowed is computed at once: one training per shard.
        let most = try BenchProcess.run(["list", "--shards", "174", "--root", root])
        #expect(most.status == 0 && most.stdout.contains("shard 174/174: 1 training(s)"), "\(most.stderr)")
    }
}
