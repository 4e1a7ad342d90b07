import Foundation
import Testing
@testable import PNNBench

@Suite struct BaselineParsingTests {
    let good = """
        artifact: table9
        masses: [500, 750]
        tolerance: {roc-auc: 1.0, sigma-ratio: 1.5}
        rows:
          - row: "pNN | None"
            roc-auc: [70.0, 80.0]
            roc-auc-average: 75.0
          - row: "Affine | None"
            roc-auc: [~, 81.0]
            sigma-ratio-average: 70.0
            tolerance: {roc-auc: 0.5, reason: "tighter on purpose"}
        """

    func error(_ text: String) -> BaselineError? {
        do {
            _ = try BaselineTable.parse(text: text, file: "Baselines/x.yaml")
            return nil
        } catch let e as BaselineError {
            return e
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func parsesAGoodFile() throws {
        let t = try BaselineTable.parse(text: good, file: "x.yaml")
        #expect(t.masses == [500, 750])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].reference == PaperReference(artifact: "table9", row: "pNN | None"))
        #expect(t.rows[0].line == 5)
        #expect(t.rows[1].values[.rocAUC]! == [nil, 81.0])
        #expect(t.rows[1].tolerance == [.rocAUC: 0.5, .sigmaRatio: 1.5])
        #expect(t.rows[0].tolerance == [.rocAUC: 1.0])
    }

    @Test func errorsNameFileAndLine() throws {
        let cases: [(String, Int, String)] = [
            (good.replacingOccurrences(of: "roc-auc: [70.0, 80.0]", with: "roc-auc: [70.0]"), 6, "has 1 values, expected 2"),
            (good.replacingOccurrences(of: "roc-auc-average: 75.0", with: "roc-acu-average: 75.0"), 7, "unknown key \"roc-acu-average\""),
            (good.replacingOccurrences(of: "[70.0, 80.0]", with: "[70.0, eighty]"), 6, "must be a number"),
            (good.replacingOccurrences(of: "reason: \"tighter on purpose\"", with: "sigma-ratio: 2"), 11, "needs a \"reason:\""),
            (good.replacingOccurrences(of: "\"Affine | None\"", with: "\"pNN | None\""), 8, "appears twice (first on line 5)"),
            (good.replacingOccurrences(of: "masses: [500, 750]", with: "masses: [500, 750"), 3, "not valid YAML"),
            (good.replacingOccurrences(of: "tolerance: {roc-auc: 1.0, sigma-ratio: 1.5}", with: "tolerance: {sigma-ratio: 1.5}"), 5, "no roc-auc tolerance"),
        ]
        for (text, line, message) in cases {
            let e = try #require(error(text), "no error for \(message)")
            #expect(e.file == "Baselines/x.yaml")
            #expect(e.line == line, "\(e)")
            #expect(e.message.contains(message), "\(e)")
            #expect(e.description.hasPrefix("Baselines/x.yaml:\(line): "))
        }
    }

    @Test func topLevelProblems() {
        #expect(error("masses: [500]\nrows: []\nextra: 1\n")?.message.contains("unknown key \"extra\"") == true)
        #expect(error("rows: []\n")?.message.contains("missing key \"masses\"") == true)
        #expect(error("masses: [500]\nrows:\n  - row: x\n    roc-auc: [1]\n")?.message.contains("no artifact") == true)
        #expect(error("")?.message.contains("empty") == true)
    }

    @Test func missingFoldersSayWhatToDo() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: BaselineError.self) { try BaselineSet.load(kind: .sim(scale: "smoke"), directory: dir) }
        do {
            _ = try BaselineSet.load(kind: .sim(scale: "smoke"), directory: dir)
        } catch let e as BaselineError {
            #expect(e.message.contains("bench baseline record --scale smoke"))
        }
    }
}
