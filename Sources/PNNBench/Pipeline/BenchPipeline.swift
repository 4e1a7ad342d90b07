import Foundation
import PNNEngine

/// The pipeline of one suite at one scale and data set, over a set of seeds (replicates):
/// select experiments, train them into the result store once per seed (reusing stored
/// results), compare the stored results with a baseline, write the report, record a
/// baseline. Every `bench` command that works on
/// a suite is a thin layer over one of these steps.
///
/// It holds one dataset provider and one worker pool for all steps, so the events are
/// generated (or read) at most once per process, and only when a step needs them:
/// result keys need just the data's identity, which for the simulator follows from its
/// parameters and for files is cached (`DatasetProvider.identity`). A `bench all` whose results are all stored
/// therefore trains nothing and generates nothing until the report draws the data.
public final class BenchPipeline {
    public let configuration: PipelineConfiguration
    public let suite: Suite
    public let scale: Scale
    public let store: ResultStore
    /// Made on first use: comparing or recording needs no threads.
    public private(set) lazy var pool = makePool()
    private let makePool: () -> WorkerPool
    private var provider: DatasetProvider?
    private var runners: [UInt64: ExperimentRunner] = [:]
    private var storeLock: StoreLock?

    /// Loads the suite and the scale. The data are looked at only by the steps that
    /// need them: training and the report's data figures read the events; reading stored
    /// results needs only the data's identity (cached for files, see `DataIdentityCache`).
    public convenience init(_ configuration: PipelineConfiguration) throws {
        let suite = try SuiteRegistry.load(suite: configuration.suite, directory: configuration.suitesDirectory)
        try self.init(configuration, suite: suite,
                      scale: try ScaleRegistry.load(scale: configuration.scale, directory: configuration.suitesDirectory))
    }

    /// The pipeline of `suite` at `scale` (`configuration.scale` names it), its pool made
    /// on first use by `pool` when given: the rungs of a ladder share one suite and one pool.
    init(_ configuration: PipelineConfiguration, suite: Suite, scale: Scale, pool: (() -> WorkerPool)? = nil) throws {
        self.configuration = configuration
        self.suite = suite
        self.scale = scale
        store = ResultStore(directory: configuration.resultsDirectory)
        makePool = pool ?? { WorkerPool(threads: configuration.threads ?? WorkerPool.availableCores) }
    }

    /// The one dataset provider of this pipeline; made on first use. Throws
    /// `PipelineError` when the data choice cannot be used (see `DataChoice.source`).
    public func datasetProvider() throws -> DatasetProvider {
        if let provider { return provider }
        let source = try configuration.data.source(dataDirectory: configuration.dataDirectory)
        let made = DatasetProvider(source: source, scale: scale, threads: pool.threadCount, declarations: suite.datasets,
                                   searchDirectories: [suite.directory, configuration.dataDirectory].compactMap { $0 })
        made.identityCache = DataIdentityCache(directory: configuration.cacheDirectory.appendingPathComponent(DataIdentityCache.folderName))
        provider = made
        return made
    }

    /// The runner of `seed` (default: the first seed), sharing the pipeline's provider
    /// and pool; made on first use.
    public func experimentRunner(seed: UInt64? = nil) throws -> ExperimentRunner {
        let seed = seed ?? configuration.firstSeed
        if let runner = runners[seed] { return runner }
        let made = ExperimentRunner(provider: try datasetProvider(), seed: seed, pool: pool)
        made.modelsDirectory = configuration.modelsDirectory
        runners[seed] = made
        return made
    }

    /// Holds the store's lock shared for the rest of this pipeline's life: runs and
    /// reports add files, and a `bench store --remove` must not delete under them. Waits
    /// while a removal holds it, saying so on standard error.
    public func holdStore() throws {
        guard storeLock == nil else { return }
        storeLock = try StoreLock(.shared, workDirectory: configuration.workDirectory) { holders in
            FileHandle.standardError.write(Data("waiting for the store in \(self.configuration.workDirectory.path), held by \(holders.joined(separator: "; "))\n".utf8))
        }
    }

    // MARK: - Select and run

