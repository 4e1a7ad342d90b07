import Foundation
import Testing

/// `--data hepmass-imb` end to end: a data folder with HEPMASS's two files (from `bench data
/// sim`) and, in the authors' format, the published HEPMASS-IMB files; a two-experiment
/// suite (one on HEPMASS, one on HEPMASS-IMB) at a tiny scale.
@Suite struct PublishedIMBCommandTests {
    static let suite = """
    masses: [500, 750, 1000, 1250, 1500]
    artifacts:
      table3: Table 3
      table5: Table 5
    experiments:
      - id: table3/single
        artifact: table3
        row: "Single-NN | None"
        dataset: hepmass
        model: single
      - id: table5/single
        artifact: table5
        row: "Single-NN | None"
        dataset: hepmass-imb
        model: single
    """

    static let scales = """
    tiny:
      trainEvents: 100000
      testEvents: 100000
      epochs: 1
      batchSize: 128
    """

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A project folder (suite, scales, the paper's baselines) with the data in `data/`:
    /// all_train.csv, all_test.csv and, when `published`, the two published files with
    /// `imbalancedEvents` events (enough to train on by default; fewer where nothing trains).
    static func project(published: Bool, imbalancedEvents: Int = 40340) throws -> URL {
        let root = try BenchProcess.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Suites"), withIntermediateDirectories: true)
        try suite.write(to: root.appendingPathComponent("Suites/mini.yaml"), atomically: true, encoding: .utf8)
        try scales.write(to: root.appendingPathComponent("Suites/scales.yaml"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: root.appendingPathComponent("Baselines"), withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("Baselines/paper"), to: root.appendingPathComponent("Baselines/paper"))
        let data = root.appendingPathComponent("data")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, events, extra) in [("all_train.csv", "3000", [String]()), ("all_test.csv", "2000", []), ("imb.csv", "\(imbalancedEvents)", ["--imbalanced"])]
        where published || name != "imb.csv" {
            let sim = try BenchProcess.run(["data", "sim", "--out", name, "--events", events, "--seed", "\(name.count)"] + extra, in: data)
            #expect(sim.status == 0, "\(sim.stderr)")
        }
        if published {
            try writePublished(from: data.appendingPathComponent("imb.csv"), into: data)
            try fm.removeItem(at: data.appendingPathComponent("imb.csv"))
        }
        return root
    }

    /// Rewrites a HEPMASS CSV (`# label, f0…f26, mass`) as the published files: signal with
    /// `type, f0…f26, mass`; background with `name, mass, f0…f26, type`; 500 GeV as 499.99997.
    static func writePublished(from csv: URL, into dir: URL) throws {
        let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").dropFirst()
        let features = (0..<27).map { "f\($0)" }
        var signal = [(["type"] + features + ["mass"]).joined(separator: ",")]
        var background = [(["name", "mass"] + features + ["type"]).joined(separator: ",")]
        for line in lines {
            let fields = line.split(separator: ",").map(String.init)
            let mass = Double(fields[28]) == 500 ? "499.99997" : fields[28]
            if Double(fields[0]) == 1 {
                signal.append((["1"] + fields[1...27] + [mass]).joined(separator: ","))
            } else {
                background.append((["ttbar", mass] + fields[1...27] + ["0"]).joined(separator: ","))
            }
        }
        try (signal.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("imbalanced_signal.csv"), atomically: true, encoding: .utf8)
        try (background.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("imbalanced_background.csv"), atomically: true, encoding: .utf8)
    }

    static func options(_ root: URL, data: String = "hepmass-imb") -> [String] {
        ["--suite", "mini", "--scale", "tiny", "--seeds", "1", "--data", data, "--data-dir", root.appendingPathComponent("data").path,
         "--root", root.path, "--work-dir", root.appendingPathComponent("work").path]
    }

    /// The stored results (not their timings), file name → JSON object.
    static func results(_ root: URL) throws -> [String: [String: Any]] {
        let dir = root.appendingPathComponent("work/results")
        guard FileManager.default.fileExists(atPath: dir.path) else { return [:] }
        var out: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".json") && !name.hasSuffix(".timing.json") {
            out[name] = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(name))) as? [String: Any]
        }
        return out
    }

    static func source(_ result: [String: Any]?) -> String? { (result?["data"] as? [String: Any])?["source"] as? String }

    @Test func runReadsThePublishedFilesAndSaysSo() throws {
        let root = try Self.project(published: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data").path
        let run = try BenchProcess.run(["run"] + Self.options(root) + ["*"], in: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("data hepmass-imb (HEPMASS-IMB from the published files \(data)/imbalanced_signal.csv and \(data)/imbalanced_background.csv"), "\(run.stdout)")
        let results = try Self.results(root)
        #expect(results.count == 2)
        let imb = results.first { $0.key.hasPrefix("table5_single-") }?.value
        let hepmass = results.first { $0.key.hasPrefix("table3_single-") }?.value
        #expect(Self.source(imb) == "hepmass-imb" && Self.source(hepmass) == "hepmass")
        #expect(((imb?["data"] as? [String: Any])?["description"] as? String)?.contains("published files") == true)

        // The binary caches of `bench data import` serve the same events: same keys, nothing trains.
        for name in ["imbalanced_signal", "imbalanced_background"] {
            let imported = try BenchProcess.run(["data", "import", "\(name).csv", "--out", "."], in: root.appendingPathComponent("data"))
            #expect(imported.status == 0, "\(imported.stderr)")
            try FileManager.default.removeItem(atPath: "\(data)/\(name).csv")
        }
        let again = try BenchProcess.run(["run"] + Self.options(root) + ["*"], in: root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\(data)/imbalanced_signal.pnncache"))
        #expect(again.stdout.components(separatedBy: "(stored result)").count == 3, "\(again.stdout)")

        // The report's banner names the source.
        let report = try BenchProcess.run(["report"] + Self.options(root), in: root)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        let text = try String(contentsOf: root.appendingPathComponent("Reports/mini-hepmass-imb-tiny/report.md"), encoding: .utf8)
        #expect(text.contains("- **HEPMASS-IMB:** the authors' published files (Zenodo record 6453048"), "\(text.prefix(2000))")
    }

    /// Without the published files HEPMASS-IMB is built from all_train, as the first line
    /// says — which 3000 events are too few for: exit 2 before any training.
    @Test func absentPublishedFilesMeanBuilding() throws {
        let root = try Self.project(published: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try BenchProcess.run(["run"] + Self.options(root) + ["*"], in: root)
        #expect(run.status == 2)
        #expect(run.stdout.contains("data hepmass-imb (no published HEPMASS-IMB files in \(root.appendingPathComponent("data").path): HEPMASS-IMB built from HEPMASS's training file)"), "\(run.stdout)")
        #expect(run.stderr.contains("HEPMASS-IMB needs 350000 signal events"), "\(run.stderr)")
        #expect(try Self.results(root).isEmpty)
    }

    /// A bad published file stops `bench run` with status 2 and an error naming file and
    /// line, before anything is trained or stored; `bench data import` and `inspect` too.
    @Test(arguments: [
        ("header", "line 1: header `label,f0,f1,f2,…` lacks column `type`"),
        ("column", "line 1: header `type,f0,f1,f2,…` lacks column `f3`"),
        ("number", "line 3: column 5 (f3) is `x1`, expected a number"),
        ("mass", "line 4: mass is 600, expected a known signal mass"),
        ("type", "line 5: type is 0, expected 1: imbalanced_signal holds signal events only"),
    ])
    func badPublishedFilesExitWith2(damage: String, expected: String) throws {
        let root = try Self.project(published: true, imbalancedEvents: 4034)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let file = data.appendingPathComponent("imbalanced_signal.csv")
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        switch damage {
        case "header": lines[0][0] = "label"
        case "column": for k in lines.indices { lines[k].remove(at: 4) }
        case "number": lines[2][4] = "x1"
        case "mass": lines[3][28] = "600.0"
        default: lines[4][0] = "0"
        }
        try (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        let run = try BenchProcess.run(["run"] + Self.options(root) + ["*"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(file.path): \(expected)"), "\(run.stderr)")
        #expect(try Self.results(root).isEmpty)
        let before = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
        let imported = try BenchProcess.run(["data", "import", "imbalanced_signal.csv", "--out", "."], in: data)
        #expect(imported.status == 2)
        #expect(imported.stderr.hasPrefix("error: imbalanced_signal.csv: \(expected)"), "\(imported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).sorted() == before)
        let inspect = try BenchProcess.run(["data", "inspect", "imbalanced_signal.csv"], in: data)
        #expect(inspect.status == 2 && inspect.stdout.isEmpty)
    }

    @Test func oneFileWithoutTheOtherIsAnError() throws {
        let root = try Self.project(published: true, imbalancedEvents: 4034)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("data/imbalanced_background.csv"))
        let run = try BenchProcess.run(["run"] + Self.options(root) + ["*"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("imbalanced_background.csv: file not found") && run.stderr.contains("imbalanced_signal.csv is there but its companion is not"), "\(run.stderr)")
        #expect(try Self.results(root).isEmpty)
    }

    @Test func inspectShowsThePublishedFiles() throws {
        let root = try Self.project(published: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let signal = try BenchProcess.run(["data", "inspect", "imbalanced_signal.csv", "--json"], in: data)
        #expect(signal.status == 0, "\(signal.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(signal.stdout.utf8)) as? [String: Any]
        #expect(object?["signal_per_mass"] as? [Int] == [3500, 1400, 350, 70, 20])
        #expect(object?["background"] as? Int == 0)
        let background = try BenchProcess.run(["data", "inspect", "imbalanced_background.csv"], in: data)
        #expect(background.status == 0, "\(background.stderr)")
        #expect(background.stdout.contains("signal 0 (0.0 %), background 35000"), "\(background.stdout)")
        let imbalanced = try BenchProcess.run(["data", "import", "imbalanced_signal.csv", "--out", ".", "--imbalanced"], in: data)
        #expect(imbalanced.status == 2 && imbalanced.stderr.contains("already the signal file of the published HEPMASS-IMB"))
    }
}
