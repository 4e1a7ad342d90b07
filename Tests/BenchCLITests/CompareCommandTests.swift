import Foundation
import Testing

/// End-to-end tests of `bench compare` and `bench baseline record` on the built executable,
/// with a temporary project folder holding fixture results (Tests/PNNBenchTests/Fixtures/
/// compare, written by PNNBench's own store and recorder) and the real paper baselines.
@Suite struct CompareCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/PNNBenchTests/Fixtures/compare")

    /// A project folder: Suites/ and Baselines/paper (copied), Baselines/sim/smoke/paper.yaml and
    /// work/results with the two fixture results.
    func project() throws -> URL {
        let root = try BenchProcess.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Baselines/sim/smoke"), withIntermediateDirectories: true)
        try fm.copyItem(at: CompareCommandTests.repository.appendingPathComponent("Baselines/paper"), to: root.appendingPathComponent("Baselines/paper"))
        try fm.copyItem(at: CompareCommandTests.repository.appendingPathComponent("Suites"), to: root.appendingPathComponent("Suites"))
        try fm.copyItem(at: CompareCommandTests.fixtures.appendingPathComponent("sim-smoke-baseline.yaml"),
                        to: root.appendingPathComponent("Baselines/sim/smoke/paper.yaml"))
        try fm.createDirectory(at: root.appendingPathComponent("work"), withIntermediateDirectories: true)
        try fm.copyItem(at: CompareCommandTests.fixtures.appendingPathComponent("results"), to: root.appendingPathComponent("work/results"))
        return root
    }

    func compare(_ root: URL, _ extra: [String] = []) throws -> BenchProcess.Output {
        try BenchProcess.run(["compare", "--scale", "smoke", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path] + extra, in: root)
    }

    func resultFile(_ root: URL, _ prefix: String) throws -> URL {
        let dir = root.appendingPathComponent("work/results")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .first { $0.hasPrefix(prefix) && !$0.hasSuffix(".timing.json") })
        return dir.appendingPathComponent(name)
    }

    @Test func helpTextsDescribeTheCommands() throws {
        let compare = try BenchProcess.run(["compare", "--help"])
        #expect(compare.status == 0 && compare.stdout.contains("USAGE: bench compare"), "\(compare.stdout)\(compare.stderr)")
        #expect(compare.stdout.contains("EXIT STATUS") && compare.stdout.contains("stale"))
        let record = try BenchProcess.run(["baseline", "record", "--help"])
        #expect(record.status == 0 && record.stdout.contains("USAGE: bench baseline record"), "\(record.stdout)\(record.stderr)")
    }

    @Test func passesOnTheRecordedResults() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try compare(root)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("sim (smoke) baseline"))
        #expect(r.stdout.contains("cells: 24 within tolerance, 0 outside"))
        #expect(r.stdout.contains("result: PASSED"))
    }

    /// The requirement, end to end: perturb a stored result beyond tolerance.
    @Test func failsWhenAResultIsPerturbed() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try resultFile(root, "table3_individual-")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var perMass = try #require(object["perMass"] as? [[String: Any]])
        perMass[2]["rocAUC"] = 0.9675  // recorded 96.00, now 96.75: +0.75 > ±0.5
        object["perMass"] = perMass
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let r = try compare(root)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let failing = r.stdout.split(separator: "\n").filter { $0.hasSuffix("FAIL") }
        #expect(failing.count == 1)
        #expect(failing.first?.contains("table3/individual") == true && failing.first?.contains("+0.75") == true)
        #expect(r.stdout.contains("result: FAILED"))
    }

    @Test func failsWhenARecordedExperimentHasNoResult() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: try resultFile(root, "table3_single-"))
        let r = try compare(root)
        #expect(r.status == 1)
        #expect(r.stdout.contains("MISSING"))
        #expect(r.stdout.contains("1 recorded experiment(s) without a result"))
    }

    @Test func badBaselineFileIsExit2WithFileAndLine() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Baselines/sim/smoke/paper.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "    roc-auc-average: 89.6000", with: "    roc-auc-avg: 89.6000")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("roc-auc-avg") }! + 1
        let r = try compare(root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("paper.yaml:\(line): unknown key \"roc-auc-avg\""), "\(r.stderr)")
    }

    @Test func missingSimBaselineSaysHowToRecordIt() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try BenchProcess.run(["compare", "--scale", "default", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path], in: root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bench baseline record --scale default"))
    }

    @Test func paperBaselineReportsClaimsAndNotRunRows() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try compare(root, ["--baseline", "paper"])
        // Smoke-scale simulator numbers are far from the paper's HEPMASS numbers.
        #expect(r.status == 1)
        #expect(r.stdout.contains("Single-NN | None"))
        #expect(r.stdout.contains("not run"))
        // Verdicts padded to the longest word, "inconclusive"; the report's words, no other.
        #expect(r.stdout.contains("holds" + String(repeating: " ", count: 9) + "individual-beat-single-hepmass"))
        #expect(!r.stdout.contains("unclear"))
    }

    @Test func jsonHasEveryCellAndClaimWithStatistics() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try compare(root, ["--seeds", "3", "--baseline", "paper", "--json"])
        #expect(r.status == 1)  // smoke numbers are far from the paper's
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["seeds"] as? [Int] == [42, 43, 44])
        #expect(object["passed"] as? Bool == false)
        let cells = try #require(object["cells"] as? [[String: Any]])
        #expect(!cells.isEmpty)
        for cell in cells {
            for key in ["seeds", "values", "n", "mean", "sd", "ci95", "verdict", "checks", "metric", "mass", "row"] {
                #expect(cell.keys.contains(key), "cell lacks \(key)")
            }
        }
        // The fixture store holds seed 42 only: n = 1, sd and interval null.
        let single = try #require(cells.first { ($0["n"] as? Int) == 1 })
        #expect(single["sd"] is NSNull && single["ci95"] is NSNull && (single["values"] as? [Double])?.count == 1)
        let claims = try #require(object["claims"] as? [[String: Any]])
        let held = try #require(claims.first { $0["id"] as? String == "individual-beat-single-hepmass" })
        #expect(held["verdict"] as? String == "holds" && held["pointEstimate"] as? Bool == true && held["n"] as? Int == 1)
        let effect = try #require(held["effect"] as? [String: Any])
        for key in ["label", "effects", "mean", "ci95", "n", "verdict"] { #expect(effect.keys.contains(key)) }
        #expect(claims.contains { $0["verdict"] as? String == "not run" && $0["effect"] is NSNull })
    }

    @Test func recordWritesTheSameBytes() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("Baselines/sim/smoke/paper.yaml")
        try FileManager.default.removeItem(at: file)
        let r = try BenchProcess.run(["baseline", "record", "--scale", "smoke", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path], in: root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2 experiment(s)"))
        #expect(try Data(contentsOf: file) == (try Data(contentsOf: CompareCommandTests.fixtures.appendingPathComponent("sim-smoke-baseline.yaml"))))
        // Nothing to record is an error, not an empty baseline.
        let empty = try BenchProcess.run(["baseline", "record", "--scale", "default", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path], in: root)
        #expect(empty.status == 2)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Baselines/sim/default").path))
    }
}
