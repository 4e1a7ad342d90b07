/// What one network saw while it trained: the events per training point in its training
/// and validation parts, and its optimiser budget. A result's numbers mean something only
/// together with these: a pNN whose 1500 GeV signal is 43 events is not the paper's
/// network, however well it was trained. Event counts are events, not weights.
///
///     optimizerSteps = epochs · stepsPerEpoch,   eventEpochs = epochs · (Σ_p trainingSignal_p + trainingBackground)
public struct TrainingConditions: Codable, Equatable, Sendable {
    /// One training point: its id (`MassResult.mass`: the mass in GeV, or a declared
    /// point's id) and its signal events in each part.
    public struct PointEvents: Codable, Equatable, Sendable {
        public var mass: Int
        public var trainingSignal: Int
        public var validationSignal: Int

        public init(mass: Int, trainingSignal: Int, validationSignal: Int) {
            self.mass = mass
            self.trainingSignal = trainingSignal
            self.validationSignal = validationSignal
        }
    }

    /// The network's training points, in point order.
    public var points: [PointEvents]
    /// Background events the batch sampler drew from, and those of the validation part.
    public var trainingBackground: Int
    public var validationBackground: Int
    public var epochs: Int
    public var batchSize: Int
    public var stepsPerEpoch: Int
    public var optimizerSteps: Int

    public init(points: [PointEvents], trainingBackground: Int, validationBackground: Int, epochs: Int, batchSize: Int, stepsPerEpoch: Int) {
        self.points = points
        self.trainingBackground = trainingBackground
        self.validationBackground = validationBackground
        self.epochs = epochs
        self.batchSize = batchSize
        self.stepsPerEpoch = stepsPerEpoch
        optimizerSteps = epochs * stepsPerEpoch
    }

    /// Training events (signal of the training points and background) times epochs: the
    /// budget the convergence ladder's axis counts.
    public var eventEpochs: Double {
        Double(epochs) * Double(points.reduce(trainingBackground) { $0 + $1.trainingSignal })
    }
}