    /// The experiments to train for `patterns` (ids, globs, artifacts; see `Suite.select`);
    /// every experiment of the suite when `patterns` is empty.
    public func select(_ patterns: [String]) throws -> [ExperimentSpec] {
        patterns.isEmpty ? suite.experiments : try suite.select(patterns: patterns)
    }

    /// Removes the temporary files that killed writers left in the work folders (results,
    /// trained networks, the t-SNE cache; see `TemporaryName.removeStale`); returns their
    /// paths. Temporary files of writers still running, here or on another machine sharing
    /// the folders, are left alone.
    @discardableResult
    public func removeStaleTemporaries() -> [String] {
        [configuration.resultsDirectory, configuration.modelsDirectory,
         configuration.cacheDirectory.appendingPathComponent(EmbeddingCache.folderName)].flatMap { folder in
            TemporaryName.removeStale(in: folder).map { folder.appendingPathComponent($0).path }
        }
    }

    /// Trains `specs` once per seed (seed-major), each unless its result is stored (or
    /// always, with `force`), saving every result; `events` reports progress. Stale
    /// temporary files are removed first and their paths passed to `removed`.
    @discardableResult
    public func run(_ specs: [ExperimentSpec], force: Bool, shard: ShardSelection? = nil,
                    events: ((SuiteRunner.Event) -> Void)? = nil,
                    removed: (([String]) -> Void)? = nil) throws -> [RunResult] {
        if let shard { try ShardPlan.check(count: shard.count, trainings: specs.count * configuration.seeds.count, option: "--shard \(shard)") }
        return try run(trainings: trainings(specs, shard: shard), force: force, events: events, removed: removed)
    }

    /// Trains `trainings` (of this pipeline's scale) in their order, as `run(_:force:…)`.
    @discardableResult
    public func run(trainings: [ShardPlan.Training], force: Bool, events: ((SuiteRunner.Event) -> Void)? = nil,
                    removed: (([String]) -> Void)? = nil) throws -> [RunResult] {
        precondition(trainings.allSatisfy { $0.scale == scale }, "trainings of another scale")
        let runners = try configuration.seeds.seeds.map { try experimentRunner(seed: $0) }
        try holdStore()
        let stale = removeStaleTemporaries()  // before the call: `removed?(…)` skips its argument when nil
        removed?(stale)
        return try SuiteRunner(runners: runners, store: store, force: force)
            .run(trainings: trainings.map { ($0.spec, $0.seed) }, events: events)
    }

    /// The trainings of `specs` × the seeds in run order (seed-major), or those of one
    /// shard of them (`ShardPlan`).
    public func trainings(_ specs: [ExperimentSpec], shard: ShardSelection?) -> [ShardPlan.Training] {
        ShardPlan(specs: specs, seeds: configuration.seeds.seeds, scale: scale, count: shard?.count ?? 1).shards[(shard?.index ?? 1) - 1]
    }

    // MARK: - Stored results

    /// What the stored results are selected as: this scale, data and seeds, and
    /// `engineVersion` when given (it then appears in the selection's summary).
    public func selection(engineVersion: String?) -> ResultSelection {
        ResultSelection(scale: scale.name, dataSources: configuration.data.resultSources(dataDirectory: configuration.dataDirectory),
                        seeds: configuration.seeds.seeds,
                        engineVersion: engineVersion)
    }

    /// What the key of `spec`'s result with `seed` hashes under the current definition:
    /// this scale, the data's identity, `engineVersion` (default `EngineVersion.current`).
    func keyMaterial(_ spec: ExperimentSpec, seed: UInt64, engineVersion: String? = nil) throws -> ResultStore.KeyMaterial {
        ResultStore.KeyMaterial(spec: spec, scale: scale, data: try datasetProvider().identity(spec.dataset), seed: seed,
                                engineVersion: engineVersion ?? EngineVersion.current)
    }

    /// The stored results of the suite's experiments × the seeds, each read by its key.
    public struct StoredResults {
        public var results: ReplicateResults
        /// Experiments and seeds whose only stored results are of another definition.
        public var stale: [StaleResult]
    }

