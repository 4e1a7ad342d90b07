/// Version of everything that produces a result. It is part of every result's content
/// address, so a stored result is reused only by the engine that made it. Bump it with
/// any change that can alter a result file's bytes:
/// - trained weights: kernels' summation order, initialisation, random streams, the
///   optimiser, the loss, dropout, the batch sampler, the train/validation split;
/// - evaluation: the protocol's constants (`PaperProtocol`), the metrics' definitions,
///   the score histogram's bin rule, what a result records.
/// Not for changes that keep every byte: refactoring, speed at equal bits, reports,
/// figures, messages.
public enum EngineVersion {
    public static let current = "1.0.0"
}
