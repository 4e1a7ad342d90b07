import PNNData

/// How much data and training an experiment gets (`Suites/scales.yaml`).
///
/// On the simulator, `trainEvents`/`testEvents` are the sizes generated (before the 75/25
/// train/validation split; HEPMASS-IMB is then built from the training part with its
/// signal counts scaled by trainEvents / 7M). On real HEPMASS they cap the events read
/// (nil: the whole files, as the paper did).
public struct Scale: Codable, Hashable, Sendable {
    public var name: String
    public var trainEvents: Int?
    public var testEvents: Int?
    public var epochs: Int
    public var batchSize: Int
    /// How HEPMASS-IMB's signal shrinks with `trainEvents` (`IMBSignal`); nil is `scaled`,
    /// so a scale that does not name it keeps the result keys it had before the field.
    public var imbSignal: IMBSignal?
    /// Shown by `bench list` and in the report.
    public var description: String?

    public init(name: String, trainEvents: Int?, testEvents: Int?, epochs: Int, batchSize: Int,
                imbSignal: IMBSignal? = nil, description: String? = nil) {
        self.name = name
        self.trainEvents = trainEvents
        self.testEvents = testEvents
        self.epochs = epochs
        self.batchSize = batchSize
        self.imbSignal = imbSignal == .scaled ? nil : imbSignal
        self.description = description
    }

    /// The HEPMASS-IMB signal policy in force.
    public var imbSignalPolicy: IMBSignal { imbSignal ?? .scaled }
}
