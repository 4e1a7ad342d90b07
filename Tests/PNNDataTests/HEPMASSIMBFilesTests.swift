import Foundation
import Testing
@testable import PNNData

/// The published HEPMASS-IMB files: header-driven columns, one class per file, the same
/// row validation as HEPMASS, the binary cache, and how a data folder is searched.
@Suite struct HEPMASSIMBFilesTests {
    func read(_ path: String, _ part: HEPMASSIMBFiles.Part, threads: Int = 2) throws -> EventDataset {
        try HEPMASSIMBFiles.read(path, part: part, threads: threads)
    }

    /// The fixtures hold good.csv's events in the published format: its signal and its
    /// background (columns reordered, a `name` column, 500 GeV as 499.99997 and 500.0).
    @Test func readsBothFilesLikeTheirHEPMASSEvents() throws {
        let hepmass = try HEPMASSReader().read(fixture("good.csv"))
        let signal = try read(fixture("imb/imbalanced_signal.csv"), .signal)
        let background = try read(fixture("imb/imbalanced_background.csv"), .background)
        #expect(signal.count == 10 && signal.label.allSatisfy { $0 == 1 })
        #expect(background.count == 10 && background.label.allSatisfy { $0 == 0 })
        #expect(signal.features == hepmass.subset(hepmass.indices(label: 1)).features)
        #expect(background.features == hepmass.subset(hepmass.indices(label: 0)).features)
        #expect(signal.mass == hepmass.subset(hepmass.indices(label: 1)).mass)
        #expect(background.mass == hepmass.subset(hepmass.indices(label: 0)).mass)
        #expect(signal.mass.filter { $0 == 500 }.count == 3)  // 499.99997 once, 500.0 twice
        #expect(signal.signalMasses == HEPMASSSchema.signalMasses)
        #expect(background.process.allSatisfy { $0 == 0 })
    }

    @Test func gzipAndThreadCountsGiveTheSameEvents() throws {
        let plain = try read(fixture("imb/imbalanced_signal.csv"), .signal, threads: 1)
        let gz = try read(fixture("imb/imbalanced_signal.csv.gz"), .signal, threads: 3)
        #expect(plain.features == gz.features && plain.mass == gz.mass && plain.label == gz.label)
    }

