import Foundation

/// Runs gnuplot on figure scripts to produce SVG and PNG files.
public enum GnuplotRenderer {
    /// The gnuplot executable on PATH, if any.
    public static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    public struct Failure: Error, CustomStringConvertible {
        public let script: String
        public let format: String
        public let message: String
        public var description: String { "gnuplot failed on \(script) (\(format)): \(message)" }
    }

    /// Renders `script` (in `directory`) to SVG and PNG. gnuplot prints warnings on
    /// standard error even when it succeeds; any line containing "error" fails.
    public static func render(script: String, in directory: URL, gnuplot: URL) throws {
        for format in ["svg", "png"] {
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
        }
    }
}
