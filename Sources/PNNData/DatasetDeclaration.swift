/// A user's data set as a suite file declares it (`datasets:`): which CSV files hold the
/// events, which columns are features, physics parameters, weight and process, how the
/// test set is split off and how features and parameters are scaled.
/// `DeclaredDatasetReader` reads it into training and test `EventDataset`s.
///
/// Paths may be relative (to the suite's folder, then to `--data-dir`) and may hold the
/// wildcards `*` and `?` in their last component; files are `.csv` or gzip-compressed
/// `.csv.gz`, with a header line naming the columns.
public struct DatasetDeclaration: Codable, Hashable, Sendable {
    /// Where the events are.
    public enum FileSet: Codable, Hashable, Sendable {
        /// Signal and background in separate files (each entry a path or pattern).
        case separate(signal: [String], background: [String])
        /// Both classes in the same files, told apart by a 1/0 column.
        case labelled(files: [String], label: String)

        public var patterns: [String] {
            switch self {
            case let .separate(signal, background): return signal + background
            case let .labelled(files, _): return files
            }
        }
    }

    /// Which columns are the network's features.
    public enum FeatureSelection: Codable, Hashable, Sendable {
        /// These columns, in this order.
        case columns([String])
        /// Every column of the first file, in file order, except the label, parameter,
        /// weight and process columns and these.
        case allExcept([String])
    }

    /// The signal parameter points.
    public enum PointSelection: Codable, Hashable, Sendable {
        /// The distinct parameter values of the signal events.
        case found
        /// A declared grid; every signal event must sit on one of its points.
        case declared([[Float]])
    }

    /// How the test set is made.
    public enum TestSplit: Codable, Hashable, Sendable {
        /// This fraction of each signal point's events and of the background, chosen by a
        /// fixed-seed permutation, so the split does not change with `--seed`.
        case fraction(Double)
        /// Separate files, laid out like the training files.
        case files(FileSet)
    }

    /// How parameters are given to networks (`ParameterScaling`).
    public enum Scaling: Codable, Hashable, Sendable {
        /// Divided by the grid's largest absolute value (`ParameterScaling.computed`).
        case computed
        /// Divided by these values, one per parameter (HEPMASS: 1000).
        case divisors([Float])
    }

    /// The key under `datasets:` that names it.
    public var name: String
    /// Free text, e.g. where the files come from; error messages about missing files
    /// repeat it. Not part of the data's identity.
    public var description: String?
    public var files: FileSet
    public var test: TestSplit
    public var features: FeatureSelection
    /// Parameter columns, one or more.
    public var parameters: [String]
    public var points: PointSelection
    /// Column of per-event weights (nil: every event weighs 1).
    public var weight: String?
    /// Column naming each background event's process, for per-process balancing.
    public var process: String?
    public var negativeWeights: NegativeWeightPolicy
    /// Standardise features with the training set's mean and standard deviation.
    public var standardize: Bool
    public var scaling: Scaling

    public init(name: String, files: FileSet, test: TestSplit = .fraction(0.25), features: FeatureSelection = .allExcept([]),
                parameters: [String], points: PointSelection = .found, weight: String? = nil, process: String? = nil,
                negativeWeights: NegativeWeightPolicy = .keep, standardize: Bool = true, scaling: Scaling = .computed,
                description: String? = nil) {
        self.name = name
        self.description = description
        self.files = files
        self.test = test
        self.features = features
        self.parameters = parameters
        self.points = points
        self.weight = weight
        self.process = process
        self.negativeWeights = negativeWeights
        self.standardize = standardize
        self.scaling = scaling
    }

    /// The declaration without what does not change the events (`description`), for
    /// fingerprints.
    public var identityPart: DatasetDeclaration {
        var d = self
        d.description = nil
        return d
    }
}
