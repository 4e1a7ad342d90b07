/// Version of everything that produces a result. It is part of every result's content
/// address, so a stored result is reused only by the engine that made it. Bump it with
/// any change that can alter a result file's bytes:
/// - trained weights: kernels' summation order, initialisation, random streams, the
///   optimiser, the loss, dropout, the batch sampler, the train/validation split;
/// - evaluation: the protocol's constants (`PaperProtocol`), the metrics' definitions,
///   the score histogram's bin rule, what a result records.
/// Not for changes that keep every byte: refactoring, speed at equal bits, reports,
/// figures, messages.
///
/// `resultFingerprints` pins each version's bits: `EngineFingerprintTests` trains and
/// evaluates every model kind on a tiny data set and hashes the result files (key and
/// version blanked). When that hash changes the test fails; the fix is a new version
/// here with its new fingerprint, never a new fingerprint for an old version.
public enum EngineVersion {
    public static let current = "1.0.0"

    /// Version → FNV-1a 64 (hex) of `EngineFingerprintTests`' results under it.
    public static let resultFingerprints: [String: String] = [
        "1.0.0": "943c98f82b93b44d",
    ]

    /// Version → model kind → fingerprint of that kind's results alone, for kinds added
    /// after the version's fingerprint was pinned. A new kind cannot change an existing
    /// result, so it extends the version (its keys are new) instead of bumping it; the
    /// test then pins the version's original kinds and each added kind separately.
    public static let addedKindFingerprints: [String: [String: String]] = [
        "1.0.0": ["affine-unit-scale": "86e8bdc0cfaac07b"],
    ]
}
