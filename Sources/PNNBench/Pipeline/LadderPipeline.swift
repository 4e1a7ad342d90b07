import Foundation
import PNNEngine

/// A suite on one data set at every rung of the convergence ladder (`--scale ladder`):
/// one `BenchPipeline` per rung, sharing the suite, the store and one worker pool, and
/// one shard plan over the trainings of all rungs, so that a cluster job balances the
/// ladder as a whole and any shard can be run again alone.
public final class LadderPipeline {
    /// The options as given; `scale` is `ConvergenceLadder.name`.
    public let configuration: PipelineConfiguration
    public let ladder: ConvergenceLadder
    /// One pipeline per rung, in ladder order.
    public let rungs: [BenchPipeline]

    public init(_ configuration: PipelineConfiguration) throws {
        precondition(configuration.scale == ConvergenceLadder.name, "not a ladder configuration")
        self.configuration = configuration
        let suite = try SuiteRegistry.load(suite: configuration.suite, directory: configuration.suitesDirectory)
        ladder = try ScaleRegistry.loadLadder(directory: configuration.suitesDirectory)
        let pool = SharedPool(threads: configuration.threads ?? WorkerPool.availableCores)
        rungs = try ladder.rungs.map { scale in
            var rung = configuration
            rung.scale = scale.name
            return try BenchPipeline(rung, suite: suite, scale: scale, pool: { pool.pool })
        }
    }

    /// One worker pool for every rung, made when the first rung computes (status and the
    /// report start no threads).
    private final class SharedPool {
        let threads: Int
        lazy var pool = WorkerPool(threads: threads)
        init(threads: Int) { self.threads = threads }
    }

    public var suite: Suite { rungs[0].suite }
    public var store: ResultStore { rungs[0].store }

    /// The experiments `patterns` select (as `BenchPipeline.select`).
    public func select(_ patterns: [String]) throws -> [ExperimentSpec] {
        try rungs[0].select(patterns)
    }

    /// The pipeline of the rung `scale`.
    public func pipeline(of scale: Scale) -> BenchPipeline {
        guard let pipeline = rungs.first(where: { $0.scale == scale }) else { preconditionFailure("no rung \(scale.name)") }
        return pipeline
    }

    /// The plan of `specs` × the seeds × the rungs over `count` shards.
    public func plan(_ specs: [ExperimentSpec], count: Int) -> ShardPlan {
        ShardPlan(specs: specs, seeds: configuration.seeds.seeds, scales: ladder.rungs, count: count)
    }

    /// The number of trainings of `specs` over the whole ladder.
    public func trainingCount(_ specs: [ExperimentSpec]) -> Int {
        specs.count * configuration.seeds.count * rungs.count
    }

    /// The trainings of `specs` on every rung in run order, or those of one shard.
    public func trainings(_ specs: [ExperimentSpec], shard: ShardSelection?) throws -> [ShardPlan.Training] {
        if let shard { try ShardPlan.check(count: shard.count, trainings: trainingCount(specs), option: "--shard \(shard)") }
        return plan(specs, count: shard?.count ?? 1).shards[(shard?.index ?? 1) - 1]
    }

    /// `trainings` grouped by rung, in ladder order, rungs without trainings left out.
    public func byRung(_ trainings: [ShardPlan.Training]) -> [(pipeline: BenchPipeline, trainings: [ShardPlan.Training])] {
        rungs.compactMap { rung in
            let mine = trainings.filter { $0.scale == rung.scale }
            return mine.isEmpty ? nil : (rung, mine)
        }
    }

    /// Which trainings of `specs` on every rung have a result, split into `shardCount` shards.
    public func progress(_ specs: [ExperimentSpec], shardCount: Int) throws -> RunProgress {
        try RunProgress(plan: plan(specs, count: shardCount)) { try pipeline(of: $0.scale).isDone($0) }
    }

    /// The stale results of `trainings` that have no current result, rung by rung.
    public func staleResults(of trainings: [ShardPlan.Training]) throws -> [StaleResult] {
        try byRung(trainings).flatMap { try $0.pipeline.staleResults(of: $0.trainings) }
    }

    /// Each rung's stored results against the paper's tables and claims
    /// (`Baselines/<suite>/`), rungs without any result left out.
    public func convergence() throws -> ConvergenceStudy {
        var points: [ConvergenceStudy.Rung] = []
        for rung in rungs {
            let comparison: ComparisonReport
            do {
                comparison = try rung.compare(with: .paper, engineVersion: EngineVersion.current)
            } catch let error as BaselineError {
                throw PipelineError("the convergence report compares every rung with the suite's published values: \(error)")
            }
            guard comparison.resultCount > 0 else { continue }
            points.append(.init(scale: rung.scale, comparison: comparison))
        }
        var study = ConvergenceStudy(suite: suite.name, data: configuration.data, rungs: points, ladder: ladder)
        let experiments = Dictionary(suite.experiments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        study.specs = Dictionary(suite.entries.compactMap { entry in experiments[entry.experimentID].map { (entry.reproduces, $0) } },
                                 uniquingKeysWith: { a, _ in a })
        return study
    }

    /// `Reports/convergence-<data>` (the paper's suite) or `Reports/convergence-<suite>-<data>`.
    public var reportDirectory: URL {
        configuration.root.appendingPathComponent("Reports")
            .appendingPathComponent(ConvergenceReport.folderName(suite: configuration.suiteName, data: configuration.data))
    }

    /// Writes the convergence report of this engine version's stored results to
    /// `directory` (default `reportDirectory`), figures rendered with gnuplot when
    /// `render`. Throws `PipelineError` when no rung has results.
    public func report(to directory: URL? = nil, render: Bool) throws -> ReportBuilder.Output {
        try rungs[0].holdStore()
        let study = try convergence()
        guard !study.rungs.isEmpty else {
            throw PipelineError("no results of any rung of the ladder (\(ladder.rungs.map(\.name).joined(separator: ", "))) in \(store.directory.path); run `bench run --scale ladder <experiments>` first")
        }
        return try ConvergenceReport(study: study, environment: .current(root: configuration.root))
            .write(to: directory ?? reportDirectory, render: render, gnuplot: render ? GnuplotRenderer.locate() : nil)
    }
}
