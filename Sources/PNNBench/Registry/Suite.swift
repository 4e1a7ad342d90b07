import PNNData

/// A loaded, validated and expanded suite (`Suites/<name>.yaml`).
///
/// `experiments` are the networks to train, each once. `entries` are the rows of the
/// paper's tables and figures: one per experiment, plus one per `sameAs` entry, a row
/// reproduced by an experiment already declared elsewhere (Figure 13 shows Table 5's
/// baselines; the runner trains them once).
public struct Suite: Sendable {
    public var name: String
    /// The file the suite was read from, as shown in messages.
    public var file: String
    public var description: String?
    /// The publication the suite reproduces, with what of it ("Anzalone, … (2022) 035017:
    /// Tables 3, 4 and 5, …"); the report opens with "Reproduction of <publication>." and
    /// calls the suite's baseline the paper's. nil for other suites.
    public var publication: String?
    /// Every signal mass of the data set (GeV), ascending; `trainMasses` are subsets of it.
    public var masses: [Int]
    /// The tables and figures, in the order the file declares them.
    public var artifacts: [Artifact]
    /// The experiments to train, in file order (expanded matrices included); ids unique.
    public var experiments: [ExperimentSpec]
    /// Every row the suite reproduces, in file order: experiments and `sameAs` entries.
    public var entries: [SuiteEntry]
    /// The data sets the file declares (`datasets:`), by name.
    public var datasets: [String: DatasetDeclaration]
    /// The folder of the suite file, where declared data sets' relative paths are looked
    /// up first; nil for a suite parsed from text.
    public var directory: String?

    public struct Artifact: Codable, Hashable, Sendable {
        /// "table3", "fig14c", …
        public var id: String
        /// "Table 3: per-mass ROC-AUC on HEPMASS …", shown by `bench list`.
        public var title: String
    }

    public init(name: String, file: String, description: String?, masses: [Int], artifacts: [Artifact],
                experiments: [ExperimentSpec], entries: [SuiteEntry], datasets: [String: DatasetDeclaration] = [:],
                directory: String? = nil, publication: String? = nil) {
        self.name = name
        self.file = file
        self.description = description
        self.publication = publication
        self.masses = masses
        self.artifacts = artifacts
        self.experiments = experiments
        self.entries = entries
        self.datasets = datasets
        self.directory = directory
    }

    /// The experiment with this id, or the experiment a `sameAs` entry with this id reuses.
    public func experiment(id: String) -> ExperimentSpec? {
        guard let target = entries.first(where: { $0.id == id })?.experimentID else { return nil }
        return experiments.first { $0.id == target }
    }

    /// The experiment whose result fills this table or figure row.
    public func experiment(reproducing reference: PaperReference) -> ExperimentSpec? {
        guard let entry = entries.first(where: { $0.reproduces == reference }) else { return nil }
        return experiment(id: entry.experimentID)
    }

    /// The rows of one artifact, in file order.
    public func entries(of artifact: String) -> [SuiteEntry] {
        entries.filter { $0.reproduces.artifact == artifact }
    }

    /// The entries whose id matches any pattern, in file order. A pattern is an id, a glob
    /// (`*` any run of characters including `/`, `?` one character: "table5/*",
    /// "*/affine-*"), or an artifact id ("table4" = every row of Table 4). A pattern that
    /// matches nothing is an error naming it.
    public func selectEntries(patterns: [String]) throws -> [SuiteEntry] {
        var chosen = Set<String>()
        for pattern in patterns {
            let matches = entries.filter { Glob.matches(pattern, $0.id) || $0.reproduces.artifact == pattern }
            if matches.isEmpty {
                var message = "no experiment of suite '\(name)' matches '\(pattern)'"
                message += "; ids look like '\(entries.first?.id ?? "table3/single")', artifacts are \(artifacts.map(\.id).joined(separator: ", "))"
                message += " (try `bench list`)"
                throw SuiteError(.noMatch, file: file, line: nil, message)
            }
            chosen.formUnion(matches.map(\.id))
        }
        return entries.filter { chosen.contains($0.id) }
    }

    /// The experiments to train for a selection (see `selectEntries`): `sameAs` entries
    /// resolve to the experiment they reuse; each experiment appears once, in file order.
    public func select(patterns: [String]) throws -> [ExperimentSpec] {
        let ids = Set(try selectEntries(patterns: patterns).map(\.experimentID))
        return experiments.filter { ids.contains($0.id) }
    }
}

/// One row of a table or figure and the experiment whose result fills it.
public struct SuiteEntry: Codable, Hashable, Sendable {
    /// The entry's own id ("fig13/single").
    public var id: String
    public var reproduces: PaperReference
    /// The experiment trained for this row: `id` itself, or the `sameAs` target ("table5/single").
    public var experimentID: String
    public var description: String?

    /// Whether the row reuses an experiment declared under another id.
    public var isAlias: Bool { id != experimentID }

    public init(id: String, reproduces: PaperReference, experimentID: String, description: String? = nil) {
        self.id = id
        self.reproduces = reproduces
        self.experimentID = experimentID
        self.description = description
    }
}

/// Shell-style wildcard matching on whole strings: `*` any run (including `/`), `?` one character.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool { WildcardMatch.matches(pattern, text) }
}
