/// A pipeline step that cannot go on: a bad option combination, no stored results, an
/// unreadable baseline. The message says what was expected; the command line reports it
/// with exit status 2.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
