/// A problem in a scores CSV file, located by file and line (1-based; the header is line 1).
public struct ScoreFileError: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    /// nil when the problem concerns the whole file (cannot open, no rows, …).
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file): line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
