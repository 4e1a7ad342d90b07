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
        let first = try BenchProcess.run(["run"] + args + ["table3/*"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("[2/2] table3/affine-identical-fixed: ROC-AUC"))
        let results = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".bench/results").path)
        #expect(results.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".timing.json") }.count == 2)

        let again = try BenchProcess.run(["run"] + args + ["table3/pnn-identical-fixed"], in: root)
        #expect(again.status == 0)
        #expect(again.stdout.contains("(stored result)"))
        #expect(!again.stdout.contains("epoch 1/1"))

        // `all` with no recorded baseline for the scale says so and succeeds.
        let all = try BenchProcess.run(["all"] + args, in: root)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("no recorded baseline"))
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
