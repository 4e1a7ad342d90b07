import Foundation
import Testing
@testable import PNNData

/// A CSV file saved by a spreadsheet program starts with a UTF-8 byte-order mark; every
/// reader takes it as the file without the mark, and a mark anywhere else is still an error.
@Suite struct ByteOrderMarkTests {
    static let mark = Data(UTF8ByteOrderMark.bytes)

    /// `path` rewritten with the mark in front, into a fresh folder under the same name.
    static func withMark(_ path: String, in dir: String) throws -> String {
        let copy = dir + "/" + (path as NSString).lastPathComponent
        try (mark + Data(contentsOf: URL(fileURLWithPath: path))).write(to: URL(fileURLWithPath: copy))
        return copy
    }

    @Test func hepmassFileWithAMarkReadsAsWithout() throws {
        let dir = try temporaryDirectory()
        let plain = try HEPMASSReader().read(fixture("good.csv"))
        let marked = try HEPMASSReader().read(Self.withMark(fixture("good.csv"), in: dir))
        #expect(marked.features == plain.features && marked.mass == plain.mass && marked.label == plain.label)
        // Headerless per-mass files too (the mark then precedes a data row).
        let perMass = try HEPMASSReader().read(fixture("1000_train.csv"))
        let perMassMarked = try HEPMASSReader().read(Self.withMark(fixture("1000_train.csv"), in: dir))
        #expect(perMassMarked.features == perMass.features && perMassMarked.label == perMass.label)
    }

    @Test func aMarkInsideAHEPMASSFileIsAnError() throws {
        let dir = try temporaryDirectory()
        var lines = try String(contentsOfFile: fixture("good.csv"), encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = "\u{FEFF}" + lines[3]
        let path = dir + "/inside.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = dataError { _ = try HEPMASSReader().read(path) }
        #expect(error != nil)
        #expect("\(error!)".contains("inside.csv") && "\(error!)".contains("line 4"), "\(error!)")
    }

    @Test func declaredFilesWithAMarkReadAsWithout() throws {
        let files = ["signal.csv": DeclaredDatasetReaderTests.signalLines, "background.csv": DeclaredDatasetReaderTests.backgroundLines]
        let plainDir = try DeclaredDatasetReaderTests.folder(files)
        let markedDir = try DeclaredDatasetReaderTests.folder(files)
        for name in files.keys { _ = try Self.withMark(plainDir + "/" + name, in: markedDir) }
        let declaration = DeclaredDatasetReaderTests.declaration()
        let plain = try DeclaredDatasetReader.load(declaration, directories: [plainDir])
        let marked = try DeclaredDatasetReader.load(declaration, directories: [markedDir])
        #expect(marked.train.features == plain.train.features && marked.test.features == plain.test.features)
        #expect(marked.train.weight == plain.train.weight && marked.train.parameterNames == plain.train.parameterNames)
        // The mark is not content: the files' checksums (the data's identity) are the same.
        #expect(marked.files.map(\.checksum) == plain.files.map(\.checksum))
    }
}
