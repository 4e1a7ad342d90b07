import Foundation
import PNNEngine

/// Runs a list of experiments into a result store, resuming: an experiment whose result
/// (same spec, scale, data, seed and engine version, hence the same key) is already in the
/// store is not trained again unless `force` is set.
public final class SuiteRunner {
    public let runner: ExperimentRunner
    public let store: ResultStore
    public let force: Bool

    public init(runner: ExperimentRunner, store: ResultStore, force: Bool) {
        self.runner = runner
        self.store = store
        self.force = force
    }

    public enum Event {
        /// Experiment k (1-based) of n starts training.
        case started(index: Int, of: Int, spec: ExperimentSpec)
        case progress(ExperimentRunner.Progress)
        case finished(index: Int, of: Int, result: RunResult, timing: RunTiming)
        /// Its result was already in the store.
        case reused(index: Int, of: Int, result: RunResult)
    }

    /// The key under which `spec`'s result is stored.
    public func key(_ spec: ExperimentSpec) throws -> String {
        ResultStore.key(spec: spec, scale: runner.scale, data: try runner.dataIdentity(spec), seed: runner.seed,
                        engineVersion: EngineVersion.current)
    }

    /// Runs (or reuses) every experiment in order; returns their results in that order.
    @discardableResult
    public func run(_ specs: [ExperimentSpec], events: ((Event) -> Void)? = nil) throws -> [RunResult] {
        var results: [RunResult] = []
        for (i, spec) in specs.enumerated() {
            let key = try key(spec)
            if !force, let stored = store.load(key: key) {
                events?(.reused(index: i + 1, of: specs.count, result: stored))
                results.append(stored)
                continue
            }
            events?(.started(index: i + 1, of: specs.count, spec: spec))
            let (result, timing) = try runner.run(spec, key: key) { events?(.progress($0)) }
            try store.save(result, timing: timing)
            events?(.finished(index: i + 1, of: specs.count, result: result, timing: timing))
            results.append(result)
        }
        return results
    }
}
