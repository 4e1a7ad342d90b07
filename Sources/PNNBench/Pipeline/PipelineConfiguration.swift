import Foundation

/// What a pipeline works on and where its files are: the suite, the scale and data by
/// name, the training seeds (replicates), the worker threads, and the project and work
/// folders.
public struct PipelineConfiguration: Sendable {
    /// `Suites/<suite>.yaml`, or the path of a suite file (ending in `.yaml`).
    public var suite: String
    /// A scale of `Suites/scales.yaml`.
    public var scale: String
    public var data: DataChoice
    /// Folder of the HEPMASS files (`--data hepmass`).
    public var dataDirectory: String?
    /// Seeds of the trainings (initialisation, shuffling, dropout, mass sampling, split):
    /// every experiment is trained once per seed on the same data.
    public var seeds: ReplicateSeeds
    /// Worker threads; nil = all cores. Results do not depend on it.
    public var threads: Int?
    /// The project folder holding `Suites/`, `Baselines/` and `Reports/`.
    public var root: URL
    /// Results and trained networks (`results/`, `models/`).
    public var workDirectory: URL

    public init(suite: String, scale: String, data: DataChoice, dataDirectory: String?, seeds: ReplicateSeeds, threads: Int?,
                root: URL, workDirectory: URL) {
        self.suite = suite
        self.scale = scale
        self.data = data
        self.dataDirectory = dataDirectory
        self.seeds = seeds
        self.threads = threads
        self.root = root
        self.workDirectory = workDirectory
    }

    /// The seed of figures that show one training (t-SNE, training curves).
    public var firstSeed: UInt64 { seeds.first }

    public var suitesDirectory: URL { root.appendingPathComponent("Suites") }
    /// The suite file when `suite` is a path (`…/name.yaml`), else nil.
    public var suiteFile: URL? { suite.hasSuffix(".yaml") ? URL(fileURLWithPath: suite) : nil }
    /// The suite's name: `suite`, or the file name without `.yaml` when it is a path.
    public var suiteName: String { suiteFile.map { $0.deletingPathExtension().lastPathComponent } ?? suite }
    public var baselinesDirectory: URL { root.appendingPathComponent("Baselines") }
    public var resultsDirectory: URL { workDirectory.appendingPathComponent("results") }
    public var modelsDirectory: URL { workDirectory.appendingPathComponent("models") }
    /// What the report keeps between runs (t-SNE embeddings).
    public var cacheDirectory: URL { workDirectory.appendingPathComponent("cache") }
    /// `Reports/<suite>-<data>-<scale>`, where a report goes unless told otherwise.
    public var reportDirectory: URL {
        root.appendingPathComponent("Reports")
            .appendingPathComponent(ReportBuilder.folderName(suite: suiteName, data: data.rawValue, scale: scale))
    }
}
