import Foundation
import Testing

/// End-to-end tests of `bench data sim --masses … --out-dir DIR` on the built binary:
/// the weighted signal/background sample.
@Suite struct SimGridCommandTests {
    static let features = ["lep_pt", "lep_eta", "lep_phi", "met", "met_phi", "n_jets"]
        + (1...4).flatMap { ["j\($0)_pt", "j\($0)_eta", "j\($0)_phi", "j\($0)_btag"] }
        + ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_wwbb"]

    func lines(_ url: URL) throws -> [[Substring]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    @Test func gridSampleHasTheLayoutCountsAndWeights() throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["data", "sim", "--masses", "600,400,500", "--widths", "0.06,0.12", "--events", "1200",
                         "--seed", "5", "--negative-fraction", "0.1"]
        let run = try BenchProcess.run(arguments + ["--out-dir", "grid/a", "--threads", "1"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("grid/a/signal.csv") && run.stdout.contains("grid/a/background.csv"))
        #expect(run.stdout.contains("60 negative weights"), "\(run.stdout)")
        let out = dir.appendingPathComponent("grid/a")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["background.csv", "signal.csv"])

        let signal = try lines(out.appendingPathComponent("signal.csv"))
        #expect(signal[0].map(String.init) == Self.features + ["mX", "width", "weight"])
        #expect(signal.count == 601)
        var perPoint: [String: (events: Int, weight: Double)] = [:]
        for row in signal.dropFirst() {
            #expect(row.count == 30)
            let key = "\(row[27])/\(row[28])"
            perPoint[key, default: (0, 0)].events += 1
            perPoint[key, default: (0, 0)].weight += Double(row[29])!
        }
        #expect(perPoint.keys.sorted() == ["400/0.06", "400/0.12", "500/0.06", "500/0.12", "600/0.06", "600/0.12"])
        for (key, value) in perPoint {
            let mass = Double(key.split(separator: "/")[0])!
            let expected = 1000 * pow(500 / mass, 4) * 140  // σ_X(m)·L in events
            #expect(value.events == 100, "\(key)")
            #expect(abs(value.weight - expected) <= 1e-5 * expected, "\(key): \(value.weight) vs \(expected)")
        }

        let background = try lines(out.appendingPathComponent("background.csv"))
        #expect(background[0].map(String.init) == Self.features + ["weight", "process"])
        #expect(background.count == 601)
        let weights = background.dropFirst().map { Double($0[27])! }
        #expect(background.dropFirst().allSatisfy { $0.count == 29 && $0[28] == "ttbar" })
        #expect(weights.filter { $0 < 0 }.count == 60)  // round(0.1 · 600)
        #expect(abs(weights.reduce(0, +) - 1.12e8) <= 1e-5 * 1.12e8)

        // Two threads: the same bytes.
        let again = try BenchProcess.run(arguments + ["--out-dir", "grid/b", "--threads", "2"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        for name in ["signal.csv", "background.csv"] {
            let a = try Data(contentsOf: out.appendingPathComponent(name))
            let b = try Data(contentsOf: dir.appendingPathComponent("grid/b/" + name))
            #expect(a == b, "\(name)")
        }
    }

    /// Bad input: exit status 2, one `error:` line naming the problem, and no file or
    /// folder left behind.
    @Test(arguments: [
        (["--masses", "500,750,500", "--out-dir", "grid"], "signal mass 500 GeV is given twice"),
        (["--masses", "500,750", "--out", "sim.csv"], "--out writes one HEPMASS-format file and cannot be combined with --masses"),
        (["--masses", "500,abc", "--out-dir", "grid"], "--masses: `abc` is not a number"),
        (["--widths", "0.06", "--out", "sim.csv"], "--widths needs --masses"),
        (["--masses", "500", "--out-dir", "grid", "--negative-fraction", "0.5"], "expected 0 ≤ F < 0.5"),
        (["--masses", "500,600,700", "--out-dir", "grid", "--events", "5"], "5 events are too few for 3 signal points"),
    ])
    func badGridInputLeavesNothingBehind(options: [String], message: String) throws {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = options.contains("--events") ? [] : ["--events", "1000"]
        let result = try BenchProcess.run(["data", "sim"] + events + options, in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
