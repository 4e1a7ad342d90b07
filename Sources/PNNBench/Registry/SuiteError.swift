import Foundation

/// A problem in a suite or scale file (`Suites/*.yaml`), or in a selection of its
/// experiments. It names the file, the line (when there is one) and what was expected:
///
///     Suites/paper.yaml:42: unknown key 'balanse' in experiment 'table5/{model}-…'; expected one of: id, artifact, …
public struct SuiteError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// The file does not exist or cannot be read.
        case missingFile
        /// Not well-formed YAML (or a duplicated key, or a YAML feature the registry does not accept).
        case syntax
        /// A key the schema does not know.
        case unknownKey
        /// A required key is absent.
        case missingKey
        /// A value of the wrong YAML type (a list where a number was expected, …).
        case wrongType
        /// A value of the right type but not one of the allowed ones (an unknown model, a negative batch size, …).
        case badValue
        /// Two entries with the same id, or two entries reproducing the same artifact row.
        case duplicate
        /// A `{placeholder}` in a template that the matrix does not define, or a bad template.
        case unknownVariable
        /// A `matrix:` with no variables, or a variable with no values.
        case emptyMatrix
        /// An artifact or `sameAs` target that is not declared.
        case unknownReference
        /// A selection pattern that matches no experiment.
        case noMatch
    }

    public var kind: Kind
    /// The file as shown to the user (relative to the current folder when inside it).
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int?, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    /// `url`'s path relative to the current folder when it lies inside it ("Suites/paper.yaml").
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return cwd != "/" && path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
