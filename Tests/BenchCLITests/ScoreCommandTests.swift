import Foundation
import Testing

/// End-to-end tests of `bench score` on the built executable.
@Suite struct ScoreCommandTests {
    /// Writes `text` to a file in a fresh directory and runs `bench score --input FILE extra…`.
    func score(_ text: String, _ extra: [String] = []) throws -> BenchProcess.Output {
        let dir = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("scores.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try BenchProcess.run(["score", "--input", file.path] + extra, in: dir)
    }

    /// Two masses; background listed once per mass with its score at that mass.
    let twoMasses = """
        label,score,mass
        1,0.9,500
        1,0.8,500
        0,0.1,500
        0,0.3,500
        0,0.85,500
        0,0.2,500
        1,0.7,1000
        0,0.1,1000
        0,0.3,1000
        0,0.6,1000
        0,0.2,1000
        """

    @Test func helpExplainsFormatAndProtocol() throws {
        let r = try BenchProcess.run(["score", "--help"])
        #expect(r.status == 0)
        for word in ["label", "score", "weight", "mass", "--bins", "--json", "sigma_ratio", "1/5", "exit", "negative weights"] {
            #expect(r.stdout.lowercased().contains(word.lowercased()), "help lacks \(word)")
        }
    }

    @Test func tablePerMassAndMean() throws {
        let r = try score(twoMasses)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let row500 = try #require(lines.first { $0.hasPrefix("500 ") })
        let row1000 = try #require(lines.first { $0.hasPrefix("1000 ") })
        // Mass 500: signal {0.9, 0.8} vs background {0.1, 0.3, 0.85, 0.2}: 7 of 8 pairs won.
        #expect(row500.contains("0.8750"))
        #expect(row1000.contains("1.0000"))  // perfect at mass 1000
        #expect(lines.contains { $0.hasPrefix("mean") && $0.contains("0.9375") })
    }

    @Test func jsonIsMachineReadable() throws {
        let r = try score(twoMasses, ["--json", "--bins", "10"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["bins"] as? Int == 10)
        #expect(object["balanced"] as? Bool == true)
        let masses = try #require(object["masses"] as? [[String: Any]])
        #expect(masses.map { $0["mass"] as? Double } == [500, 1000])
        #expect(masses[1]["rocAUC"] as? Double == 1)
        #expect(masses[1]["sigmaRatio"] as? Double == 1)
        #expect(masses[1]["bestCut"] as? Double == 0.7)
        #expect(masses[0]["backgroundScale"] as? Double == 0.5)
        let average = try #require(object["average"] as? [String: Any])
        #expect(average["rocAUC"] as? Double == 0.9375)
        #expect((masses[0]["rocCurve"] as? [String: Any])?["x"] != nil)
    }

    /// Negative weights (NLO) are evaluated with their sign: the hand-computed case of
    /// PNNMetricsTests' SignedWeightTests.passingWeightZero (both totals 2, so the scale is 1).
    @Test func negativeWeightsAreEvaluated() throws {
        let r = try score("label,score,weight\n1,0.9,1\n0,0.8,-1\n0,0.6,2\n1,0.5,1\n0,0.1,1\n", ["--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let point = try #require((object["masses"] as? [[String: Any]])?.first)
        #expect(point["backgroundScale"] as? Double == 1)
        #expect(point["rocAUC"] as? Double == 0.75)
        #expect(abs((point["prAUC"] as? Double ?? 0) - 5.0 / 6) < 1e-15)
        #expect(point["bestCut"] as? Double == 0.5)
        #expect(abs((point["sigmaRatio"] as? Double ?? 0) - (2.0 / 3).squareRoot()) < 1e-15)
    }

    @Test func bootstrapIsReproducible() throws {
        let rows = (0..<400).map { i in "\(i % 2),\(Double((i * 37) % 100) / 100 + (i % 2 == 1 ? 0.2 : 0))" }
        let text = "label,score\n" + rows.joined(separator: "\n")
        let a = try score(text, ["--json", "--bootstrap", "20", "--seed", "3"])
        let b = try score(text, ["--json", "--bootstrap", "20", "--seed", "3"])
        #expect(a.status == 0, "\(a.stderr)")
        // Identical apart from the (temporary) input path.
        func withoutPath(_ s: String) -> [Substring] { s.split(separator: "\n").filter { !$0.contains("\"input\"") } }
        #expect(withoutPath(a.stdout) == withoutPath(b.stdout))
        #expect(a.stdout.contains("\"intervals\""))
        let table = try score(text, ["--bootstrap", "20"])
        #expect(table.stdout.contains("bootstrap: 20 resamplings"))
    }

    @Test(arguments: [
        ("label,scor\n1,0.5\n", "line 1: unknown column \"scor\""),
        ("score,weight\n0.5,1\n", "line 1: missing column \"label\""),
        ("label,score\n1,0.5\n2,0.4\n", "line 3: label is \"2\": expected 1 (signal) or 0 (background)"),
        ("label,score\n1,0.5\n0,nan\n", "line 3: score is nan"),
        ("label,score,weight\n1,0.5,1\n0,0.4,nan\n", "line 3: weight is nan: expected a finite number"),
        ("label,score,weight\n1,0.5,1\n0,0.4,1\n0,0.3,-2\n", "the total background weight is -1.0: it must be > 0"),
        ("", "the file is empty"),
        ("label,score\n", "no events"),
        ("label,score\n1,0.5\n1,0.4\n", "only signal events"),
        ("label,score,mass\n1,0.9,500\n0,0.1,0\n", "mass 500: signal rows but no background rows"),
    ])
    func badInputExitsWithStatusTwo(_ input: String, _ message: String) throws {
        let r = try score(input)
        #expect(r.status == 2)
        #expect(r.stderr.contains("scores.csv"))
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func badOptionsExitWithStatusTwo() throws {
        let r = try score(twoMasses, ["--bins", "0"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--bins"))
        let missing = try BenchProcess.run(["score", "--input", "/nonexistent/x.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot open"))
    }
}
