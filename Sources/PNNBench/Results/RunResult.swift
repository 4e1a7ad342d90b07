import PNNMetrics

/// Everything one experiment produced, as stored in `.bench/results/<key>.json`.
///
/// It holds no wall-clock times (they live in `RunTiming`, a separate file), so that two
/// runs with the same inputs write byte-identical result files.
public struct RunResult: Codable, Equatable, Sendable {
    /// Content address: hash of spec, scale, data identity, seed and engine version.
    public var key: String
    public var spec: ExperimentSpec
    public var scale: Scale
    public var data: DataIdentity
    public var seed: UInt64
    public var engineVersion: String
    /// Test metrics per signal mass, ascending mass.
    public var perMass: [MassResult]
    /// Plain means over masses.
    public var average: Averages
    /// One record per network trained (five for individual NNs).
    public var training: [TrainingRecord]

    public struct MassResult: Codable, Equatable, Sendable {
        /// The signal mass in GeV; for a declared data set the point's id
        /// (`ParameterPoint.ids`: its value, or its position when `point` is given).
        public var mass: Int
        /// The parameter values of a point whose id is a position (several parameters, or
        /// values that are not whole numbers), each the shortest decimal of the data's Float
        /// (0.1, not 0.10000000149); nil otherwise, and then not written.
        public var point: [Double]? = nil
        public var rocAUC: Double
        public var prAUC: Double
        public var sigmaRatio: Double
        public var sigmaRatioBinned: Double
        public var bestCut: Double
        public var bestCutBinned: Double
        public var signalCount: Int
        public var backgroundCount: Int
        /// Downsampled curves for plots (areas above are computed on the full curves).
        public var rocCurve: Curve
        public var prCurve: Curve
        /// Score histograms (`ScoreHistogram`: the binned scan's equal bins on [0, 1]) of
        /// signal and balanced background, weights as in the evaluation; the
        /// class-separation figure draws them and their `SignificanceCurve`.
        public var signalHistogram: [Double]
        public var backgroundHistogram: [Double]
    }

    public struct Averages: Codable, Equatable, Sendable {
        public var rocAUC: Double
        public var prAUC: Double
        public var sigmaRatio: Double
        public var sigmaRatioBinned: Double
    }

    public struct TrainingRecord: Codable, Equatable, Sendable {
        /// The signal mass of an individual NN; nil for a network trained on all its masses.
        public var mass: Int?
        public var parameters: Int
        public var history: [EpochRecord]
        /// 1-based epoch whose weights were kept (best validation ROC-AUC).
        public var bestEpoch: Int
        /// The events and steps the network trained on; nil in results written before they
        /// were recorded (and then not written).
        public var conditions: TrainingConditions? = nil
    }

    public struct EpochRecord: Codable, Equatable, Sendable {
        public var epoch: Int
        /// Mean training loss over the epoch's steps (cross-entropy + L2).
        public var trainLoss: Double
        /// Validation ROC-AUC, mean over masses (paper §4.3.1).
        public var validationAUC: Double
    }
}

/// Which data an experiment ran on, precisely enough to tell results apart.
public struct DataIdentity: Codable, Hashable, Sendable {
    /// "sim" (HEPMASS-SIM) or "hepmass" (files on disk).
    public var source: String
    /// Human-readable, e.g. "HEPMASS-SIM (balanced), 400000 train / 200000 test events".
    public var description: String
    /// Fingerprint of the data: generator parameters and seed, or the files' checksums.
    public var fingerprint: String
}

/// Wall-clock times of a run, kept beside its result (`<key>.timing.json`).
public struct RunTiming: Codable, Equatable, Sendable {
    public var trainingSeconds: Double
    public var evaluationSeconds: Double
    public var samplesPerSecond: Double
    public var threads: Int
}
