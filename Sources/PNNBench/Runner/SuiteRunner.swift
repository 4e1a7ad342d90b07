import Foundation
import PNNEngine

/// Runs a list of experiments into a result store, once per seed, resuming: a training
/// whose result (same spec, scale, data, seed and engine version, hence the same key) is
/// already in the store is not trained again unless `force` is set.
///
/// The order is seed-major (every experiment of the first seed, then of the next), so an
/// interrupted run leaves whole replicates behind, and a larger `--seeds` count only adds
/// trainings after the ones a smaller count made.
public final class SuiteRunner {
    /// One runner per seed, in order; they share the dataset provider and worker pool.
    public let runners: [ExperimentRunner]
    public let store: ResultStore
    public let force: Bool

    public init(runners: [ExperimentRunner], store: ResultStore, force: Bool) {
        self.runners = runners
        self.store = store
        self.force = force
    }

    public convenience init(runner: ExperimentRunner, store: ResultStore, force: Bool) {
        self.init(runners: [runner], store: store, force: force)
    }

    public enum Event {
        /// Training k (1-based) of n starts: `spec` with `seed`.
        case started(index: Int, of: Int, spec: ExperimentSpec, seed: UInt64)
        case progress(ExperimentRunner.Progress)
        case finished(index: Int, of: Int, result: RunResult, timing: RunTiming)
        /// Its result was already in the store.
        case reused(index: Int, of: Int, result: RunResult)
    }

    /// The key under which `runner`'s result of `spec` is stored.
    public static func key(_ spec: ExperimentSpec, runner: ExperimentRunner) throws -> String {
        ResultStore.key(spec: spec, scale: runner.scale, data: try runner.dataIdentity(spec), seed: runner.seed,
                        engineVersion: EngineVersion.current)
    }

    /// Runs (or reuses) every experiment with every seed, seed-major; returns the results
    /// in that order.
    @discardableResult
    public func run(_ specs: [ExperimentSpec], events: ((Event) -> Void)? = nil) throws -> [RunResult] {
        var results: [RunResult] = []
        let total = specs.count * runners.count
        var index = 0
        for runner in runners {
            for spec in specs {
                index += 1
                let key = try Self.key(spec, runner: runner)
                if !force, let stored = store.load(key: key) {
                    events?(.reused(index: index, of: total, result: stored))
                    results.append(stored)
                    continue
                }
                events?(.started(index: index, of: total, spec: spec, seed: runner.seed))
                let (result, timing) = try runner.run(spec, key: key) { events?(.progress($0)) }
                try store.save(result, timing: timing)
                events?(.finished(index: index, of: total, result: result, timing: timing))
                results.append(result)
            }
        }
        return results
    }
}
