import PNNData
import Yams

/// Reads the `datasets:` key of a suite file into `DatasetDeclaration`s: every key
/// checked, every problem a `SuiteError` naming the file and line. The keys of one data
/// set are documented in `Suites/README.md`.
struct DatasetDeclarationParser {
    let reader: YAMLReader

    static let keys = ["description", "signal", "background", "files", "label", "test", "features", "parameters",
                       "points", "weight", "process", "negativeWeights", "standardize", "parameterScale"]

    /// `name: {…}` entries, in file order.
    func parse(_ node: Node) throws -> [String: DatasetDeclaration] {
        let pairs = try reader.mapping(node, "'datasets'")
        if pairs.isEmpty { throw reader.error(.badValue, node, "'datasets' is empty; declare a data set as `name: {signal: …, background: …, parameters: […]}` or remove the key") }
        var result: [String: DatasetDeclaration] = [:]
        for pair in pairs {
            let name = pair.key
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }) else {
                throw reader.error(.badValue, pair.keyNode, "data set name '\(name)' must be letters, digits, - and _")
            }
            if DatasetKind.allCases.map(\.rawValue).contains(name) {
                throw reader.error(.duplicate, pair.keyNode, "data set name '\(name)' is built in (HEPMASS); choose another name")
            }
            if result[name] != nil { throw reader.error(.duplicate, pair.keyNode, "data set '\(name)' is declared twice") }
            result[name] = try declaration(name, pair.value)
        }
        return result
    }

    func declaration(_ name: String, _ node: Node) throws -> DatasetDeclaration {
        let what = "data set '\(name)'"
        let pairs = try reader.mapping(node, what)
        try reader.checkKeys(pairs, allowed: Self.keys, in: what)
        let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let files = try fileSet(fields, node, what: what)

        guard let parametersNode = fields["parameters"] else {
            throw reader.error(.missingKey, node, "\(what) needs 'parameters': the column (or list of columns) holding the physics parameter(s), e.g. `parameters: mA`")
        }
        let parameters = try names(parametersNode, "'parameters' of \(what)")
        let p = parameters.count

        var test = DatasetDeclaration.TestSplit.fraction(0.25)
        if let t = fields["test"] { test = try testSplit(t, files: files, what: what) }

        var features = DatasetDeclaration.FeatureSelection.allExcept([])
        if let f = fields["features"] { features = try featureSelection(f, parameters: parameters, what: what) }

        var points = DatasetDeclaration.PointSelection.found
        if let node = fields["points"] { points = try pointSelection(node, p: p, what: what) }

        let weight = try fields["weight"].map { try reader.string($0, "'weight' of \(what)") }
        let process = try fields["process"].map { try reader.string($0, "'process' of \(what)") }
        let negative = try fields["negativeWeights"].map {
            try reader.choice($0, "'negativeWeights' of \(what)", allowed: NegativeWeightPolicy.allCases.map(\.rawValue), NegativeWeightPolicy.init(rawValue:))
        } ?? .keep
        if fields["negativeWeights"] != nil && weight == nil {
            throw reader.error(.badValue, fields["negativeWeights"]!, "'negativeWeights' of \(what) needs a 'weight' column")
        }
        let standardize = try fields["standardize"].map { try reader.bool($0, "'standardize' of \(what)") } ?? true

        var scaling = DatasetDeclaration.Scaling.computed
        if let node = fields["parameterScale"] { scaling = try parameterScaling(node, p: p, what: what) }

        // A column plays one role.
        var roles: [String: String] = [:]
        func claim(_ column: String?, _ role: String, _ at: Node?) throws {
            guard let column else { return }
            if let other = roles[column] {
                throw reader.error(.duplicate, at ?? node, "column '\(column)' of \(what) is both \(other) and \(role)")
            }
            roles[column] = role
        }
        for c in parameters { try claim(c, "a parameter", parametersNode) }
        try claim(weight, "the weight", fields["weight"])
        try claim(process, "the process", fields["process"])
        if case .labelled(_, let label) = files { try claim(label, "the label", fields["label"]) }

        return DatasetDeclaration(name: name, files: files, test: test, features: features, parameters: parameters,
                                  points: points, weight: weight, process: process, negativeWeights: negative,
                                  standardize: standardize, scaling: scaling,
                                  description: try fields["description"].map { try reader.string($0, "'description' of \(what)") })
    }

    /// `features:`: `all`, a list of columns, or `{except: [columns]}`; a parameter column
    /// cannot be a feature.
    func featureSelection(_ f: Node, parameters: [String], what: String) throws -> DatasetDeclaration.FeatureSelection {
        var features = DatasetDeclaration.FeatureSelection.allExcept([])
        let expected = "'features' of \(what) must be `all`, a list of columns, or `{except: [columns]}`"
        switch f {
        case .scalar(let s) where s.string == "all": break
        case .sequence: features = .columns(try names(f, "'features' of \(what)"))
        case .mapping:
            let sub = try reader.mapping(f, "'features' of \(what)")
            try reader.checkKeys(sub, allowed: ["except"], in: "'features' of \(what)")
            guard let list = sub.first?.value else { throw reader.error(.missingKey, f, expected) }
            features = .allExcept(try names(list, "'except' of 'features' of \(what)"))
        default: throw reader.error(.wrongType, f, "\(expected), found \(YAMLReader.describe(f))")
        }
        if case .columns(let c) = features, let clash = c.first(where: parameters.contains) {
            throw reader.error(.badValue, f, "'\(clash)' is a parameter of \(what), so it cannot also be a feature (the network gets it as its parameter)")
        }
        return features
    }

    /// `parameterScale:`: `computed`, or the positive divisor of each of the p parameters.
    func parameterScaling(_ node: Node, p: Int, what: String) throws -> DatasetDeclaration.Scaling {
        let expected = "'parameterScale' of \(what) must be `computed` or the divisor of each parameter (\(p == 1 ? "a number such as 1000" : "a list of \(p) numbers"))"
        switch node {
        case .scalar(let s) where s.string == "computed": return .computed
        case .scalar where p == 1: return .divisors([try positive(node, expected)])
        case .sequence:
            let values = try reader.sequence(node, expected).map { try positive($0, expected) }
            guard values.count == p else { throw reader.error(.badValue, node, "\(expected); found \(values.count)") }
            return .divisors(values)
        default: throw reader.error(.wrongType, node, "\(expected), found \(YAMLReader.describe(node))")
        }
    }

    /// `signal` + `background`, or `files` + `label`.
    func fileSet(_ fields: [String: Node], _ node: Node, what: String) throws -> DatasetDeclaration.FileSet {
        let separate = fields["signal"] != nil || fields["background"] != nil
        let labelled = fields["files"] != nil || fields["label"] != nil
        if separate && labelled {
            throw reader.error(.badValue, fields["files"] ?? fields["label"] ?? node, "\(what): give either 'signal' and 'background' files, or 'files' with a 'label' column, not both")
        }
        if labelled {
            guard let f = fields["files"], let l = fields["label"] else {
                throw reader.error(.missingKey, node, "\(what): 'files' needs a 'label' column (1 signal, 0 background), and 'label' needs 'files'")
            }
            return .labelled(files: try paths(f, "'files' of \(what)"), label: try reader.string(l, "'label' of \(what)"))
        }
        guard let s = fields["signal"], let b = fields["background"] else {
            throw reader.error(.missingKey, node, "\(what) needs 'signal' and 'background' (paths or patterns of CSV files), or 'files' and 'label'")
        }
        return .separate(signal: try paths(s, "'signal' of \(what)"), background: try paths(b, "'background' of \(what)"))
    }

    func testSplit(_ node: Node, files: DatasetDeclaration.FileSet, what: String) throws -> DatasetDeclaration.TestSplit {
        let expected = "'test' of \(what) must be a fraction such as 0.25, or test files: `{signal: …, background: …}` (or `{files: …}` when the data have a label column)"
        switch node {
        case .scalar:
            let f = try number(node, expected)
            guard f > 0 && f < 1 else { throw reader.error(.badValue, node, "'test' of \(what) is \(f); a fraction must lie strictly between 0 and 1") }
            return .fraction(f)
        case .mapping:
            let pairs = try reader.mapping(node, "'test' of \(what)")
            let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            switch files {
            case .separate:
                try reader.checkKeys(pairs, allowed: ["signal", "background"], in: "'test' of \(what)")
                guard let s = fields["signal"], let b = fields["background"] else { throw reader.error(.missingKey, node, expected) }
                return .files(.separate(signal: try paths(s, "'test: signal' of \(what)"), background: try paths(b, "'test: background' of \(what)")))
            case .labelled(_, let label):
                try reader.checkKeys(pairs, allowed: ["files"], in: "'test' of \(what)")
                guard let f = fields["files"] else { throw reader.error(.missingKey, node, expected) }
                return .files(.labelled(files: try paths(f, "'test: files' of \(what)"), label: label))
            }
        default:
            throw reader.error(.wrongType, node, "\(expected), found \(YAMLReader.describe(node))")
        }
    }

    /// `found`, or the grid: numbers (one parameter) or lists of p numbers.
    func pointSelection(_ node: Node, p: Int, what: String) throws -> DatasetDeclaration.PointSelection {
        let expected = p == 1
            ? "'points' of \(what) must be `found` or a list of parameter values such as [400, 500, 600]"
            : "'points' of \(what) must be `found` or a list of points, each a list of \(p) values such as [500, 0.06]"
        if case .scalar(let s) = node, s.string == "found" { return .found }
        let items = try reader.sequence(node, expected)
        if items.isEmpty { throw reader.error(.badValue, node, "'points' of \(what) is empty; \(expected)") }
        var grid: [[Float]] = []
        for item in items {
            let point: [Float]
            if p == 1, case .scalar = item {
                point = [Float(try number(item, expected))]
            } else {
                let values = try reader.sequence(item, expected).map { Float(try number($0, expected)) }
                guard values.count == p else { throw reader.error(.badValue, item, "\(expected); this point has \(values.count)") }
                point = values
            }
            if grid.contains(point) { throw reader.error(.duplicate, item, "point \(point.map { "\($0)" }.joined(separator: ", ")) appears twice in 'points' of \(what)") }
            grid.append(point)
        }
        return .declared(grid)
    }

    // MARK: - Scalars

    func paths(_ node: Node, _ what: String) throws -> [String] {
        let list = try names(node, what)
        for (path, item) in zip(list, (try? reader.sequence(node, what)) ?? [node]) where path.isEmpty {
            throw reader.error(.badValue, item, "\(what) holds an empty path")
        }
        return list
    }

    /// One text or a non-empty list of distinct texts.
    func names(_ node: Node, _ what: String) throws -> [String] {
        if case .scalar = node { return [try reader.string(node, what)] }
        let items = try reader.sequence(node, what)
        if items.isEmpty { throw reader.error(.badValue, node, "\(what) is empty") }
        var out: [String] = []
        for item in items {
            let text = try reader.string(item, "an entry of \(what)")
            if out.contains(text) { throw reader.error(.duplicate, item, "'\(text)' appears twice in \(what)") }
            out.append(text)
        }
        return out
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let v = Double(s.string), v.isFinite else {
            throw reader.error(.wrongType, node, "\(what), found \(YAMLReader.describe(node))")
        }
        return v
    }

    func positive(_ node: Node, _ what: String) throws -> Float {
        let v = try number(node, what)
        guard v > 0 else { throw reader.error(.badValue, node, "\(what); found \(v)") }
        return Float(v)
    }
}
