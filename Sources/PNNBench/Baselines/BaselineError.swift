/// A problem in a baseline or claims file, located so that a person can fix it:
/// `Baselines/paper/table5.yaml:42: roc-auc has 4 values, expected 5 (one per mass)`.
public struct BaselineError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
