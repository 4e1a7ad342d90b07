import Foundation
import PNNEngine

/// The results of finished runs: one JSON file per run, `<directory>/<key>.json`, with its
/// wall-clock times beside it in `<key>.timing.json`.
///
/// The key is a content address (`ResultStore.key`): a run with the same inputs maps to the
/// same file, which is how an interrupted `bench all` resumes, and a run with any different
/// input can never overwrite another's result. Files are written to a temporary name and
/// renamed, so a reader never sees half a result.
public struct ResultStore: Sendable {
    public let directory: URL
    /// Receives one line per file that exists but cannot be read (default: standard error).
    public var warn: @Sendable (String) -> Void

    public init(directory: URL, warn: @escaping @Sendable (String) -> Void = ResultStore.warnOnStandardError) {
        self.directory = directory
        self.warn = warn
    }

    public static let warnOnStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }

    static let timingSuffix = ".timing.json"

    public func resultURL(key: String) -> URL { directory.appendingPathComponent(key + ".json") }
    public func timingURL(key: String) -> URL { directory.appendingPathComponent(key + ResultStore.timingSuffix) }

    /// Writes the result and its timing, each atomically. The result's bytes depend only on
    /// `result` (canonical JSON), so saving an equal result again changes nothing on disk.
    /// The result is written last: its presence is what marks a run as done.
    public func save(_ result: RunResult, timing: RunTiming) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(CanonicalJSON.fileData(timing), to: timingURL(key: result.key).path)
        try AtomicFile.write(CanonicalJSON.fileData(result), to: resultURL(key: result.key).path)
    }

    /// The stored result for `key`; nil when there is none, or when the file cannot be read
    /// (then `warn` says why, and the caller treats the run as not done).
    public func load(key: String) -> RunResult? {
        let url = resultURL(key: key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return read(url)
    }

    /// The timing of `key`'s run, if recorded and readable.
    public func timing(key: String) -> RunTiming? {
        let url = timingURL(key: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try CanonicalJSON.decoder().decode(RunTiming.self, from: data)
        } catch {
            warn("\(url.path): unreadable timing file, ignored (\(ResultStore.describe(error)))")
            return nil
        }
    }

    /// Every readable result, in key order (so listings and reports are stable). Files that
    /// cannot be read are skipped with a warning naming them.
    public func all() -> [RunResult] {
        keys().compactMap { read(resultURL(key: $0)) }
    }

    /// The keys of every result file, sorted; nothing is read. Temporary files of writes
    /// in progress (".<name>.tmp-…") and timing files are not results.
    public func keys() -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            // No results folder yet simply means no results.
            return []
        }
        return names
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(ResultStore.timingSuffix) && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    /// The readable results stored for experiment `id` (any definition), by key: those
    /// whose key has the id's slug and whose spec has the id.
    public func results(experiment id: String) -> [RunResult] {
        let prefix = ResultStore.slug(id) + "-"
        return keys()
            .filter { $0.hasPrefix(prefix) && ResultStore.isHash($0.dropFirst(prefix.count)) }
            .compactMap { load(key: $0) }
            .filter { $0.spec.id == id }
    }

    /// Whether `text` is a key's hash part: 16 lowercase hex digits.
    static func isHash(_ text: Substring) -> Bool {
        text.count == 16 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// When the result file of `key` was last written; of several stale results of one
    /// experiment and seed, the newest is the one whose differences are shown.
    public func modificationDate(key: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: resultURL(key: key).path))?[.modificationDate] as? Date
    }

    private func read(_ url: URL) -> RunResult? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            warn("\(url.path): cannot be read, skipped")
            return nil
        }
        let result: RunResult
        do {
            result = try CanonicalJSON.decoder().decode(RunResult.self, from: data)
        } catch {
            warn("\(url.path): not a valid result file, skipped (\(ResultStore.describe(error))); delete it to rerun the experiment")
            return nil
        }
        let expected = url.deletingPathExtension().lastPathComponent
        guard result.key == expected else {
            warn("\(url.path): holds the result with key \(result.key), not \(expected) (renamed by hand?), skipped")
            return nil
        }
        return result
    }

    /// A decoding error in one line: what was wrong and where in the JSON.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case .dataCorrupted(let c): return "corrupt JSON\(path(c)): \(c.debugDescription)"
        case .keyNotFound(let key, let c): return "missing field \"\(key.stringValue)\"\(path(c))"
        case .typeMismatch(_, let c): return "wrong type\(path(c)): \(c.debugDescription)"
        case .valueNotFound(_, let c): return "missing value\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
