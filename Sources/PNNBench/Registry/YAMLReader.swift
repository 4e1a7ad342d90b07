import Foundation
import Yams

/// Typed, located access to a composed YAML tree: every accessor either returns a value
/// of the expected type or throws a `SuiteError` naming the file, the node's line and
/// what was expected. Scalars are typed by their text, not by Yams's resolver, so the
/// rules are the registry's own: an integer is a plain `123` (underscores allowed,
/// `24_000`), a boolean is a plain `true`/`false`, null is a plain `null`, `~` or nothing.
/// A quoted scalar is always a string.
struct YAMLReader {
    /// The file as shown in messages.
    let file: String

    /// Parses `text`; a syntax error becomes a `SuiteError` with the line libyaml reports.
    func compose(_ text: String) throws -> Node {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw SuiteError(.syntax, file: file, line: nil, "the file is empty")
            }
            return root
        } catch let error as YamlError {
            throw translate(error)
        }
    }

    private func translate(_ error: YamlError) -> SuiteError {
        func clean(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(clean(context.text)) at line \(context.mark.line))" }
            return SuiteError(.syntax, file: file, line: mark.line, message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SuiteError(.syntax, file: file, line: context.mark.line > 0 ? context.mark.line : nil,
                              "duplicate key \(keys) in a mapping; each key may appear once")
        case let .reader(problem, _, _, _):
            return SuiteError(.syntax, file: file, line: nil, "cannot read the file as UTF-8 text: \(problem)")
        default:
            return SuiteError(.syntax, file: file, line: nil, "YAML error: \(error)")
        }
    }

    // MARK: - Errors

    func error(_ kind: SuiteError.Kind, _ node: Node?, _ message: String) -> SuiteError {
        SuiteError(kind, file: file, line: node?.mark?.line, message)
    }

    /// A short description of what a node is, for "expected X, found Y" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if isNull(s) { return "null" }
            let text = s.string.count > 40 ? String(s.string.prefix(37)) + "…" : s.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ s: Node.Scalar) -> Bool {
        guard s.style == .plain || s.style == .any else { return false }
        return s.string.isEmpty || s.string == "null" || s.string == "~" || s.string == "Null" || s.string == "NULL"
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return isNull(s) }
        return false
    }

    // MARK: - Structure

    /// The key/value pairs of a mapping, keys as strings, in file order.
    func mapping(_ node: Node, _ what: String) throws -> [(key: String, keyNode: Node, value: Node)] {
        try rejectAlias(node)
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, node, "\(what) must be a mapping (key: value lines), found \(Self.describe(node))")
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else {
                throw error(.wrongType, key, "keys of \(what) must be plain words, found \(Self.describe(key))")
            }
            try rejectAlias(value)
            pairs.append((k.string, key, value))
        }
        return pairs
    }

    /// Throws for the first key not in `allowed`, listing the allowed ones.
    func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], in what: String) throws {
        for pair in pairs where !allowed.contains(pair.key) {
            var message = "unknown key '\(pair.key)' in \(what); expected one of: \(allowed.joined(separator: ", "))"
            if let guess = Self.closest(pair.key, in: allowed) { message += " (did you mean '\(guess)'?)" }
            throw error(.unknownKey, pair.keyNode, message)
        }
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        try rejectAlias(node)
        guard case .sequence(let sequence) = node else {
            throw error(.wrongType, node, "\(what) must be a list, found \(Self.describe(node))")
        }
        for element in sequence { try rejectAlias(element) }
        return Array(sequence)
    }

    private func rejectAlias(_ node: Node) throws {
        if case .alias = node {
            throw error(.syntax, node, "YAML anchors and aliases (&name, *name) are not supported in suite files; write the value out or use a matrix")
        }
    }

    // MARK: - Scalars

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node, !Self.isNull(s) else {
            throw error(.wrongType, node, "\(what) must be text, found \(Self.describe(node))")
        }
        return s.string
    }

    func int(_ node: Node, _ what: String) throws -> Int {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let value = Self.parseInt(s.string) else {
            throw error(.wrongType, node, "\(what) must be a whole number, found \(Self.describe(node))")
        }
        return value
    }

    /// A whole number, or nil for `null`.
    func optionalInt(_ node: Node, _ what: String) throws -> Int? {
        if Self.isNull(node) { return nil }
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let value = Self.parseInt(s.string) else {
            throw error(.wrongType, node, "\(what) must be a whole number or null, found \(Self.describe(node))")
        }
        return value
    }

    func positiveInt(_ node: Node, _ what: String) throws -> Int {
        let value = try int(node, what)
        guard value > 0 else { throw error(.badValue, node, "\(what) must be positive, found \(value)") }
        return value
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        if case .scalar(let s) = node, s.style == .plain || s.style == .any {
            if s.string == "true" { return true }
            if s.string == "false" { return false }
        }
        throw error(.wrongType, node, "\(what) must be true or false, found \(Self.describe(node))")
    }

    /// A text value parsed by `parse`; anything else is an error listing `allowed`.
    func choice<T>(_ node: Node, _ what: String, allowed: [String], _ parse: (String) -> T?) throws -> T {
        let text = try string(node, what)
        guard let value = parse(text) else {
            var message = "\(what) is '\(text)'; expected one of: \(allowed.joined(separator: ", "))"
            if let guess = Self.closest(text, in: allowed) { message += " (did you mean '\(guess)'?)" }
            throw error(.badValue, node, message)
        }
        return value
    }

    static func parseInt(_ text: String) -> Int? {
        var digits = text
        if digits.hasPrefix("+") { digits.removeFirst() }
        let body = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
        guard let first = body.first, first.isASCII, first.isNumber, !body.hasSuffix("_"),
              body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return nil }
        return Int(digits.replacingOccurrences(of: "_", with: ""))
    }

    // MARK: - Suggestions

    /// The candidate within edit distance 2 of `word` (case-insensitive), if exactly one is closest.
    static func closest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.map(\.1).min(), best <= 2, best < word.count else { return nil }
        let winners = scored.filter { $0.1 == best }
        return winners.count == 1 ? winners[0].0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
