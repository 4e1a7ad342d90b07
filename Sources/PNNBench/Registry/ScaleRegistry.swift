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
/// Every key is checked like the suite files (`SuiteError` with file and line).
public enum ScaleRegistry {
    public static let fileName = "scales.yaml"
    public static let scaleKeys = ["trainEvents", "testEvents", "epochs", "batchSize", "imbSignal", "description"]

    /// The scales of `directory/scales.yaml`, in file order.
    public static func load(directory: URL) throws -> [Scale] {
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
        return try parse(yaml: text, file: shown)
    }

    /// The scale called `name` in `directory/scales.yaml`; an unknown name is an error listing the known ones.
    public static func load(scale name: String, directory: URL) throws -> Scale {
        let scales = try load(directory: directory)
        guard let scale = scales.first(where: { $0.name == name }) else {
            var message = "no scale '\(name)'; available: \(scales.map(\.name).joined(separator: ", "))"
            if let guess = YAMLReader.closest(name, in: scales.map(\.name)) { message += " (did you mean '\(guess)'?)" }
            throw SuiteError(.unknownReference, file: SuiteError.displayPath(directory.appendingPathComponent(fileName)), line: nil, message)
        }
        return scale
    }

    /// Parses scales YAML text; `file` is how messages name it.
    public static func parse(yaml text: String, file: String) throws -> [Scale] {
        let reader = YAMLReader(file: file)
        let root = try reader.compose(text)
        let pairs = try reader.mapping(root, "the scales file")
        if pairs.isEmpty { throw reader.error(.badValue, root, "the scales file declares no scale") }
        var scales: [Scale] = []
        for pair in pairs {
            let name = pair.key
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
        return scales
    }
}
