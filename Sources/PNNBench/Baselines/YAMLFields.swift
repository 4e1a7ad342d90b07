import Yams

/// Typed, located access to a composed YAML node, for the hand-edited baseline and claim
/// files: every value read says which file and line it came from when it is wrong, and a
/// mapping read through `YAMLFields` rejects keys it was not asked about (a typo such as
/// `roc-acu:` is an error, not a silently ignored line).
struct YAMLFields {
    let file: String
    let node: Node
    let mapping: Node.Mapping
    private(set) var used: Set<String> = []

    init(file: String, node: Node, what: String) throws {
        guard let mapping = node.mapping else {
            throw BaselineError(file: file, line: node.mark?.line, "\(what) must be a mapping of key: value")
        }
        self.file = file
        self.node = node
        self.mapping = mapping
    }

    var line: Int? { node.mark?.line }

    /// Parses a whole file's text into its root node.
    static func root(text: String, file: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw BaselineError(file: file, line: nil, "the file is empty")
            }
            return node
        } catch let error as BaselineError {
            throw error
        } catch let error as YamlError {
            throw BaselineError(file: file, line: YAMLFields.line(of: error), "not valid YAML: \(YAMLFields.problem(of: error))")
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }

    func error(_ message: String, at node: Node? = nil) -> BaselineError {
        BaselineError(file: file, line: (node ?? self.node).mark?.line, message)
    }

    mutating func value(_ key: String) -> Node? {
        used.insert(key)
        return mapping[key]
    }

    mutating func require(_ key: String) throws -> Node {
        guard let node = value(key) else { throw error("missing key \"\(key)\"") }
        return node
    }

    mutating func string(_ key: String) throws -> String? {
        guard let node = value(key) else { return nil }
        guard let scalar = node.scalar else { throw error("\"\(key)\" must be text", at: node) }
        return scalar.string
    }

    mutating func requireString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw error("missing key \"\(key)\"") }
        return text
    }

    mutating func double(_ key: String) throws -> Double? {
        guard let node = value(key) else { return nil }
        return try number(node, key)
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw error("\"\(what)\" must be a number, found \(YAMLFields.show(node))", at: node)
        }
        return value
    }

    func integer(_ node: Node, _ what: String) throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error("\"\(what)\" must be a whole number, found \(YAMLFields.show(node))", at: node)
        }
        return value
    }

    /// A list of numbers where `~` (null) marks a cell the source does not give.
    func optionalNumbers(_ node: Node, _ what: String) throws -> [Double?] {
        guard let sequence = node.sequence else { throw error("\"\(what)\" must be a list like [1.0, 2.0]", at: node) }
        return try sequence.map { item in
            if let scalar = item.scalar, scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) { return nil }
            return try number(item, what)
        }
    }

    func list(_ node: Node, _ what: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw error("\"\(what)\" must be a list", at: node) }
        return Array(sequence)
    }

    /// Throws on the first key that was never read: unknown keys are typos.
    func rejectUnknownKeys(allowed extra: Set<String> = []) throws {
        for (key, _) in mapping {
            let name = key.string ?? "?"
            if !used.contains(name) && !extra.contains(name) {
                let known = used.union(extra).sorted().joined(separator: ", ")
                throw error("unknown key \"\(name)\" (known here: \(known))", at: key)
            }
        }
    }

    static func show(_ node: Node) -> String {
        if let s = node.scalar?.string { return "\"\(s)\"" }
        if node.sequence != nil { return "a list" }
        return "a mapping"
    }
}
