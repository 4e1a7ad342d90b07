import Foundation
import PNNData
import PNNEngine

/// Everything a figure builder may read: the suite's row results (rows reusing another
/// experiment included), their timings, the scale and data, a data provider for the
/// data-set figures, and the folder of trained networks' checkpoints.
public struct FigureContext {
    public var suite: Suite
    /// One result per suite row (see `Suite.rowResults`), of the first seed: what figures
    /// of one training draw.
    public var results: [RunResult]
    /// The row results of every seed; figures with replicate spread draw these.
    public var replicates: ReplicateResults
    public var timings: [String: RunTiming]
    /// The phases of the last `bench all` of this suite, scale and data, up to its report
    /// (`RunPhases.Summary.stored`); nil when none ran into this work folder.
    public var runPhases: RunPhases.Summary?
    public var scale: Scale
    /// The first seed (that of `results`).
    public var seed: UInt64
    /// Builds or loads the experiment data (for distributions, correlations, t-SNE inputs).
    public var provider: DatasetProvider?
    /// `<work-dir>/models/`: checkpoints named by result key (see `ExperimentRunner.checkpointName`).
    public var modelsDirectory: URL?
    /// Where figures keep what is costly to recompute (t-SNE embeddings, `EmbeddingCache`); nil: nothing kept.
    public var cacheDirectory: URL?
    /// The run's worker pool, for figures that compute (t-SNE); nil: they make their own.
    public var pool: WorkerPool?

    /// `replicates` nil: `results` are the only seed's.
    public init(suite: Suite, results: [RunResult], replicates: ReplicateResults? = nil, timings: [String: RunTiming],
                scale: Scale, seed: UInt64, provider: DatasetProvider?, modelsDirectory: URL?, cacheDirectory: URL? = nil,
                pool: WorkerPool? = nil) {
        self.suite = suite
        self.results = results
        self.replicates = replicates ?? ReplicateResults(seeds: [seed], results: results.filter { $0.seed == seed })
        self.timings = timings
        self.scale = scale
        self.seed = seed
        self.provider = provider
        self.modelsDirectory = modelsDirectory
        self.cacheDirectory = cacheDirectory
        self.pool = pool
    }

    /// The result of the row `row` of `artifact`, if it ran.
    public func result(_ artifact: String, _ row: String) -> RunResult? {
        results.first { $0.spec.reproduces == PaperReference(artifact: artifact, row: row) }
    }

    /// Every result of an artifact, in suite order.
    public func results(_ artifact: String) -> [RunResult] {
        results.filter { $0.spec.reproduces.artifact == artifact }
    }

    /// The results of every seed of the row `row` of `artifact`, in seed order.
    public func replicates(_ artifact: String, _ row: String) -> [RunResult] {
        replicates.all.filter { $0.spec.reproduces == PaperReference(artifact: artifact, row: row) }
    }
}

/// What a figure builder produced: figures, and the figures it left out with the reason
/// (e.g. an experiment that was not run) — the report lists those instead of drawing
/// empty plots.
public struct FigureOutcome {
    public var figures: [GnuplotFigure] = []
    public var omitted: [(name: String, reason: String)] = []

    public init(figures: [GnuplotFigure] = [], omitted: [(name: String, reason: String)] = []) {
        self.figures = figures
        self.omitted = omitted
    }

    public mutating func append(_ other: FigureOutcome) {
        figures += other.figures
        omitted += other.omitted
    }
}
