import Foundation
import PNNEngine

/// Every result in a work folder's store, judged against the current suites, scales, data
/// and engine version:
/// - current: its key is the one a suite's experiment gives today (compare, report and
///   status use it);
/// - stale: a suite still has the experiment at that scale, with the same data source,
///   but the definition changed (the fields that differ are named); never used again;
/// - orphaned: no suite considered has the experiment, or the scale is gone from
///   `scales.yaml`;
/// - unchecked: of data this inventory was not taken for (another `--data`), or its
///   data could not be identified (a declared data set's files are missing); kept.
///
/// Results are judged by their key alone, so taking the inventory reads no event that
/// the data identity cache already knows.
public struct StoreInventory {
    public enum State: String, CaseIterable, Sendable { case current, stale, orphaned, unchecked }

    public struct Entry {
        public var result: RunResult
        public var state: State
        /// The suite the verdict refers to (nil when no suite has the experiment).
        public var suite: String?
        /// Why it is stale (the differing fields), orphaned or unchecked; empty when current.
        public var detail: String
    }

    public var entries: [Entry]
    public let store: ResultStore
    public let modelsDirectory: URL

    /// The inventory of `template`'s store over `suites` (names in Suites/ or paths of
    /// suite files), each taken at every scale of `scales.yaml`, with `template`'s data.
    public static func take(_ template: PipelineConfiguration, suites: [String]) throws -> StoreInventory {
        let scales = Set(try ScaleRegistry.load(directory: template.suitesDirectory).map(\.name))
        var pipelines: [String: BenchPipeline] = [:]
        func pipeline(_ suite: String, _ scale: String) throws -> BenchPipeline {
            let name = suite + "\u{1F}" + scale
            if let made = pipelines[name] { return made }
            var configuration = template
            configuration.suite = suite
            configuration.scale = scale
            let made = try BenchPipeline(configuration)
            pipelines[name] = made
            return made
        }
        let loaded = try suites.map { ($0, try SuiteRegistry.load(suite: $0, directory: template.suitesDirectory)) }
        let store = ResultStore(directory: template.resultsDirectory)
        var entries: [Entry] = []
        for result in store.all() {
            let id = result.spec.id
            guard scales.contains(result.scale.name) else {
                entries.append(Entry(result: result, state: .orphaned, suite: nil,
                                     detail: "scale '\(result.scale.name)' is not in \(SuiteError.displayPath(template.suitesDirectory.appendingPathComponent(ScaleRegistry.fileName)))"))
                continue
            }
            let owners = loaded.filter { _, suite in suite.experiments.contains { $0.id == id } }
            guard !owners.isEmpty else {
                entries.append(Entry(result: result, state: .orphaned, suite: nil,
                                     detail: "no experiment \(id) in suite\(suites.count == 1 ? "" : "s") \(loaded.map { $0.1.name }.joined(separator: ", "))"))
                continue
            }
            var verdicts: [Entry] = []
            for (argument, suite) in owners {
                let spec = suite.experiments.first { $0.id == id }!
                do {
                    let expected = try pipeline(argument, result.scale.name).keyMaterial(spec, seed: result.seed)
                    if ResultStore.key(expected) == result.key {
                        verdicts.append(Entry(result: result, state: .current, suite: suite.name, detail: ""))
                    } else if expected.data.source != result.data.source {
                        verdicts.append(Entry(result: result, state: .unchecked, suite: suite.name,
                                              detail: "data \(result.data.source), not \(expected.data.source) (take the inventory with that --data)"))
                    } else {
                        let differences = StaleResult.differences(stored: ResultStore.keyMaterial(of: result), current: expected)
                        verdicts.append(Entry(result: result, state: .stale, suite: suite.name,
                                              detail: differences.isEmpty ? "the key's format changed" : differences.joined(separator: ", ")))
                    }
                } catch {
                    verdicts.append(Entry(result: result, state: .unchecked, suite: suite.name, detail: "its data cannot be identified: \(error)"))
                }
            }
            let order: [State] = [.current, .stale, .unchecked]
            entries.append(verdicts.min { order.firstIndex(of: $0.state)! < order.firstIndex(of: $1.state)! }!)
        }
        return StoreInventory(entries: entries, store: store, modelsDirectory: template.modelsDirectory)
    }

    /// The files of `result` in the store: result, timing, and its trained networks.
    func files(of result: RunResult) -> [URL] {
        let key = result.key
        let networks = ((try? FileManager.default.contentsOfDirectory(atPath: modelsDirectory.path)) ?? []).filter {
            $0 == ExperimentRunner.checkpointName(key: key, mass: nil) || ($0.hasPrefix(key + "-") && $0.hasSuffix(".ckpt"))
        }
        return [store.resultURL(key: key), store.timingURL(key: key)] + networks.sorted().map { modelsDirectory.appendingPathComponent($0) }
    }

    /// Deletes every result in `states` with its timing and networks, result file first
    /// (renamed away in one step, so no reader sees it half gone), and returns them.
    /// The caller holds the store's lock exclusively.
    public func remove(_ states: Set<State>, lock: StoreLock) throws -> [Entry] {
        precondition(lock.mode == .exclusive && !states.contains(.current) && !states.contains(.unchecked))
        let doomed = entries.filter { states.contains($0.state) }
        for entry in doomed {
            let files = files(of: entry.result)
            let hidden = URL(fileURLWithPath: TemporaryName.beside(files[0].path))
            try FileManager.default.moveItem(at: files[0], to: hidden)
            for file in files.dropFirst() where FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.removeItem(at: file)
            }
            try FileManager.default.removeItem(at: hidden)
        }
        return doomed
    }
}
