import PNNData
import PNNEngine

/// Everything in an experiment that determines how its networks are trained. With a
/// scale, a data set and a seed it fixes the result: two experiments with equal
/// definitions train the same networks (the registry then asks for `sameAs`), and the
/// result key hashes it whole (`ResultStore.key`), so a field added here is at once part
/// of the key, of the result file and of the duplicate check.
///
/// Every field of the paper's experiments is explicit, so a caller that builds a definition
/// by hand (e.g. `bench calibrate`) says what a suite file would say; only the conditioning
/// study's `conditioning` and `place` default to nil.
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
    /// For a declared data set, the parameter points seen in training (p values each);
    /// nil = all (and then absent from the key and the result file).
    public var trainPoints: [[Double]]?
    /// Dropout and L2 as in the paper (true), or neither (Figure 14c's unregularised pNN).
    public var regularized: Bool
    /// Overrides the scale's batch size (e.g. the paper's larger batches for interpolation).
    public var batchSize: Int?
    /// For `model: conditioned`, the mechanism and where it acts; nil for every other
    /// model (and then absent from the key and the result file).
    public var conditioning: ConditioningKind?
    public var place: ConditioningPlace?

    public init(dataset: DatasetKind, model: ModelKind, backgroundMass: BackgroundMassMode, balance: BalanceMode,
                trainMasses: [Int]?, regularized: Bool, batchSize: Int?,
                conditioning: ConditioningKind? = nil, place: ConditioningPlace? = nil, trainPoints: [[Double]]? = nil) {
        self.dataset = dataset
        self.model = model
        self.backgroundMass = backgroundMass
        self.balance = balance
        self.trainMasses = trainMasses
        self.trainPoints = trainPoints
        self.regularized = regularized
        self.batchSize = batchSize
        self.conditioning = conditioning
        self.place = place
    }

    /// The engine architecture of one network: the model's (or, for `conditioned`, the
    /// declared mechanism at the declared place) with the paper's hyperparameters, and
    /// without dropout and L2 when unregularised. `architecture(features:parameters:)`
    /// sizes it for a declared data set.
    public var architecture: ArchitectureSpec { architecture(features: HEPMASSSchema.featureCount, parameters: 1) }

    /// The architecture for events of `features` features and `parameters` parameters.
    public func architecture(features: Int, parameters: Int) -> ArchitectureSpec {
        var a = model.architecture
            ?? ArchitectureSpec(conditioning: conditioning ?? .concat, conditioningPlace: place ?? .start)
        a.inputFeatures = features
        a.physicsParameters = parameters
        if !regularized {
            a.dropoutRate = 0
            a.l2Kernel = 0
            a.l2Bias = 0
        }
        return a
    }
}
