import PNNData

/// The scales a convergence study runs, in increasing training budget: `--scale ladder`
/// trains, shards, submits and reports every rung at once (the `ladder:` list of
/// `Suites/scales.yaml`).
///
/// A rung's budget is its training event-epochs
///
///     B = f · N · E,   f = 0.75 (the train/validation split), N = trainEvents (HEPMASS's
///                      7M when null), E = epochs,
///
/// the passes over the HEPMASS training part that every data set of the paper is drawn
/// from. It is one number per rung, so every cell and claim of a rung sits at the same
/// abscissa; the events each network actually saw are in its results' conditions.
public struct ConvergenceLadder: Equatable, Sendable {
    /// The reserved `--scale` name (and key of `scales.yaml`) of the ladder.
    public static let name = "ladder"

    /// The rungs, strictly increasing in `eventEpochs`.
    public var rungs: [Scale]

    public init(rungs: [Scale]) {
        self.rungs = rungs
    }

    /// B of `scale`, in event-epochs.
    public static func eventEpochs(_ scale: Scale) -> Double {
        TrainValidationSplit.paperTrainFraction * Double(scale.trainEvents ?? DatasetProvider.hepmassTrainEvents) * Double(scale.epochs)
    }

    /// The rung called `name`, if it is one.
    public func rung(_ name: String) -> Scale? { rungs.first { $0.name == name } }
}
