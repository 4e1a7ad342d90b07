import PNNData
import PNNEngine

/// The `{placeholder}` templating of suite files. In an entry with a `matrix:`, any text
/// value may contain `{name}` (the value of matrix variable `name`) or `{name:format}`:
///
/// | format   | variable         | gives                                              |
/// |----------|------------------|----------------------------------------------------|
/// | `label`  | `model`          | Single-NN, Individual-NNs, pNN, pNN (linear), Affine |
/// | `label`  | `backgroundMass` | Identical (fixed), …, Uniform (sampled)            |
/// | `label`  | `balance`        | no balance, class, signal, background, full        |
/// | `label`  | `dataset`        | HEPMASS, HEPMASS-IMB                               |
/// | `label`  | `conditioning`   | Concat, Biasing, Scaling, Affine                   |
/// | `suffix` | `balance`        | "" for none, else " (class)", " (full)", …         |
///
/// `{` and `}` are reserved for placeholders in suite files.
enum Template {
    enum Part: Equatable {
        case text(String)
        case placeholder(name: String, format: String?)
    }

    /// The formats and the variables each applies to.
    static let formats: [String: [String]] = [
        "label": ["model", "backgroundMass", "balance", "dataset", "conditioning"],
        "suffix": ["balance"],
    ]

    static func containsPlaceholder(_ text: String) -> Bool { text.contains("{") || text.contains("}") }

    /// Splits `text` into literal text and placeholders; the error message says what is wrong.
    static func parse(_ text: String) -> Result<[Part], TemplateError> {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "}" { return .failure(TemplateError("'}' without a matching '{' in '\(text)'")) }
            if c != "{" {
                literal.append(c)
                index = text.index(after: index)
                continue
            }
            guard let close = text[index...].firstIndex(of: "}") else {
                return .failure(TemplateError("'{' without a closing '}' in '\(text)'"))
            }
            let inner = String(text[text.index(after: index)..<close])
            let pieces = inner.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(pieces.count), isIdentifier(pieces[0]), pieces.count == 1 || isIdentifier(pieces[1]) else {
                return .failure(TemplateError("'{\(inner)}' in '\(text)' is not a placeholder; write {variable} or {variable:format}"))
            }
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
            parts.append(.placeholder(name: pieces[0], format: pieces.count == 2 ? pieces[1] : nil))
            index = text.index(after: close)
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return .success(parts)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The placeholder names used in `text` (which must parse).
    static func variables(in text: String) -> [String] {
        guard case .success(let parts) = parse(text) else { return [] }
        return parts.compactMap { if case .placeholder(let name, _) = $0 { return name } else { return nil } }
    }

    /// `text` with every placeholder replaced; `values` must hold every name used.
    static func render(_ parts: [Part], _ values: [String: String]) -> Result<String, TemplateError> {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .placeholder(let name, let format):
                guard let value = values[name] else { return .failure(TemplateError("no value for {\(name)}")) }
                guard let format else { out += value; continue }
                switch Template.format(value, name: name, format: format) {
                case .success(let s): out += s
                case .failure(let e): return .failure(e)
                }
            }
        }
        return .success(out)
    }

    /// Applies `format` to variable `name`'s `value`.
    static func format(_ value: String, name: String, format: String) -> Result<String, TemplateError> {
        guard let applies = formats[format] else {
            return .failure(TemplateError("unknown format ':\(format)' in {\(name):\(format)}; formats: label (model, backgroundMass, balance, dataset, conditioning), suffix (balance)"))
        }
        guard applies.contains(name) else {
            return .failure(TemplateError("format ':\(format)' applies to \(applies.joined(separator: ", ")), not to '\(name)'"))
        }
        let result: String?
        switch (format, name) {
        case ("label", "model"): result = ModelKind(rawValue: value)?.paperLabel
        case ("label", "backgroundMass"): result = BackgroundMassMode(value)?.paperLabel
        case ("label", "balance"): result = BalanceMode(rawValue: value)?.paperLabel
        case ("label", "dataset"): result = DatasetKind(rawValue: value).paperLabel
        case ("label", "conditioning"): result = ConditioningKind(rawValue: value)?.paperLabel
        case ("suffix", "balance"): result = BalanceMode(rawValue: value)?.paperSuffix
        default: result = nil
        }
        guard let result else {
            return .failure(TemplateError("'\(value)' is not a valid \(name), so {\(name):\(format)} cannot be formatted"))
        }
        return .success(result)
    }
}

struct TemplateError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
