import Foundation
import Testing

/// End-to-end tests of `bench data sim|import|inspect` on the built binary.
@Suite struct DataCommandTests {
    static let header = "# label," + (0..<27).map { "f\($0)" }.joined(separator: ",") + ",mass"

    func row(label: String = "1", mass: String = "500", feature: String = "0.5") -> String {
        ([label] + [String](repeating: feature, count: 27) + [mass]).joined(separator: ",")
    }

    func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func files(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func simImportInspectRoundTrip() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sim = try BenchProcess.run(["data", "sim", "--out", "sim.csv", "--events", "2000", "--seed", "3"], in: dir)
        #expect(sim.status == 0, "\(sim.stderr)")
        #expect(try files(dir) == ["sim.csv"])
        let text = try String(contentsOfFile: dir.appendingPathComponent("sim.csv").path, encoding: .utf8)
        #expect(text.hasPrefix(Self.header + "\n"))
        #expect(text.split(separator: "\n").count == 2001)

        let imported = try BenchProcess.run(["data", "import", "sim.csv", "--out", "cache"], in: dir)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/sim.pnncache").path))

        for file in ["sim.csv", "cache/sim.pnncache"] {
            let inspect = try BenchProcess.run(["data", "inspect", file], in: dir)
            #expect(inspect.status == 0, "\(inspect.stderr)")
            #expect(inspect.stdout.contains("2000 events"))
            #expect(inspect.stdout.contains("signal 1000 (50.0 %)"))
            #expect(inspect.stdout.contains("f26 m_wwbb"))
            #expect(inspect.stdout.contains("signal 1500"))
        }
        let json = try BenchProcess.run(["data", "inspect", "sim.csv", "--json", "--bins", "5"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["signal_per_mass"] as? [Int] == [200, 200, 200, 200, 200])
    }

    /// Two processes building the same cache at once: both succeed, the cache is complete
    /// and readable, and no temporary file is left.
    @Test func racingCacheWritersLeaveOneCompleteCache() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try BenchProcess.run(["data", "sim", "--out", "sim.csv", "--events", "20000", "--seed", "3"], in: dir).status == 0)
        var statuses: [Int32] = [-1, -1]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let status = (try? BenchProcess.run(["data", "import", "sim.csv", "--out", "cache", "--threads", "1"], in: dir))?.status ?? -2
            lock.lock(); statuses[k] = status; lock.unlock()
        }
        #expect(statuses == [0, 0])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("cache").path) == ["sim.pnncache"])
        let inspect = try BenchProcess.run(["data", "inspect", "cache/sim.pnncache"], in: dir)
        #expect(inspect.status == 0 && inspect.stdout.contains("20000 events"), "\(inspect.stderr)")
    }

    @Test func imbalancedSimHasHEPMASSIMBRatios() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sim = try BenchProcess.run(["data", "sim", "--out", "imb.csv", "--events", "40340", "--imbalanced"], in: dir)
        #expect(sim.status == 0, "\(sim.stderr)")
        let json = try BenchProcess.run(["data", "inspect", "imb.csv", "--json"], in: dir)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["signal_per_mass"] as? [Int] == [3500, 1400, 350, 70, 20])
    }

    /// Bad input: exit status 2, one `error:` line naming file, line and expectation,
    /// and no output file (not even a temporary one) left behind.
    @Test(arguments: [
        ("columns.csv", "1,2,3", "line 2: has 3 columns, expected 29"),
        ("text.csv", "ROW:abc", "line 2: column 2 (f0) is `abc`, expected a number"),
        ("nan.csv", "ROW:nan", "line 2: column 2 (f0) is `nan`, expected a finite number"),
        ("inf.csv", "ROW:inf", "line 2: column 2 (f0) is `inf`, expected a finite number"),
        ("mass.csv", "MASS:600", "line 2: mass is 600, expected a known signal mass"),
        ("label.csv", "LABEL:0.5", "line 2: label is 0.5, expected 0 or 1"),
        ("empty.csv", "EMPTY", "no data rows"),
    ])
    func importOfBadInputFailsCleanly(name: String, content: String, expected: String) throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bad: String
        switch content {
        case let c where c.hasPrefix("ROW:"): bad = row(feature: String(c.dropFirst(4)))
        case let c where c.hasPrefix("MASS:"): bad = row(mass: String(c.dropFirst(5)))
        case let c where c.hasPrefix("LABEL:"): bad = row(label: String(c.dropFirst(6)))
        case "EMPTY": bad = ""
        default: bad = content
        }
        let text = content == "EMPTY" ? "" : Self.header + "\n" + bad + "\n" + row() + "\n"
        _ = try write(text, name, in: dir)
        let before = try files(dir)
        let result = try BenchProcess.run(["data", "import", name, "--out", "."], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(name): "), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(try files(dir) == before)
        let inspect = try BenchProcess.run(["data", "inspect", name], in: dir)
        #expect(inspect.status == 2)
        #expect(inspect.stdout.isEmpty)
    }

    @Test func truncatedGzipAndTruncatedCacheExitWith2() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try BenchProcess.run(["data", "sim", "--out", "s.csv", "--events", "20000"], in: dir).status == 0)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-k", dir.appendingPathComponent("s.csv").path]
        try gzip.run(); gzip.waitUntilExit()
        let gz = try Data(contentsOf: dir.appendingPathComponent("s.csv.gz"))
        try gz.prefix(gz.count / 2).write(to: dir.appendingPathComponent("t.csv.gz"))
        let result = try BenchProcess.run(["data", "import", "t.csv.gz", "--out", "out"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("t.csv.gz: corrupt gzip stream"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/t.pnncache").path))

        #expect(try BenchProcess.run(["data", "import", "s.csv.gz", "--out", "out"], in: dir).status == 0)
        let cache = dir.appendingPathComponent("out/s.pnncache")
        let bytes = try Data(contentsOf: cache)
        try bytes.prefix(bytes.count - 100).write(to: cache)
        let inspect = try BenchProcess.run(["data", "inspect", "out/s.pnncache"], in: dir)
        #expect(inspect.status == 2)
        #expect(inspect.stderr.contains("corrupt binary cache") && inspect.stderr.contains("truncated"), "\(inspect.stderr)")
    }

    @Test func missingFileAndBadOptionsExitWith2() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try BenchProcess.run(["data", "import", "all_train.csv.gz", "--out", "x"], in: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("file not found") && missing.stderr.contains("UCI Machine Learning Repository"))
        let badSet = try BenchProcess.run(["data", "sim", "--out", "a.csv", "--events", "10", "--set", "nope=1"], in: dir)
        #expect(badSet.status == 2)
        #expect(badSet.stderr.contains("unknown simulation parameter"))
        let badEvents = try BenchProcess.run(["data", "sim", "--out", "a.csv", "--events", "0"], in: dir)
        #expect(badEvents.status == 2)
        #expect(try files(dir).isEmpty)
    }
}
