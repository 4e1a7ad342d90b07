import Foundation
import PNNData
import Yams

/// Reads `Suites/scales.yaml`: a mapping from scale name to its sizes, e.g.
///
///     smoke:
///       trainEvents: 24000     # null = the whole file (real HEPMASS) / HEPMASS size (simulator)
///       testEvents: 12000
///       epochs: 2
///       batchSize: 256
///       description: …
///
/// and, under the reserved key `ladder`, the convergence ladder: a list of those scale
/// names in increasing training budget (`ConvergenceLadder`), e.g. `ladder: [smoke, default, paper]`.
///
/// Every key is checked like the suite files (`SuiteError` with file and line).
public enum ScaleRegistry {
    public static let fileName = "scales.yaml"
    public static let scaleKeys = ["trainEvents", "testEvents", "epochs", "batchSize", "imbSignal", "description"]

    /// The scales of `directory/scales.yaml`, in file order.
    public static func load(directory: URL) throws -> [Scale] {
        try loadFile(directory: directory).scales
    }

    /// The scales and the ladder (nil when the file has none) of `directory/scales.yaml`.
    public static func loadFile(directory: URL) throws -> (scales: [Scale], ladder: ConvergenceLadder?) {
        let url = directory.appendingPathComponent(fileName)
        let shown = SuiteError.displayPath(url)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SuiteError(.missingFile, file: shown, line: nil, "no scales file (run from the PNNBench folder or pass --root)")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SuiteError(.missingFile, file: shown, line: nil, "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
        return try parseFile(yaml: text, file: shown)
    }

    /// The scale called `name` in `directory/scales.yaml`; an unknown name is an error listing the known ones.
    public static func load(scale name: String, directory: URL) throws -> Scale {
        let scales = try load(directory: directory)
        guard let scale = scales.first(where: { $0.name == name }) else {
            if name == ConvergenceLadder.name {
                throw SuiteError(.unknownReference, file: SuiteError.displayPath(directory.appendingPathComponent(fileName)), line: nil,
                                 "'\(name)' is the convergence ladder, every rung at once: bench run, status, submit, list and report take it; this command needs one scale (\(scales.map(\.name).joined(separator: ", ")))")
            }
            var message = "no scale '\(name)'; available: \(scales.map(\.name).joined(separator: ", "))"
            if let guess = YAMLReader.closest(name, in: scales.map(\.name)) { message += " (did you mean '\(guess)'?)" }
            throw SuiteError(.unknownReference, file: SuiteError.displayPath(directory.appendingPathComponent(fileName)), line: nil, message)
        }
        return scale
    }

    /// The convergence ladder of `directory/scales.yaml`; an error when the file has none.
    public static func loadLadder(directory: URL) throws -> ConvergenceLadder {
        guard let ladder = try loadFile(directory: directory).ladder else {
            throw SuiteError(.missingKey, file: SuiteError.displayPath(directory.appendingPathComponent(fileName)), line: nil,
                             "no '\(ConvergenceLadder.name):' list of scales (e.g. \(ConvergenceLadder.name): [smoke, default, paper])")
        }
        return ladder
    }

    /// Parses scales YAML text; `file` is how messages name it.
    public static func parse(yaml text: String, file: String) throws -> [Scale] {
        try parseFile(yaml: text, file: file).scales
    }

    /// The scales and the ladder (nil when the file has no `ladder:`).
    public static func parseFile(yaml text: String, file: String) throws -> (scales: [Scale], ladder: ConvergenceLadder?) {
        let reader = YAMLReader(file: file)
        let root = try reader.compose(text)
        let pairs = try reader.mapping(root, "the scales file")
        var scales: [Scale] = []
        var ladderNode: Node?
        for pair in pairs {
            let name = pair.key
            if name == ConvergenceLadder.name {
                ladderNode = pair.value
                continue
            }
            guard Template.isIdentifier(name) else {
                throw reader.error(.badValue, pair.keyNode, "scale name '\(name)' must be a word of letters and digits")
            }
            let what = "scale '\(name)'"
            let fields = try reader.mapping(pair.value, what)
            try reader.checkKeys(fields, allowed: scaleKeys, in: what)
            let values = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            for key in ["trainEvents", "testEvents", "epochs", "batchSize"] where values[key] == nil {
                throw reader.error(.missingKey, pair.value, "\(what) needs '\(key)'\(key.hasSuffix("Events") ? " (a number, or null for the whole data set)" : "")")
            }
            func events(_ key: String) throws -> Int? {
                let node = values[key]!
                guard let n = try reader.optionalInt(node, "'\(key)' of \(what)") else { return nil }
                guard n > 0 else { throw reader.error(.badValue, node, "'\(key)' of \(what) must be positive or null, found \(n)") }
                return n
            }
            scales.append(Scale(name: name,
                                trainEvents: try events("trainEvents"),
                                testEvents: try events("testEvents"),
                                epochs: try reader.positiveInt(values["epochs"]!, "'epochs' of \(what)"),
                                batchSize: try reader.positiveInt(values["batchSize"]!, "'batchSize' of \(what)"),
                                imbSignal: try values["imbSignal"].map { node in
                                    let text = try reader.string(node, "'imbSignal' of \(what)")
                                    guard let policy = IMBSignal(rawValue: text) else {
                                        throw reader.error(.badValue, node, "'imbSignal' of \(what) must be one of \(IMBSignal.allCases.map(\.rawValue).joined(separator: ", ")), found '\(text)'")
                                    }
                                    return policy
                                },
                                description: try values["description"].map { try reader.string($0, "'description' of \(what)") }))
        }
        if scales.isEmpty { throw reader.error(.badValue, root, "the scales file declares no scale") }
        return (scales, try ladderNode.map { try ladder($0, scales: scales, reader: reader) })
    }

    /// The `ladder:` list: known scale names, no repeats, at least two, each rung a larger
    /// budget (`ConvergenceLadder.eventEpochs`) than the one before.
    static func ladder(_ node: Node, scales: [Scale], reader: YAMLReader) throws -> ConvergenceLadder {
        let what = "'\(ConvergenceLadder.name)' (the scales of the convergence ladder, in increasing budget)"
        let items = try reader.sequence(node, what)
        guard items.count >= 2 else { throw reader.error(.badValue, node, "\(what) needs at least two scales, found \(items.count)") }
        var rungs: [Scale] = []
        for item in items {
            let name = try reader.string(item, "a scale of \(what)")
            guard let scale = scales.first(where: { $0.name == name }) else {
                var message = "\(what) names '\(name)', which is not a scale of the file; scales: \(scales.map(\.name).joined(separator: ", "))"
                if let guess = YAMLReader.closest(name, in: scales.map(\.name)) { message += " (did you mean '\(guess)'?)" }
                throw reader.error(.unknownReference, item, message)
            }
            if rungs.contains(where: { $0.name == name }) { throw reader.error(.duplicate, item, "\(what) names '\(name)' twice") }
            if let previous = rungs.last {
                let (b0, b1) = (ConvergenceLadder.eventEpochs(previous), ConvergenceLadder.eventEpochs(scale))
                guard b1 > b0 else {
                    throw reader.error(.badValue, item, "\(what): '\(name)' (\(Int(b1)) training event-epochs) must train more than '\(previous.name)' before it (\(Int(b0)))")
                }
            }
            rungs.append(scale)
        }
        return ConvergenceLadder(rungs: rungs)
    }
}
