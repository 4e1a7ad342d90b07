/// Everything that can go wrong reading or writing data. Every case names the file and,
/// where there is one, the 1-based line, and says what was expected, so the message
/// alone tells the user what to fix.
public enum DataError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not exist; `hint` says where to get it.
    case fileNotFound(file: String, hint: String)
    /// The file exists but cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The file holds no data rows.
    case empty(file: String)
    /// A row is malformed: `expected` describes what the line should have held.
    case malformedRow(file: String, line: Int, expected: String)
    /// A gzip stream that is cut short or damaged.
    case corruptGzip(file: String, reason: String)
    /// A binary cache that is truncated, of another version, or fails its checksum.
    case corruptCache(file: String, reason: String)
    /// The output cannot be written.
    case unwritable(file: String, reason: String)
    /// A request that the data cannot satisfy (e.g. more signal than the file holds).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case let .fileNotFound(file, hint):
            return "\(file): file not found. \(hint)"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .empty(file):
            return "\(file): no data rows (expected a header line followed by one event per line: label, f0…f26, mass)"
        case let .malformedRow(file, line, expected):
            return "\(file): line \(line): \(expected)"
        case let .corruptGzip(file, reason):
            return "\(file): corrupt gzip stream: \(reason)"
        case let .corruptCache(file, reason):
            return "\(file): corrupt binary cache: \(reason); delete it and run `bench data import` again"
        case let .unwritable(file, reason):
            return "\(file): cannot write: \(reason)"
        case let .invalidRequest(message):
            return message
        }
    }
}
