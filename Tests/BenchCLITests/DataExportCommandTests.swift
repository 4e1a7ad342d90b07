import Foundation
import Testing

/// `bench data export` end to end at the smoke scale on the paper suite: the files, what
/// their mass columns hold for a fixed and a sampled background-mass mode, the sums in
/// meta.json, and bad input.
@Suite struct DataExportCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A CSV file as its header and rows of Floats (`nan` read as NaN).
    struct CSV {
        let columns: [String]
        let rows: [[Float]]

        init(_ path: URL) throws {
            let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
            columns = lines[0].split(separator: ",").map(String.init)
            rows = lines.dropFirst().map { line in line.split(separator: ",").map { Float(String($0))! } }
        }

        func column(_ name: String) -> [Float] {
            let c = columns.firstIndex(of: name)!
            return rows.map { $0[c] }
        }
    }

    func export(_ experiment: String, in dir: URL) throws -> (meta: [String: Any], out: URL) {
        let out = dir.appendingPathComponent("export")
        let r = try BenchProcess.run(["data", "export", "--root", Self.repository.path, "--work-dir", dir.appendingPathComponent(".bench").path,
                                      "--scale", "smoke", "--seed", "43", experiment, "--out", out.path, "--threads", "1"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("exported \(experiment), seed 43, scale smoke: 1 network"), "\(r.stdout)")
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("meta.json"))) as! [String: Any]
        return (meta, out)
    }

    /// meta.json's file entries. Read with JSONDecoder: JSONSerialization on Linux does not
    /// always give the nearest Double, and the sums are compared bit for bit.
    struct Files: Decodable {
        struct File: Decodable {
            var name: String
            var rows: Int
            var columns: [String]
            var columnSums: [Double]
            var missing: [Int]
        }
        var files: [File]
    }

    /// Every file's rows, columns and per-column sums (Double, row order, NaN skipped) as meta.json states them.
    func checkSums(_ out: URL) throws -> [String: CSV] {
        var tables: [String: CSV] = [:]
        let files = try JSONDecoder().decode(Files.self, from: Data(contentsOf: out.appendingPathComponent("meta.json"))).files
        #expect(files.map(\.name) == ["train.csv", "validation.csv", "test.csv"])
        for file in files {
            let name = file.name
            let csv = try CSV(out.appendingPathComponent(name))
            #expect(csv.columns == file.columns)
            #expect(csv.rows.count == file.rows)
            let sums = file.columnSums, missing = file.missing
            for c in csv.columns.indices {
                let values = csv.rows.map { $0[c] }
                #expect(values.filter(\.isNaN).count == missing[c], "\(name) \(csv.columns[c])")
                #expect(values.filter { !$0.isNaN }.reduce(0.0) { $0 + Double($1) } == sums[c], "\(name) \(csv.columns[c]): values do not read back exactly")
            }
            tables[name] = csv
        }
        return tables
    }

    @Test func identicalFixedExportsEveryBackgroundMass() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (meta, out) = try export("table3/affine-identical-fixed", in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["meta.json", "test.csv", "train.csv", "validation.csv"])
        let tables = try checkSums(out)
        let network = (meta["networks"] as! [[String: Any]])[0]
        #expect(network["backgroundMass"] as? String == "identical-fixed")
        #expect(network["batchSize"] as? Int == 256 && network["epochs"] as? Int == 2 && network["balance"] as? String == "none")
        #expect(network["parameterCount"] as? Int == 76_151)
        #expect((network["optimizer"] as! [String: Any])["learningRate"] as? Double == 0.0003)
        let architecture = network["architecture"] as! [String: Any]
        #expect(architecture["conditioning"] as? String == "affine" && architecture["dropoutRate"] as? Double == 0.25)

        // Fixed mode: every training row has one of the five masses, signal and background alike.
        let train = tables["train.csv"]!
        let masses: Set<Float> = [0.5, 0.75, 1, 1.25, 1.5]
        #expect(Set(train.column("mass")).isSubset(of: masses) && Set(train.column("mass")).count == 5)
        // 75 % of the training file, stratified, and steps = ⌈rows / batch⌉.
        #expect(train.rows.count == 18_000)
        #expect(network["stepsPerEpoch"] as? Int == (18_000 + 255) / 256)
        #expect(train.column("label").filter { $0 == 1 }.count == (network["trainingSignal"] as! [Int]).reduce(0, +))

        // Validation: a signal row takes part at its own mass only; a background row at every mass, with a drawn mass.
        let validation = tables["validation.csv"]!
        let columns = [500, 750, 1000, 1250, 1500].map { "mass@\($0)" }
        #expect(Array(validation.columns.suffix(5)) == columns)
        let label = validation.column("label")
        for (r, row) in validation.rows.enumerated() {
            let given = row.suffix(5).filter { !$0.isNaN }
            if label[r] == 1 { #expect(given.count == 1) } else { #expect(given.count == 5 && Set(given).isSubset(of: masses)) }
        }
        // Test: the background at m := m_i.
        let test = tables["test.csv"]!
        let testLabel = test.column("label")
        for (c, m) in zip(columns, [Float(0.5), 0.75, 1, 1.25, 1.5]) {
            let values = test.column(c)
            #expect(zip(values, testLabel).allSatisfy { $1 == 1 ? ($0.isNaN || $0 == m) : $0 == m })
        }
    }

    @Test func identicalSampledLeavesBackgroundMassesToTheRule() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (meta, out) = try export("table4/affine-none", in: dir)
        let tables = try checkSums(out)
        let network = (meta["networks"] as! [[String: Any]])[0]
        #expect(network["backgroundMass"] as? String == "identical-sampled")
        #expect((network["trainingPoints"] as! [[String: Any]]).map { $0["id"] as! Int } == [500, 1500])
        #expect(((meta["rules"] as! [String: Any])["backgroundMass"] as! String).contains("drawn uniformly from the network's trainingPoints"))
        // Signal only at the training masses (750–1250 GeV left out), the background's mass left to the sampler.
        let train = tables["train.csv"]!
        for (y, m) in zip(train.column("label"), train.column("mass")) {
            if y == 1 { #expect(m == 0.5 || m == 1.5) } else { #expect(m.isNaN) }
        }
        let signal = network["trainingSignal"] as! [Int]
        #expect(train.column("mass").filter { $0 == 0.5 }.count == signal[0] && train.column("mass").filter { $0 == 1.5 }.count == signal[1])
        #expect(Array(tables["validation.csv"]!.columns.suffix(2)) == ["mass@500", "mass@1500"])
        #expect(tables["test.csv"]!.columns.suffix(5).count == 5 && tables["test.csv"]!.columns.last == "mass@1500")
        #expect((meta["resultKey"] as! String).hasPrefix("table4_affine-none-"))
    }

    @Test func badInputExitsWithStatus2() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = ["data", "export", "--root", Self.repository.path, "--scale", "smoke", "--out", dir.appendingPathComponent("x").path]
        let unknown = try BenchProcess.run(base + ["table3/nothing"], in: dir)
        #expect(unknown.status == 2 && unknown.stderr.contains("no experiment of suite 'paper' matches 'table3/nothing'"), "\(unknown.stderr)")
        let several = try BenchProcess.run(base + ["table4/*"], in: dir)
        #expect(several.status == 2 && several.stderr.contains("'table4/*' matches 6 experiments") && several.stderr.contains("export takes one id"), "\(several.stderr)")
        let scale = try BenchProcess.run(["data", "export", "--root", Self.repository.path, "--scale", "huge", "--out", "x", "table3/single"], in: dir)
        #expect(scale.status == 2 && scale.stderr.contains("huge"), "\(scale.stderr)")
        let noOut = try BenchProcess.run(["data", "export", "--root", Self.repository.path, "table3/single"], in: dir)
        #expect(noOut.status == 2 && noOut.stderr.contains("--out"), "\(noOut.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
    }
}
