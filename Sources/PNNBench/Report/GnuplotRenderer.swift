import Foundation
import PNNEngine

/// Runs gnuplot on figure scripts to produce SVG, PNG and PDF files.
public enum GnuplotRenderer {
    /// The gnuplot executable on PATH, if any.
    public static func locate() -> URL? { ExternalTool.locate("gnuplot") }

    public struct Failure: Error, CustomStringConvertible {
        public let script: String
        public let format: String
        public let message: String
        public var description: String { "gnuplot failed on \(script) (\(format)): \(message)" }
    }

    /// The formats every script is rendered to.
    public static let formats = ["svg", "png", "pdf"]

    /// Renders `script` (in `directory`) to every format. gnuplot prints warnings on
    /// standard error even when it succeeds; any line containing "error" fails.
    public static func render(script: String, in directory: URL, gnuplot: URL) throws {
        for format in formats {
            let process = Process()
            process.executableURL = gnuplot
            process.arguments = ["-e", "fmt='\(format)'", script]
            process.currentDirectoryURL = directory
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 || message.lowercased().contains("error") {
                throw Failure(script: script, format: format, message: message.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if format == "pdf" {
                try fixCreationDate(directory.appendingPathComponent(URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent + ".pdf"))
            }
        }
    }

    /// Cairo stamps the wall-clock time into a PDF's /CreationDate; the same figure must
    /// give the same bytes, so the stamp is replaced by the epoch, a string of the same
    /// length, which keeps the file's cross-reference offsets valid.
    static func fixCreationDate(_ url: URL) throws {
        var data = try Data(contentsOf: url)
        let prefix = Array("/CreationDate (D:".utf8), stamp = Array("19700101000000".utf8)
        guard let start = data.firstRange(of: prefix)?.upperBound,
              data.count >= start + stamp.count,
              data[start..<(start + stamp.count)].allSatisfy({ (0x30...0x39).contains($0) }) else { return }
        data.replaceSubrange(start..<(start + stamp.count), with: stamp)
        try AtomicFile.write(data, to: url.path)
    }
}
