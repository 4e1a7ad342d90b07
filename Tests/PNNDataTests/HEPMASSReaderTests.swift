import Foundation
import Testing
@testable import PNNData

@Suite struct HEPMASSReaderTests {
    @Test func readsValidFileWithHeaderSpacesAndFloatLabels() throws {
        let d = try HEPMASSReader().read(fixture("good.csv"))
        #expect(d.count == 20)
        #expect(d.signalCount == 10)
        #expect(d.signalMasses == HEPMASSSchema.signalMasses)
        #expect(Set(d.mass).isSubset(of: Set(HEPMASSSchema.signalMasses)))
        #expect(d.mass[5] == 500)
        #expect(d.features.allSatisfy { $0.isFinite })
    }

    @Test func gzipGivesTheSameData() throws {
        let plain = try HEPMASSReader().read(fixture("good.csv"))
        let gz = try HEPMASSReader().read(fixture("good.csv.gz"))
        #expect(plain.features == gz.features)
        #expect(plain.mass == gz.mass)
        #expect(plain.label == gz.label)
    }

    @Test func perMassFileTakesTheMassFromItsName() throws {
        let d = try HEPMASSReader().read(fixture("1000_train.csv"))
        #expect(d.count == 6)
        #expect(d.mass.allSatisfy { $0 == 1000 })
        #expect(d.signalMasses == [1000])
    }

    /// Every reader error of the issue: file, line and expectation in the message.
    @Test(arguments: [
        ("wrong_columns.csv", 8, "has 27 columns, expected 29"),
        ("non_numeric.csv", 8, "column 6 (f4) is `abc`, expected a number"),
        ("nan.csv", 8, "column 11 (f9) is `nan`, expected a finite number"),
        ("inf.csv", 8, "column 11 (f9) is `-inf`, expected a finite number"),
        ("unknown_mass.csv", 8, "mass is 600, expected a known signal mass"),
        ("bad_label.csv", 8, "label is 2, expected 0 or 1"),
    ])
    func malformedRowsAreReported(file: String, line: Int, expected: String) throws {
        let error = dataError { _ = try HEPMASSReader().read(fixture(file)) }
        guard case let .malformedRow(path, l, message)? = error else {
            Issue.record("expected malformedRow, got \(String(describing: error))"); return
        }
        #expect(path.hasSuffix(file))
        #expect(l == line)
        #expect(message.contains(expected), "\(message)")
        #expect(error!.description.contains("\(file): line \(line): "))
    }

    @Test func emptyAndHeaderOnlyFilesAreEmpty() {
        for file in ["empty.csv", "header_only.csv"] {
            let error = dataError { _ = try HEPMASSReader().read(fixture(file)) }
            #expect(error == .empty(file: fixture(file)))
        }
    }

    @Test func truncatedGzipIsDetected() {
        let error = dataError { _ = try HEPMASSReader().read(fixture("truncated.csv.gz")) }
        guard case let .corruptGzip(file, reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(file.hasSuffix("truncated.csv.gz"))
        #expect(reason.contains("truncated"))
    }

    @Test func missingFileSaysWhereToGetHEPMASS() {
        let error = dataError { _ = try HEPMASSReader().read("/nonexistent/all_train.csv.gz") }
        guard case .fileNotFound? = error else { Issue.record("got \(String(describing: error))"); return }
        let text = error!.description
        #expect(text.contains("UCI Machine Learning Repository"))
        #expect(text.contains("HEPMASS"))
        #expect(text.contains("--data-dir"))
        let located = dataError { _ = try HEPMASSFiles.locate("all_train", in: "/nonexistent") }
        #expect(located?.description.contains("all_train.pnncache") == true)
    }

    /// Small blocks force lines across block and piece boundaries: the data and the
    /// reported line numbers must not change.
    @Test func blockBoundariesDoNotChangeDataOrLineNumbers() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = HEPMASSSimulator().generate(.balanced(events: 3000), seed: 5, threads: 2)
        let path = dir + "/sim.csv"
        try CSVWriter.write(d, to: path)
        var small = HEPMASSReader.Options()
        small.blockSize = 1 << 12
        small.threads = 3
        let a = try HEPMASSReader().read(path)
        let b = try HEPMASSReader(options: small).read(path)
        #expect(a.features == b.features && a.mass == b.mass && a.label == b.label)
        // Break line 2345 and expect exactly that line in the error.
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[2344] = lines[2344].replacingOccurrences(of: ",", with: ";")[...]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = dataError { _ = try HEPMASSReader(options: small).read(path) }
        guard case let .malformedRow(_, line, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(line == 2345)
    }

    @Test func decimalParserHandlesTheFormats() {
        func value(_ s: String) -> Float? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { p -> Float? in
                if case let .number(v) = DecimalParser.parse(p.baseAddress!, p.count) { return v }
                return nil
            }
        }
        #expect(value("500") == 500)
        #expect(value("500.0") == 500)
        #expect(value("1.") == 1)
        #expect(value(".5") == 0.5)
        #expect(value("-0.452418") == Float(-0.452418))
        #expect(value("+1.5e3") == 1500)
        #expect(value("2.5E-2") == Float(0.025))
        #expect(value("0.000000123456789") == Float(1.23456789e-7))
        #expect(value("nan")!.isNaN)
        #expect(value("-Infinity") == -.infinity)
        #expect(value("1e999") == .infinity)
        for bad in ["", "-", ".", "abc", "1.2.3", "1e", "1e+", "12a", "0x10"] { #expect(value(bad) == nil, "\(bad)") }
    }
}
