import Foundation
import Testing
import PNNMetrics

@Suite struct ScoreFileTests {
    func parse(_ text: String, ignoreExtra: Bool = false) throws -> ScoreFile {
        try ScoreFile(bytes: Array(text.utf8), name: "s.csv", ignoreExtraColumns: ignoreExtra)
    }

    func error(_ text: String) -> ScoreFileError? {
        do { _ = try parse(text); return nil } catch let e as ScoreFileError { return e } catch { return nil }
    }

    @Test func columnsInAnyOrderWithWeightAndMass() throws {
        let f = try parse("mass,Weight,\"score\",label\r\n750,0.2,0.93,1\r\n\r\n750,1,0.12,0\n")
        #expect(f.scores == [0.93, 0.12])
        #expect(f.labels == [true, false])
        #expect(f.weights == [0.2, 1])
        #expect(f.masses == [750, 750])
    }

    /// NLO generators write negative weights: they are read as they are.
    @Test func negativeWeightsAreRead() throws {
        let f = try parse("label,score,weight\n1,0.5,-0.25\n0,0.4,-1e-3\n1,0.3,2\n")
        #expect(f.weights == [-0.25, -0.001, 2])
    }

    @Test func optionalColumnsAbsent() throws {
        let f = try parse("label,score\n1,0.5\n0,0.25")
        #expect(f.weights == nil && f.masses == nil)
        #expect(f.count == 2)
    }

    @Test func numbersMatchTheCLibrary() throws {
        let fields = ["0.1", "0.30000000000000004", "1e-3", "-0.25", ".5", "5.", "+0.75", "123456789012345678901",
                      "0.12345678901234567", "9007199254740993", " 0.5 ", "2.5E+2", "0.000000000000000000000123"]
        let f = try parse("label,score\n" + fields.map { "1,\($0)" }.joined(separator: "\n"))
        for (field, value) in zip(fields, f.scores) {
            let expected = strtod(field, nil)
            #expect(value == expected, "\(field)")
        }
    }

    @Test func byteOrderMarkAndLeadingBlankLines() throws {
        let f = try ScoreFile(bytes: [0xEF, 0xBB, 0xBF] + Array("\nlabel,score\n1,0.5\n0,0.25\n".utf8), name: "s.csv")
        #expect(f.scores == [0.5, 0.25])
    }

    @Test func floatLabels() throws {
        #expect(try parse("label,score\n1.0,0.5\n0.0,0.4").labels == [true, false])
    }

    @Test func extraColumnsAreAnErrorUnlessIgnored() throws {
        #expect(error("label,score,wieght\n1,0.5,1")?.description.contains("unknown column \"wieght\"") == true)
        let f = try parse("id,label,score\n7,1,0.5", ignoreExtra: true)
        #expect(f.ignoredColumns == ["id"])
        #expect(f.scores == [0.5])
    }

    @Test func errorsNameFileLineAndExpectation() {
        #expect(error("") == ScoreFileError(file: "s.csv", line: nil, "the file is empty: expected a header line naming the columns label, score[, weight][, mass]"))
        #expect(error("label,score\n") == ScoreFileError(file: "s.csv", line: nil, "no events: the file has a header but no data lines"))
        #expect(error("label,weight\n1,1")?.description == "s.csv: line 1: missing column \"score\": the header must name label and score (found: label, weight)")
        #expect(error("label,score\n1,0.5\n2,0.5")?.description == "s.csv: line 3: label is \"2\": expected 1 (signal) or 0 (background)")
        #expect(error("label,score\n1,nan")?.description == "s.csv: line 2: score is nan: expected a finite number")
        #expect(error("label,score\n1,inf")?.line == 2)
        #expect(error("label,score,weight\n1,0.5,1\n0,0.4,nan")?.description == "s.csv: line 3: weight is nan: expected a finite number")
        #expect(error("label,score,weight\n1,0.5,-inf")?.description == "s.csv: line 2: weight is -inf: expected a finite number")
        #expect(error("label,score\n1,abc")?.description == "s.csv: line 2: score: expected a number, found \"abc\"")
        #expect(error("label,score\n1,")?.description == "s.csv: line 2: score: expected a number, found an empty field")
        #expect(error("label,score\n1,0.5,3")?.description.hasPrefix("s.csv: line 2: more than 2 fields") == true)
        #expect(error("label,score,mass\n1,0.5")?.description == "s.csv: line 2: 2 fields, expected 3 (label,score,mass)")
        #expect(error("label,score,label\n1,0.5,1")?.description == "s.csv: line 1: column \"label\" appears twice")
        #expect(error("label,score\n1,0.5 0.6")?.line == 2)
    }

    @Test func missingFile() {
        do {
            _ = try ScoreFile(path: "/nonexistent/scores.csv")
            Issue.record("expected an error")
        } catch let e as ScoreFileError {
            #expect(e.description.hasPrefix("/nonexistent/scores.csv: cannot open the file"))
        } catch { Issue.record("wrong error \(error)") }
    }
}
