import PNNData

/// One experiment, fully resolved: everything that, with a scale, a data source and a
/// seed, determines its result. Suites in `Suites/*.yaml` expand into these.
public struct ExperimentSpec: Codable, Hashable, Sendable {
    /// Unique id, e.g. "table3/affine-identical-fixed".
    public var id: String
    /// The table or figure and row this experiment reproduces.
    public var reproduces: PaperReference
    public var dataset: DatasetKind
    public var model: ModelKind
    /// How background events get a mass feature (paper §4.2); ignored by non-parametric models.
    public var backgroundMass: BackgroundMassMode
    /// Mini-batch balancing (paper §4.3).
    public var balance: BalanceMode
    /// Signal masses (GeV) seen in training; nil = all. Evaluation always uses every mass.
    public var trainMasses: [Int]?
    /// Dropout and L2 as in the paper (true), or neither (Figure 14c's unregularised pNN).
    public var regularized: Bool
    /// Overrides the scale's batch size (e.g. the paper's larger batches for interpolation).
    public var batchSize: Int?
    /// Free text shown in listings and the report.
    public var description: String?

    public init(id: String, reproduces: PaperReference, dataset: DatasetKind, model: ModelKind,
                backgroundMass: BackgroundMassMode = .identicalSampled, balance: BalanceMode = .none,
                trainMasses: [Int]? = nil, regularized: Bool = true, batchSize: Int? = nil, description: String? = nil) {
        self.id = id
        self.reproduces = reproduces
        self.dataset = dataset
        self.model = model
        self.backgroundMass = backgroundMass
        self.balance = balance
        self.trainMasses = trainMasses
        self.regularized = regularized
        self.batchSize = batchSize
        self.description = description
    }
}
