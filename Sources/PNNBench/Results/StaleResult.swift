import Foundation
import PNNData

/// A stored result of an experiment and seed that is not the one the current definition
/// asks for: same id, seed, scale name and data source, another key. It is never used;
/// `differences` says why, field by field, from the definition the result file holds.
public struct StaleResult: Sendable, Equatable {
    public var experiment: String
    public var seed: UInt64
    /// The newest stale result's key, and the key the current definition gives.
    public var storedKey: String
    public var expectedKey: String
    /// "scale.epochs 2 → 1", "engineVersion 1.0.0 → 1.0.1", … (stored → current).
    public var differences: [String]
    /// Further, older stale results of the same experiment and seed.
    public var older: Int

    /// "table3/single seed 42: stored result is for another definition: scale.epochs 2 → 1;
    /// run `bench run` to train it".
    public var message: String {
        let what = differences.isEmpty ? "(no field differs: the key's format changed)" : differences.joined(separator: ", ")
        let more = older > 0 ? " (and \(older) older stale result\(older == 1 ? "" : "s"))" : ""
        return "\(experiment) seed \(seed): stored result is for another definition: \(what)\(more); run `bench run` to train it"
    }

    /// The fields in which `stored`'s definition differs from `current`'s, as dotted paths
    /// with both values (long ones shortened). Strings of `name=value` words, such as data
    /// fingerprints, are compared word by word.
    static func differences(stored: ResultStore.KeyMaterial, current: ResultStore.KeyMaterial) -> [String] {
        let a = ResultStore.keyJSON(stored), b = ResultStore.keyJSON(current)
        var out: [String] = []
        diff(a, b, path: "", into: &out)
        return out
    }

    private static func diff(_ a: Any?, _ b: Any?, path: String, into out: inout [String]) {
        func join(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        if let da = a as? [String: Any], let db = b as? [String: Any] {
            for key in Set(da.keys).union(db.keys).sorted() { diff(da[key], db[key], path: join(key), into: &out) }
            return
        }
        if let aa = a as? [Any], let ab = b as? [Any], aa.count == ab.count {
            for k in aa.indices { diff(aa[k], ab[k], path: "\(path)[\(k)]", into: &out) }
            return
        }
        if let sa = a as? String, let sb = b as? String, let wa = words(sa), let wb = words(sb) {
            for name in Set(wa.keys).union(wb.keys).sorted() where wa[name] != wb[name] {
                out.append("\(path) \(name)=\(wa[name] ?? "(none)") → \(wb[name] ?? "(none)")")
            }
            if wa == wb && sa != sb { out.append("\(path) \(text(a)) → \(text(b))") }
            return
        }
        if text(a) != text(b) { out.append("\(path) \(text(a)) → \(text(b))") }
    }

    /// The `name=value` words of `s`, when it has at least two and every word with a "="
    /// has a distinct name; nil otherwise.
    private static func words(_ s: String) -> [String: String]? {
        var found: [String: String] = [:]
        for word in s.split(separator: " ") {
            guard let eq = word.firstIndex(of: "=") else { continue }
            let name = String(word[..<eq])
            guard found[name] == nil else { return nil }
            found[name] = String(word[word.index(after: eq)...])
        }
        return found.count >= 2 ? found : nil
    }

    /// A value as compact JSON (strings bare), at most 60 characters.
    private static func text(_ value: Any?) -> String {
        guard let value else { return "(none)" }
        let full: String
        if let s = value as? String {
            full = s
        } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) {
            full = String(decoding: data, as: UTF8.self)
        } else {
            full = "\(value)"
        }
        return full.count <= 60 ? full : String(full.prefix(57)) + "…"
    }
}
