import PNNData

/// Everything in an experiment that determines how its networks are trained. With a
/// scale, a data set and a seed it fixes the result: two experiments with equal
/// definitions train the same networks (the registry then asks for `sameAs`), and the
/// result key hashes it whole (`ResultStore.key`), so a field added here is at once part
/// of the key, of the result file and of the duplicate check.
///
/// Every field is explicit: there are no defaults, so a caller that builds a definition
/// by hand (e.g. `bench calibrate`) says what a suite file would say.
public struct TrainingDefinition: Codable, Hashable, Sendable {
    public var dataset: DatasetKind
    public var model: ModelKind
    /// How background events get a mass feature (paper §4.2). Non-parametric models do
    /// not read it; the registry records them as identical-fixed, HEPMASS's own.
    public var backgroundMass: BackgroundMassMode
    /// Mini-batch balancing (paper §4.3).
    public var balance: BalanceMode
    /// Signal masses (GeV) seen in training; nil = all. Evaluation always uses every mass.
    public var trainMasses: [Int]?
    /// Dropout and L2 as in the paper (true), or neither (Figure 14c's unregularised pNN).
    public var regularized: Bool
    /// Overrides the scale's batch size (e.g. the paper's larger batches for interpolation).
    public var batchSize: Int?

    public init(dataset: DatasetKind, model: ModelKind, backgroundMass: BackgroundMassMode, balance: BalanceMode,
                trainMasses: [Int]?, regularized: Bool, batchSize: Int?) {
        self.dataset = dataset
        self.model = model
        self.backgroundMass = backgroundMass
        self.balance = balance
        self.trainMasses = trainMasses
        self.regularized = regularized
        self.batchSize = batchSize
    }
}