    /// For every experiment of the suite and every seed, the result stored under the key
    /// of the current suite, scale, data identity and engine version (`engineVersion`,
    /// default `EngineVersion.current`), and nothing else. A result of the same
    /// experiment, seed, scale name and data source under another key is listed as stale
    /// with the fields that differ. Needs the data's identity: for files, from the
    /// identity cache or by reading them (see `DatasetProvider.identity`).
    public func storedResults(engineVersion: String? = nil) throws -> StoredResults {
        var current: [RunResult] = [], missing: [ResultStore.KeyMaterial] = []
        for spec in suite.experiments {
            for seed in configuration.seeds.seeds {
                let material = try keyMaterial(spec, seed: seed, engineVersion: engineVersion)
                if let result = store.load(key: ResultStore.key(material)) { current.append(result) } else { missing.append(material) }
            }
        }
        let chosen = selection(engineVersion: engineVersion).ordered(current)
        return StoredResults(results: ReplicateResults(seeds: configuration.seeds.seeds, results: chosen), stale: staleResults(missing))
    }

    /// For definitions whose key has no stored result, the stale results that stand in
    /// their place: of the same experiment, seed, scale name and data source, under another
    /// key; the newest of each is the one whose differences are given. Each experiment's
    /// results are read once.
    func staleResults(_ missing: [ResultStore.KeyMaterial]) -> [StaleResult] {
        var stored: [String: [RunResult]] = [:]
        return missing.compactMap { material in
            let id = material.spec.id
            if stored[id] == nil { stored[id] = store.results(experiment: id) }
            let candidates = stored[id]!.filter {
                $0.seed == material.seed && $0.scale.name == material.scale.name && $0.data.source == material.data.source
            }
            let dates = Dictionary(candidates.map { ($0.key, store.modificationDate(key: $0.key) ?? .distantPast) }, uniquingKeysWith: max)
            guard let newest = candidates.max(by: { (dates[$0.key]!, $0.key) < (dates[$1.key]!, $1.key) }) else { return nil }
            return StaleResult(experiment: id, seed: material.seed, storedKey: newest.key, expectedKey: ResultStore.key(material),
                               differences: StaleResult.differences(stored: ResultStore.keyMaterial(of: newest), current: material),
                               older: candidates.count - 1)
        }
    }

    /// The stale results of `trainings` that have no current result (what `bench status`
    /// shows beside the missing ones), without reading the current results.
    public func staleResults(of trainings: [ShardPlan.Training]) throws -> [StaleResult] {
        staleResults(try trainings.map { try keyMaterial($0.spec, seed: $0.seed) })
    }

    // MARK: - Compare

    /// The baseline results are checked against unless told otherwise: our recorded
    /// results of this scale on the simulator, the paper's tables on real data.
    public var defaultBaseline: BaselineSet.Kind {
        configuration.data == .sim ? .sim(scale: scale.name) : .paper
    }

    /// Every cell and claim of the `kind` baseline against the stored results of the
    /// suite's rows. Throws `BaselineError` when the baseline cannot be read.
    public func compare(with kind: BaselineSet.Kind, engineVersion: String?) throws -> ComparisonReport {
        let baseline = try BaselineSet.load(kind: kind, suite: suite.name, directory: configuration.baselinesDirectory,
                                            suiteArgument: configuration.suite)
        let stored = try storedResults(engineVersion: engineVersion)
        return Comparison.compare(results: stored.results.mapSeeds(suite.rowResults), baseline: baseline,
                                  selection: selection(engineVersion: engineVersion), stale: stored.stale)
    }

    // MARK: - Report

    /// Where the report goes unless told otherwise: `Reports/<suite>-<data>-<scale>`, or
    /// `Reports/<suite>-<scale>` for a suite on declared data sets only (`--data` does not
    /// apply to them).
    public var reportDirectory: URL {
        guard !suite.usesHEPMASS else { return configuration.reportDirectory }
        return configuration.root.appendingPathComponent("Reports")
            .appendingPathComponent("\(configuration.suiteName)-\(configuration.scale)")
    }

