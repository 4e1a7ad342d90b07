/// The metrics of one signal mass hypothesis m_i (or of the whole input when it has no
/// masses), as produced by `PerMassEvaluation`.
public struct MassPointResult: Codable, Equatable, Sendable {
    /// m_i, or nil when the input carried no masses.
    public let mass: Double?
    /// Factor applied to every background weight so that Σw_bkg = Σw_sig
    /// (1/5 on HEPMASS's test set with five masses; 1 when balancing is off).
    public let backgroundScale: Double
    public let metrics: ClassificationMetrics
    /// Bootstrap intervals, when requested.
    public let intervals: Bootstrap.Intervals?
}
