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
        try run(trainings: runners.flatMap { runner in specs.map { ($0, runner.seed) } }, events: events)
    }

    /// Runs (or reuses) the given (experiment, seed) trainings in order (a shard of a run);
    /// every seed must have a runner. Returns the results in that order. Every key is
    /// computed first, which reads every data set the trainings need: data that cannot be
    /// read stop the run before its first training, not halfway through.
    @discardableResult
    public func run(trainings: [(spec: ExperimentSpec, seed: UInt64)], events: ((Event) -> Void)? = nil) throws -> [RunResult] {
        let bySeed = Dictionary(runners.map { ($0.seed, $0) }, uniquingKeysWith: { first, _ in first })
        let runnerOf = { (seed: UInt64) -> ExperimentRunner in
            guard let runner = bySeed[seed] else { preconditionFailure("no runner for seed \(seed)") }
            return runner
        }
        let keys = try RunPhases.shared.measure(.startup) { try trainings.map { try Self.key($0.spec, runner: runnerOf($0.seed)) } }
        var results: [RunResult] = []
        for (offset, training) in trainings.enumerated() {
            let (index, total, spec) = (offset + 1, trainings.count, training.spec)
            let (runner, key) = (runnerOf(training.seed), keys[offset])
            if !force, let stored = RunPhases.shared.measure(.store, { store.load(key: key) }) {
                events?(.reused(index: index, of: total, result: stored))
                results.append(stored)
                continue
            }
            events?(.started(index: index, of: total, spec: spec, seed: runner.seed))
            let (result, timing) = try runner.run(spec, key: key) { events?(.progress($0)) }
            try RunPhases.shared.measure(.store) { try store.save(result, timing: timing) }
            events?(.finished(index: index, of: total, result: result, timing: timing))
            results.append(result)
        }
        return results
    }
}