    /// Where `bench all` leaves the phases of its run for the report (`RunPhases.Summary.file`).
    public var runPhasesFile: URL {
        RunPhases.Summary.file(workDirectory: configuration.workDirectory, name: reportDirectory.lastPathComponent)
    }

    /// Writes the report of this engine version's stored results to `directory`
    /// (default `reportDirectory`), figures rendered with gnuplot when
    /// `render`. Throws `PipelineError` when there are no results or the paper's
    /// baseline cannot be read, `GnuplotRenderer.Failure` when gnuplot rejects a script.
    public func report(to directory: URL? = nil, render: Bool) throws -> ReportBuilder.Output {
        try holdStore()
        let selection = selection(engineVersion: EngineVersion.current)
        let found = try storedResults()
        let stored = found.results
        guard !stored.isEmpty else {
            throw PipelineError("no results of \(selection.summary) in \(store.directory.path); run `bench all --scale \(scale.name)` first")
        }
        var timings: [String: RunTiming] = [:]
        for result in stored.all { timings[result.key] = store.timing(key: result.key) }
        let rows = stored.mapSeeds(suite.rowResults)
        // A suite without published numbers (Baselines/<suite>/) still gets its report: the
        // tables and claims sections are then empty.
        var baseline = BaselineSet(kind: .paper, tables: [], claims: [])
        if FileManager.default.fileExists(atPath: BaselineSet.Kind.paper.folder(in: configuration.baselinesDirectory, suite: suite.name).path) {
            do {
                baseline = try BaselineSet.load(kind: .paper, suite: suite.name, directory: configuration.baselinesDirectory)
            } catch let error as BaselineError {
                throw PipelineError("\(error)")
            }
        }
        let comparison = Comparison.compare(results: rows, baseline: baseline, selection: selection, stale: found.stale)
        var figureContext = FigureContext(suite: suite, results: rows.results(seed: configuration.firstSeed), replicates: rows,
                                          timings: timings, scale: scale,
                                          seed: configuration.firstSeed, provider: try datasetProvider(),
                                          modelsDirectory: configuration.modelsDirectory,
                                          cacheDirectory: configuration.cacheDirectory, pool: pool)
        figureContext.runPhases = RunPhases.Summary.stored(at: runPhasesFile)
        let builder = ReportBuilder(context: figureContext, comparison: comparison, figureBuilders: ReportFigureBuilders.standard,
                                    environment: .current(root: configuration.root), data: configuration.data)
        return try builder.write(to: directory ?? reportDirectory, render: render,
                                 gnuplot: render ? GnuplotRenderer.locate() : nil)
    }

    // MARK: - Record a baseline

    /// What `recordBaseline` wrote.
    public struct RecordedBaseline {
        public var file: URL
        public var rows: Int
        public var experiments: Int
        public var tolerance: SimBaselineRecorder.Tolerance
        public var notes: [String]
    }

    /// Writes `Baselines/sim/<scale>/<suite>.yaml` from the stored simulator result of
    /// every experiment and seed (`storedResults`; stale ones are named in the notes and
    /// left out), one row per suite row and seed (reused rows
    /// included, as `compare` checks them); `tolerance` is written with every row.
    public func recordBaseline(tolerance: SimBaselineRecorder.Tolerance) throws -> RecordedBaseline {
        guard configuration.data == .sim else {
            throw PipelineError("recorded baselines are for the simulator (--data sim); real HEPMASS is compared with the paper's tables")
        }
        let selection = selection(engineVersion: nil)
        let stored = try storedResults()
        let (experiments, notes) = (stored.results, stored.stale.map(\.message))
        let rows = experiments.mapSeeds(suite.rowResults)
        guard !rows.isEmpty else {
            throw PipelineError("no results of \(selection.summary) in \(store.directory.path); run `bench all --scale \(scale.name)` first")
        }
        let url = try SimBaselineRecorder.record(results: rows, suite: suite.name, scale: scale.name,
                                                 baselines: configuration.baselinesDirectory, tolerance: tolerance)
        return RecordedBaseline(file: url, rows: rows.all.count, experiments: experiments.experimentIDs.count,
                                tolerance: tolerance, notes: notes)
    }
}