    /// Columns may come in any order and extra columns (text included) are not read.
    @Test func columnsAreFoundByName() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lines = try String(contentsOfFile: fixture("imb/imbalanced_signal.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        // Reverse the columns and add an unnamed pandas-style index and a text column.
        let shuffled = lines.enumerated().map { k, line in
            ([k == 0 ? "" : "\(k - 1)"] + line.split(separator: ",").reversed().map(String.init) + [k == 0 ? "comment" : "a b"]).joined(separator: ",")
        }
        let path = dir + "/imbalanced_signal.csv"
        try (shuffled.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let a = try read(fixture("imb/imbalanced_signal.csv"), .signal)
        let b = try read(path, .signal)
        #expect(a.features == b.features && a.mass == b.mass && a.label == b.label)
    }

    /// Every error names the file and the line and says what was expected.
    @Test(arguments: [
        ("missing_column.csv", HEPMASSIMBFiles.Part.signal, 1, "lacks column `f3`; expected a header naming `type`, `f0`…`f26` and `mass`"),
        ("hepmass_header.csv", .signal, 1, "lacks column `type`"),
        ("no_header.csv", .signal, 1, "a data row where the header belongs"),
        ("duplicate_column.csv", .signal, 1, "names column `f5` twice"),
        ("non_numeric.csv", .signal, 4, "column 6 (f4) is `abc`, expected a number"),
        ("unknown_mass.csv", .signal, 5, "mass is 600, expected a known signal mass"),
        ("signal_with_background_row.csv", .signal, 6, "type is 0, expected 1: imbalanced_signal holds signal events only"),
        ("background_with_signal_row.csv", .background, 3, "type is 1, expected 0: imbalanced_background holds background events only"),
        ("background_type_2.csv", .background, 2, "type is 2, expected 0 or 1"),
        ("short_row.csv", .background, 7, "has 29 columns, expected 30 (the 30 columns of the header)"),
    ])
    func malformedFilesAreReported(file: String, part: HEPMASSIMBFiles.Part, line: Int, expected: String) throws {
        let path = fixture("imb-bad/" + file)
        let error = dataError { _ = try read(path, part) }
        guard case let .malformedRow(errorPath, errorLine, message)? = error else {
            Issue.record("expected malformedRow, got \(String(describing: error))"); return
        }
        #expect(errorPath == path)
        #expect(errorLine == line)
        #expect(message.contains(expected), "\(message)")
        #expect(error!.description.hasPrefix("\(path): line \(line): "))
    }

    /// A published file read as a HEPMASS file (as under another name): the header error
    /// says how such files are recognised.
    @Test func publishedHeaderReadAsHEPMASSSaysHowFilesAreRecognised() {
        let renamed = dataError { _ = try HEPMASSReader().read(fixture("imb/imbalanced_signal.csv")) }
        guard case let .malformedRow(_, line, message)? = renamed else { Issue.record("got \(String(describing: renamed))"); return }
        #expect(line == 1)
        #expect(message.contains("expected `# label,f0,…,f26,mass`") && message.contains("imbalanced_signal.csv"), "\(message)")
    }

    @Test func partsAreRecognisedByName() {
        #expect(HEPMASSIMBFiles.Part(path: "/d/imbalanced_signal.csv") == .signal)
        #expect(HEPMASSIMBFiles.Part(path: "imbalanced_background.csv.gz") == .background)
        #expect(HEPMASSIMBFiles.Part(path: "/d/imbalanced_background.pnncache") == .background)
        #expect(HEPMASSIMBFiles.Part(path: "/d/all_train.csv") == nil)
        #expect(HEPMASSIMBFiles.Part(path: "/d/my_imbalanced_signal.csv") == nil)
        #expect(HEPMASSIMBFiles.Part(path: "/d/imbalanced_signal.txt") == nil)
    }

    @Test func folderHoldsBothNeitherOrHalf() throws {
        let both = try #require(try HEPMASSIMBFiles.locate(in: fixture("imb")))
        #expect(both.signal.hasSuffix("imb/imbalanced_signal.csv") && both.background.hasSuffix("imb/imbalanced_background.csv"))
        #expect(HEPMASSIMBFiles.isPresent(in: fixture("imb")))

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try HEPMASSIMBFiles.locate(in: dir) == nil)
        #expect(!HEPMASSIMBFiles.isPresent(in: dir))
        try FileManager.default.copyItem(atPath: fixture("imb/imbalanced_signal.csv.gz"), toPath: dir + "/imbalanced_signal.csv.gz")
        #expect(HEPMASSIMBFiles.isPresent(in: dir))
        let error = dataError { _ = try HEPMASSIMBFiles.locate(in: dir) }
        guard case let .fileNotFound(file, hint)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(file == dir + "/imbalanced_background.csv")
        #expect(hint.contains("imbalanced_signal.csv.gz is there") && hint.contains("Zenodo record 6453048"), "\(hint)")
    }

    @Test func loadJoinsSignalThenBackground() throws {
        let files = try #require(try HEPMASSIMBFiles.locate(in: fixture("imb")))
        let d = try HEPMASSIMBFiles.load(signal: files.signal, background: files.background, threads: 2)
        #expect(d.count == 20 && d.signalCount == 10)
        #expect(d.label == [UInt8](repeating: 1, count: 10) + [UInt8](repeating: 0, count: 10))
        #expect(d.signalMasses == HEPMASSSchema.signalMasses)
    }

    /// `bench data import` writes NAME.pnncache, which the folder search prefers; a cache
    /// of the other file under this name is caught by its labels.
    @Test func binaryCacheIsPreferredAndChecked() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for part in HEPMASSIMBFiles.Part.allCases {
            let csv = fixture("imb/\(part.fileName).csv")
            try BinaryCache.write(try HEPMASSFiles.read(csv), to: BinaryCache.cachePath(for: csv, in: dir))
        }
        let files = try #require(try HEPMASSIMBFiles.locate(in: dir))
        #expect(files.signal == dir + "/imbalanced_signal.pnncache")
        let cached = try HEPMASSIMBFiles.load(signal: files.signal, background: files.background)
        let parsed = try HEPMASSIMBFiles.load(signal: fixture("imb/imbalanced_signal.csv"), background: fixture("imb/imbalanced_background.csv"))
        #expect(cached.features == parsed.features && cached.mass == parsed.mass && cached.label == parsed.label)
        #expect(cached.signalMasses == parsed.signalMasses)

        try FileManager.default.removeItem(atPath: files.signal)
        try FileManager.default.copyItem(atPath: files.background, toPath: files.signal)
        let error = dataError { _ = try HEPMASSIMBFiles.read(files.signal, part: .signal) }
        guard case let .corruptCache(file, reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(file == files.signal)
        #expect(reason.contains("row 1 has label 0, expected 1"), "\(reason)")
    }
}
