import Foundation
import PNNData
import PNNEngine
import Yams

/// Reads `Suites/<name>.yaml` into a validated, expanded `Suite`. The schema is documented
/// for users in `Suites/README.md`; every key is checked, and every problem is a
/// `SuiteError` naming the file, the line and what was expected.
public enum SuiteRegistry {
    /// Top-level keys of a suite file.
    public static let suiteKeys = ["description", "publication", "masses", "datasets", "artifacts", "experiments"]
    /// Keys of an experiment entry.
    public static let experimentKeys = ["id", "artifact", "row", "description", "matrix", "dataset", "model",
                                        "backgroundMass", "balance", "trainMasses", "regularized", "batchSize",
                                        "conditioning", "place", "trainPoints"]
    /// Keys of an entry that reuses another experiment (`sameAs`).
    public static let aliasKeys = ["id", "artifact", "row", "description", "matrix", "sameAs"]
    /// Experiment keys a matrix variable of the same name sets, one value per expansion.
    public static let matrixFields = ["dataset", "model", "backgroundMass", "balance", "regularized", "batchSize",
                                      "conditioning", "place"]

    /// Loads `directory/<suite>.yaml`, or the file `suite` names when it ends in `.yaml`
    /// (a suite kept outside the project, e.g. for one's own data sets).
    public static func load(suite name: String, directory: URL) throws -> Suite {
        if name.hasSuffix(".yaml") {
            let url = URL(fileURLWithPath: name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw SuiteError(.missingFile, file: name, line: nil, "no such suite file")
            }
            return try load(contentsOf: url)
        }
        let url = directory.appendingPathComponent(name + ".yaml")
        let shown = SuiteError.displayPath(url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let available = availableSuites(directory: directory)
            let hint = available.isEmpty ? "no suites in \(SuiteError.displayPath(directory)) (run from the PNNBench folder or pass --root)"
                                         : "available: \(available.joined(separator: ", "))"
            throw SuiteError(.missingFile, file: shown, line: nil, "no such suite '\(name)'; \(hint)")
        }
        return try load(contentsOf: url, name: name)
    }

    /// Loads a suite file; its name defaults to the file name without `.yaml`.
    public static func load(contentsOf url: URL, name: String? = nil) throws -> Suite {
        let shown = SuiteError.displayPath(url)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SuiteError(.missingFile, file: shown, line: nil, "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
        var suite = try parse(yaml: text, name: name ?? url.deletingPathExtension().lastPathComponent, file: shown)
        suite.directory = url.deletingLastPathComponent().path
        return suite
    }

    /// Parses suite YAML text; `file` is how messages name it.
    public static func parse(yaml text: String, name: String, file: String) throws -> Suite {
        var parser = SuiteParser(reader: YAMLReader(file: file))
        return try parser.parse(text, name: name)
    }

    /// The suite names (`*.yaml` other than `scales.yaml`) in `directory`, sorted.
    public static func availableSuites(directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") && $0 != ScaleRegistry.fileName }
            .map { String($0.dropLast(5)) }.sorted()
    }
}

/// The parsing state of one suite file.
private struct SuiteParser {
    let reader: YAMLReader
    var masses: [Int] = []
    var publication: String?
    var datasets: [String: DatasetDeclaration] = [:]
    var artifacts: [Suite.Artifact] = []
    var artifactNodes: [String: Node] = [:]

    init(reader: YAMLReader) { self.reader = reader }

    /// An entry after matrix expansion: its keys with placeholders filled in.
    struct Expanded {
        let fields: [String: Node]
        let keyNodes: [String: Node]
        let node: Node
        /// "experiment 'table5/{model}-…'", for messages.
        let origin: String
    }

    /// A parsed entry before cross-entry checks.
    struct Parsed {
        let entry: SuiteEntry
        let spec: ExperimentSpec?
        let sameAs: (id: String, node: Node)?
        let idNode: Node
        let rowNode: Node
        let line: Int?
    }

    mutating func parse(_ text: String, name: String) throws -> Suite {
        let root = try reader.compose(text)
        let top = try reader.mapping(root, "the suite file")
        try reader.checkKeys(top, allowed: SuiteRegistry.suiteKeys, in: "the suite file")
        let fields = Dictionary(top.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        // 'masses' lists HEPMASS's; a suite that only uses declared data sets needs none.
        for key in ["masses", "artifacts", "experiments"] where fields[key] == nil && !(key == "masses" && fields["datasets"] != nil) {
            throw reader.error(.missingKey, root, "the suite file has no '\(key)' key; expected keys: \(SuiteRegistry.suiteKeys.joined(separator: ", "))")
        }
        let description = try fields["description"].map { try reader.string($0, "'description'") }
        publication = try fields["publication"].map { try reader.string($0, "'publication'") }
        if let node = fields["masses"] { masses = try parseMasses(node) }
        if let node = fields["datasets"] { datasets = try DatasetDeclarationParser(reader: reader).parse(node) }
        (artifacts, artifactNodes) = try parseArtifacts(fields["artifacts"]!)

        let list = try reader.sequence(fields["experiments"]!, "'experiments'")
        if list.isEmpty { throw reader.error(.badValue, fields["experiments"]!, "'experiments' is empty; declare at least one experiment") }
        var parsed: [Parsed] = []
        for (index, node) in list.enumerated() {
            for expanded in try expand(node, index: index) {
                parsed.append(try parseEntry(expanded))
            }
        }
        return try assemble(parsed, name: name, description: description, root: root)
    }

    // MARK: - Top level

    func parseMasses(_ node: Node) throws -> [Int] {
        let items = try reader.sequence(node, "'masses'")
        if items.isEmpty { throw reader.error(.badValue, node, "'masses' is empty; list the signal masses in GeV, e.g. [500, 750, 1000, 1250, 1500]") }
        var seen = Set<Int>()
        for item in items {
            let mass = try reader.positiveInt(item, "a mass in 'masses'")
            if !seen.insert(mass).inserted { throw reader.error(.duplicate, item, "mass \(mass) appears twice in 'masses'") }
        }
        return seen.sorted()
    }

    func parseArtifacts(_ node: Node) throws -> ([Suite.Artifact], [String: Node]) {
        let pairs = try reader.mapping(node, "'artifacts'")
        if pairs.isEmpty { throw reader.error(.badValue, node, "'artifacts' is empty; declare each table and figure as `id: title`") }
        var result: [Suite.Artifact] = []
        var nodes: [String: Node] = [:]
        for pair in pairs {
            nodes[pair.key] = pair.keyNode
            guard isArtifactID(pair.key) else {
                throw reader.error(.badValue, pair.keyNode, "artifact id '\(pair.key)' must be lower-case letters and digits, e.g. table3 or fig14c")
            }
            result.append(.init(id: pair.key, title: try reader.string(pair.value, "the title of artifact '\(pair.key)'")))
        }
        return (result, nodes)
    }

    func isArtifactID(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }

    // MARK: - Matrix expansion

    func expand(_ node: Node, index: Int) throws -> [Expanded] {
        let pairs = try reader.mapping(node, "experiment #\(index + 1)")
        let rawID = pairs.first { $0.key == "id" }.flatMap { $0.value.scalar?.string }
        let origin = rawID.map { "experiment '\($0)'" } ?? "experiment #\(index + 1) (it has no id)"
        let isAlias = pairs.contains { $0.key == "sameAs" }
        try reader.checkKeys(pairs, allowed: isAlias ? SuiteRegistry.aliasKeys : SuiteRegistry.experimentKeys,
                             in: origin + (isAlias ? " (an entry with sameAs takes only these keys)" : ""))

        var fields: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for pair in pairs {
            fields[pair.key] = pair.value
            keyNodes[pair.key] = pair.keyNode
        }
        guard let idNode = fields["id"] else {
            throw reader.error(.missingKey, node, "\(origin) needs an 'id'")
        }
        let matrixNode = fields.removeValue(forKey: "matrix")
        let variables = try matrixNode.map { try parseMatrix($0, origin: origin) } ?? []
        let names = variables.map(\.name)

        // Every placeholder must name a matrix variable, and every variable must be in the id.
        try checkPlaceholders(in: fields, variables: names, origin: origin)
        let idText = try reader.string(idNode, "the id of \(origin)")
        for variable in variables where !Template.variables(in: idText).contains(variable.name) {
            throw reader.error(.unknownVariable, variable.node,
                               "matrix variable '\(variable.name)' of \(origin) does not appear in its id template '\(idText)'; every expanded experiment needs its own id (add {\(variable.name)})")
        }
        // A matrix variable named like a field sets it; setting it directly as well is ambiguous.
        if !isAlias {
            for variable in variables where SuiteRegistry.matrixFields.contains(variable.name) && fields[variable.name] != nil {
                throw reader.error(.duplicate, keyNodes[variable.name],
                                   "'\(variable.name)' of \(origin) is set both here and by its matrix; keep one")
            }
        }
        guard !variables.isEmpty else { return [Expanded(fields: fields, keyNodes: keyNodes, node: node, origin: origin)] }

        var result: [Expanded] = []
        for combination in product(variables.map(\.values)) {
            var values: [String: String] = [:]
            var expanded = fields
            for (variable, value) in zip(variables, combination) {
                values[variable.name] = value.scalar!.string
                if !isAlias && SuiteRegistry.matrixFields.contains(variable.name) {
                    expanded[variable.name] = value
                    keyNodes[variable.name] = variable.node
                }
            }
            for (key, value) in fields {
                expanded[key] = try substitute(value, values, origin: origin)
            }
            result.append(Expanded(fields: expanded, keyNodes: keyNodes, node: node, origin: origin))
        }
        return result
    }

    struct Variable {
        let name: String
        let node: Node
        let values: [Node]
    }

    func parseMatrix(_ node: Node, origin: String) throws -> [Variable] {
        let pairs = try reader.mapping(node, "the matrix of \(origin)")
        if pairs.isEmpty {
            throw reader.error(.emptyMatrix, node, "the matrix of \(origin) is empty; give each variable a list of values, e.g. `model: [pnn, affine]`, or remove 'matrix'")
        }
        var result: [Variable] = []
        for pair in pairs {
            guard Template.isIdentifier(pair.key) else {
                throw reader.error(.badValue, pair.keyNode, "matrix variable '\(pair.key)' of \(origin) must be a word of letters and digits")
            }
            let values = try reader.sequence(pair.value, "matrix variable '\(pair.key)' of \(origin)")
            if values.isEmpty {
                throw reader.error(.emptyMatrix, pair.value, "matrix variable '\(pair.key)' of \(origin) has no values; list at least one")
            }
            var seen = Set<String>()
            for value in values {
                guard case .scalar(let s) = value, !YAMLReader.isNull(s), !Template.containsPlaceholder(s.string) else {
                    throw reader.error(.wrongType, value, "values of matrix variable '\(pair.key)' of \(origin) must be single words or numbers, found \(YAMLReader.describe(value))")
                }
                if !seen.insert(s.string).inserted {
                    throw reader.error(.duplicate, value, "value '\(s.string)' appears twice in matrix variable '\(pair.key)' of \(origin)")
                }
            }
            result.append(Variable(name: pair.key, node: pair.keyNode, values: values))
        }
        return result
    }

    /// Cartesian product, the first variable outermost (so the file order of the matrix
    /// keys is the order of the expanded experiments).
    func product(_ lists: [[Node]]) -> [[Node]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    func checkPlaceholders(in fields: [String: Node], variables: [String], origin: String) throws {
        func visit(_ node: Node) throws {
            switch node {
            case .scalar(let s):
                guard Template.containsPlaceholder(s.string) else { return }
                switch Template.parse(s.string) {
                case .failure(let e): throw reader.error(.unknownVariable, node, "\(e.message) (in \(origin))")
                case .success(let parts):
                    for case .placeholder(let name, let format) in parts {
                        guard variables.contains(name) else {
                            let defined = variables.isEmpty ? "it has no matrix" : "its matrix defines: \(variables.joined(separator: ", "))"
                            throw reader.error(.unknownVariable, node, "unknown variable {\(name)} in '\(s.string)' of \(origin); \(defined)")
                        }
                        if let format, let applies = Template.formats[format], !applies.contains(name) {
                            throw reader.error(.unknownVariable, node, "format ':\(format)' in '\(s.string)' of \(origin) applies to \(applies.joined(separator: ", ")), not to '\(name)'")
                        } else if let format, Template.formats[format] == nil {
                            throw reader.error(.unknownVariable, node, "unknown format ':\(format)' in '\(s.string)' of \(origin); formats: label (model, backgroundMass, balance, dataset), suffix (balance)")
                        }
                    }
                }
            case .mapping(let m):
                for (_, value) in m { try visit(value) }
            case .sequence(let s):
                for value in s { try visit(value) }
            case .alias:
                return
            }
        }
        for (_, node) in fields { try visit(node) }
    }

    /// `node` with placeholders filled in. A templated scalar becomes a plain scalar, so
    /// `"{mass}"` (quoted, as YAML requires for a leading `{`) can fill a number.
    func substitute(_ node: Node, _ values: [String: String], origin: String) throws -> Node {
        switch node {
        case .scalar(let s):
            guard Template.containsPlaceholder(s.string), case .success(let parts) = Template.parse(s.string) else { return node }
            switch Template.render(parts, values) {
            case .success(let text): return .scalar(.init(text, .implicit, .plain, s.mark))
            case .failure(let e): throw reader.error(.badValue, node, "\(e.message) (in \(origin))")
            }
        case .mapping(let m):
            let pairs = try m.map { ($0.key, try substitute($0.value, values, origin: origin)) }
            return .mapping(.init(pairs, m.tag, m.style, m.mark))
        case .sequence(let s):
            return .sequence(.init(try s.map { try substitute($0, values, origin: origin) }, s.tag, s.style, s.mark))
        case .alias:
            return node
        }
    }

    // MARK: - One entry

    func parseEntry(_ e: Expanded) throws -> Parsed {
        let idNode = e.fields["id"]!
        let id = try reader.string(idNode, "the id of \(e.origin)")
        guard isValidID(id) else {
            throw reader.error(.badValue, idNode, "id '\(id)' must be letters, digits and . _ - / (no spaces or wildcards), e.g. table5/pnn-class-identical-fixed")
        }
        let what = "experiment '\(id)'"
        func required(_ key: String) throws -> Node {
            guard let node = e.fields[key] else { throw reader.error(.missingKey, e.node, "\(what) needs '\(key)'") }
            return node
        }
        let artifactNode = try required("artifact")
        let artifact = try reader.string(artifactNode, "'artifact' of \(what)")
        guard artifacts.contains(where: { $0.id == artifact }) else {
            var message = "\(what) belongs to artifact '\(artifact)', which is not declared under 'artifacts'; declared: \(artifacts.map(\.id).joined(separator: ", "))"
            if let guess = YAMLReader.closest(artifact, in: artifacts.map(\.id)) { message += " (did you mean '\(guess)'?)" }
            throw reader.error(.unknownReference, artifactNode, message)
        }
        let rowNode = try required("row")
        let row = try reader.string(rowNode, "'row' of \(what)")
        if row.trimmingCharacters(in: .whitespaces).isEmpty { throw reader.error(.badValue, rowNode, "'row' of \(what) is empty") }
        let description = try e.fields["description"].map { try reader.string($0, "'description' of \(what)") }
        let reference = PaperReference(artifact: artifact, row: row)

        if let sameAsNode = e.fields["sameAs"] {
            let target = try reader.string(sameAsNode, "'sameAs' of \(what)")
            return Parsed(entry: SuiteEntry(id: id, reproduces: reference, experimentID: target, description: description),
                          spec: nil, sameAs: (target, sameAsNode), idNode: idNode, rowNode: rowNode, line: idNode.mark?.line)
        }

        let datasetNode = try required("dataset")
        let datasetNames = DatasetKind.allCases.map(\.rawValue) + datasets.keys.sorted()
        let dataset = try reader.choice(datasetNode, "'dataset' of \(what)", allowed: datasetNames) {
            datasetNames.contains($0) ? DatasetKind(rawValue: $0) : nil
        }
        if !dataset.isDeclared && masses.isEmpty {
            throw reader.error(.missingKey, datasetNode, "\(what) uses \(dataset.paperLabel), so the suite file needs 'masses' (HEPMASS's signal masses, e.g. [500, 750, 1000, 1250, 1500])")
        }
        let model = try reader.choice(try required("model"), "'model' of \(what)",
                                      allowed: ModelKind.allCases.map(\.rawValue), ModelKind.init(rawValue:))
        let massModes = BackgroundMassMode.allCases.map(\.description)
        var backgroundMass = BackgroundMassMode.identicalFixed
        if let node = e.fields["backgroundMass"] {
            backgroundMass = try reader.choice(node, "'backgroundMass' of \(what)", allowed: massModes, BackgroundMassMode.init)
            if !model.isParametric && backgroundMass != .identicalFixed {
                throw reader.error(.badValue, node, "\(what): model '\(model.rawValue)' does not take the mass as input, so its background mass is meaningless; remove 'backgroundMass' (it is recorded as identical-fixed, HEPMASS's own)")
            }
        } else if model.isParametric {
            throw reader.error(.missingKey, e.node, "\(what) needs 'backgroundMass' (model '\(model.rawValue)' is parametric); one of: \(massModes.joined(separator: ", "))")
        }
        let balance = try e.fields["balance"].map {
            try reader.choice($0, "'balance' of \(what)", allowed: BalanceMode.allCases.map(\.rawValue), BalanceMode.init(rawValue:))
        } ?? .none
        if let node = e.fields["trainMasses"], dataset.isDeclared {
            throw reader.error(.badValue, node, "\(what): 'trainMasses' is for HEPMASS; a declared data set takes 'trainPoints'")
        }
        if let node = e.fields["trainPoints"], !dataset.isDeclared {
            throw reader.error(.badValue, node, "\(what): 'trainPoints' is for declared data sets; HEPMASS takes 'trainMasses'")
        }
        let trainMasses = try e.fields["trainMasses"].map { try parseTrainMasses($0, what: what) } ?? nil
        let trainPoints = try e.fields["trainPoints"].map { try parseTrainPoints($0, declaration: datasets[dataset.rawValue]!, what: what) } ?? nil
        let regularized = try e.fields["regularized"].map { try reader.bool($0, "'regularized' of \(what)") } ?? true
        var batchSize: Int? = nil
        if let node = e.fields["batchSize"], !YAMLReader.isNull(node) {
            batchSize = try reader.positiveInt(node, "'batchSize' of \(what)")
        }
        let (conditioning, place) = try parseConditioning(e, model: model, what: what)
        let training = TrainingDefinition(dataset: dataset, model: model, backgroundMass: backgroundMass, balance: balance,
                                          trainMasses: trainMasses, regularized: regularized, batchSize: batchSize,
                                          conditioning: conditioning, place: place, trainPoints: trainPoints)
        let spec = ExperimentSpec(id: id, reproduces: reference, training: training, description: description)
        return Parsed(entry: SuiteEntry(id: id, reproduces: reference, experimentID: id, description: description),
                      spec: spec, sameAs: nil, idNode: idNode, rowNode: rowNode, line: idNode.mark?.line)
    }

    func isValidID(_ id: String) -> Bool {
        !id.isEmpty && !id.hasPrefix("/") && !id.hasSuffix("/") && !id.contains("//")
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/".contains($0)) }
    }

    /// `conditioning` and `place` of a `model: conditioned` entry: both required, and
    /// allowed for that model only.
    func parseConditioning(_ e: Expanded, model: ModelKind, what: String) throws -> (ConditioningKind?, ConditioningPlace?) {
        guard model == .conditioned else {
            if let key = ["conditioning", "place"].first(where: { e.fields[$0] != nil }) {
                throw reader.error(.badValue, e.fields[key]!, "\(what): '\(key)' is for model 'conditioned' only; model '\(model.rawValue)' fixes how the mass enters")
            }
            return (nil, nil)
        }
        func required(_ key: String) throws -> Node {
            guard let node = e.fields[key] else { throw reader.error(.missingKey, e.node, "\(what) needs '\(key)' (model 'conditioned')") }
            return node
        }
        let mechanisms = ConditioningKind.allCases.filter { $0 != .none }
        let conditioning = try reader.choice(try required("conditioning"), "'conditioning' of \(what)",
                                             allowed: mechanisms.map(\.rawValue), { ConditioningKind(rawValue: $0).flatMap { $0 == .none ? nil : $0 } })
        let place = try reader.choice(try required("place"), "'place' of \(what)",
                                      allowed: ConditioningPlace.allCases.map(\.rawValue), ConditioningPlace.init(rawValue:))
        return (conditioning, place)
    }

    /// `all` (or null), a list of masses, or `{except: [masses]}`; nil = every mass.
    func parseTrainMasses(_ node: Node, what: String) throws -> [Int]? {
        let expected = "'trainMasses' of \(what) must be `all`, a list of masses such as [500, 1500], or `{except: [750]}`"
        var chosen: [Int]
        switch node {
        case .scalar(let s):
            guard s.string == "all" || YAMLReader.isNull(s), s.style == .plain || s.style == .any else {
                throw reader.error(.wrongType, node, "\(expected), found \(YAMLReader.describe(node))")
            }
            return nil
        case .sequence:
            chosen = try massList(node, what: what)
            if chosen.isEmpty { throw reader.error(.badValue, node, "'trainMasses' of \(what) is empty; a network needs at least one signal mass") }
        case .mapping:
            let pairs = try reader.mapping(node, "'trainMasses' of \(what)")
            try reader.checkKeys(pairs, allowed: ["except"], in: "'trainMasses' of \(what)")
            guard let list = pairs.first?.value else { throw reader.error(.missingKey, node, expected) }
            let excluded = try massList(list, what: what)
            chosen = masses.filter { !excluded.contains($0) }
            if chosen.isEmpty { throw reader.error(.badValue, node, "'trainMasses' of \(what) excludes every mass") }
        case .alias:
            throw reader.error(.syntax, node, expected)
        }
        chosen.sort()
        return chosen == masses ? nil : chosen
    }

    /// `all` (or null), a list of points, or `{except: [points]}` (which needs the data
    /// set's declared grid); a point is a number for one parameter, a list of p numbers
    /// otherwise. nil = every point.
    func parseTrainPoints(_ node: Node, declaration d: DatasetDeclaration, what: String) throws -> [[Double]]? {
        let p = d.parameters.count
        let expected = "'trainPoints' of \(what) must be `all`, a list of points such as \(p == 1 ? "[400, 600, 800]" : "[[500, 0.06], [700, 0.06]]"), or `{except: [points]}`"
        let grid: [[Float]]? = { if case .declared(let g) = d.points { return g.sorted(by: ParameterPoint.precedes) }; return nil }()
        func list(_ node: Node) throws -> [[Double]] {
            var out: [[Double]] = []
            for item in try reader.sequence(node, expected) {
                let point: [Double]
                if p == 1, case .scalar(let s) = item, let v = Double(s.string) {
                    point = [v]
                } else if case .sequence = item {
                    point = try reader.sequence(item, expected).map { value in
                        guard case .scalar(let s) = value, let v = Double(s.string), v.isFinite else {
                            throw reader.error(.wrongType, value, "\(expected), found \(YAMLReader.describe(value))")
                        }
                        return v
                    }
                } else {
                    throw reader.error(.wrongType, item, "\(expected), found \(YAMLReader.describe(item))")
                }
                guard point.count == p else { throw reader.error(.badValue, item, "a point of 'trainPoints' of \(what) needs \(p) values (\(d.parameters.joined(separator: ", "))), found \(point.count)") }
                if let grid, !grid.contains(point.map(Float.init)) {
                    throw reader.error(.badValue, item, "point \(point.map { "\($0)" }.joined(separator: ", ")) in 'trainPoints' of \(what) is not in the 'points' of data set '\(d.name)'")
                }
                if out.contains(point) { throw reader.error(.duplicate, item, "point \(point.map { "\($0)" }.joined(separator: ", ")) appears twice in 'trainPoints' of \(what)") }
                out.append(point)
            }
            return out
        }
        var chosen: [[Double]]
        switch node {
        case .scalar(let s):
            guard s.string == "all" || YAMLReader.isNull(s) else { throw reader.error(.wrongType, node, "\(expected), found \(YAMLReader.describe(node))") }
            return nil
        case .sequence:
            chosen = try list(node)
            if chosen.isEmpty { throw reader.error(.badValue, node, "'trainPoints' of \(what) is empty; a network needs at least one signal point") }
        case .mapping:
            let pairs = try reader.mapping(node, "'trainPoints' of \(what)")
            try reader.checkKeys(pairs, allowed: ["except"], in: "'trainPoints' of \(what)")
            guard let excludedNode = pairs.first?.value else { throw reader.error(.missingKey, node, expected) }
            guard let grid else {
                throw reader.error(.badValue, node, "'trainPoints: {except: …}' of \(what) needs the 'points' of data set '\(d.name)' declared; list the training points instead")
            }
            // Compared as the data hold them (Float), then written as the shortest decimals.
            let excluded = try list(excludedNode).map { $0.map(Float.init) }
            chosen = grid.filter { !excluded.contains($0) }.map { $0.map(ParameterPoint.decimal) }
            if chosen.isEmpty { throw reader.error(.badValue, node, "'trainPoints' of \(what) excludes every point") }
        case .alias:
            throw reader.error(.syntax, node, expected)
        }
        chosen.sort { ParameterPoint.precedes($0.map(Float.init), $1.map(Float.init)) }
        if let grid, chosen.map({ $0.map(Float.init) }) == grid { return nil }
        return chosen
    }

    func massList(_ node: Node, what: String) throws -> [Int] {
        var result: [Int] = []
        for item in try reader.sequence(node, "'trainMasses' of \(what)") {
            let mass = try reader.int(item, "a mass in 'trainMasses' of \(what)")
            guard masses.contains(mass) else {
                throw reader.error(.badValue, item, "mass \(mass) in 'trainMasses' of \(what) is not one of the suite's masses: \(masses.map(String.init).joined(separator: ", "))")
            }
            if result.contains(mass) { throw reader.error(.duplicate, item, "mass \(mass) appears twice in 'trainMasses' of \(what)") }
            result.append(mass)
        }
        return result
    }

    // MARK: - Across entries

    func assemble(_ parsed: [Parsed], name: String, description: String?, root: Node) throws -> Suite {
        var firstByID: [String: Parsed] = [:]
        var firstByRow: [PaperReference: Parsed] = [:]
        for p in parsed {
            if let other = firstByID[p.entry.id] {
                throw reader.error(.duplicate, p.idNode, "duplicate id '\(p.entry.id)' (first declared at line \(other.line.map(String.init) ?? "?")); ids must be unique")
            }
            firstByID[p.entry.id] = p
            if let other = firstByRow[p.entry.reproduces] {
                throw reader.error(.duplicate, p.rowNode, "'\(p.entry.id)' reproduces \(p.entry.reproduces.artifact) row '\(p.entry.reproduces.row)', which '\(other.entry.id)' (line \(other.line.map(String.init) ?? "?")) already reproduces")
            }
            firstByRow[p.entry.reproduces] = p
        }
        for p in parsed {
            guard let (target, node) = p.sameAs else { continue }
            guard let resolved = firstByID[target] else {
                var message = "'sameAs: \(target)' of '\(p.entry.id)' names no experiment of this suite"
                if let guess = YAMLReader.closest(target, in: parsed.filter { $0.spec != nil }.map(\.entry.id)) { message += " (did you mean '\(guess)'?)" }
                throw reader.error(.unknownReference, node, message)
            }
            if resolved.spec == nil {
                throw reader.error(.unknownReference, node, "'sameAs: \(target)' of '\(p.entry.id)' names another sameAs entry; name the experiment it reuses, '\(resolved.entry.experimentID)'")
            }
        }
        // Training the same thing twice under two ids wastes time: say which one to reuse.
        var firstByTraining: [TrainingDefinition: Parsed] = [:]
        for p in parsed {
            guard let key = p.spec?.training else { continue }
            if let other = firstByTraining[key] {
                throw reader.error(.duplicate, p.idNode, "'\(p.entry.id)' trains exactly the same network as '\(other.entry.id)' (line \(other.line.map(String.init) ?? "?")); declare it with `sameAs: \(other.entry.id)` so it is trained once")
            }
            firstByTraining[key] = p
        }
        for artifact in artifacts where !parsed.contains(where: { $0.entry.reproduces.artifact == artifact.id }) {
            throw reader.error(.unknownReference, artifactNodes[artifact.id] ?? root, "artifact '\(artifact.id)' is declared but no experiment reproduces it; add one or remove the declaration")
        }
        return Suite(name: name, file: reader.file, description: description, masses: masses, artifacts: artifacts,
                     experiments: parsed.compactMap(\.spec), entries: parsed.map(\.entry), datasets: datasets,
                     publication: publication)
    }
}
