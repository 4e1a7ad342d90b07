/// The masses of one simulated event's decay chain X (or tt̄) → t t̄ → W⁺b W⁻b̄, in GeV:
/// stage 1 of `HEPMASSSimulator`, drawn once so that every later stage sees the same
/// off-shell masses (the tops' masses fix their decay kinematics, the W's theirs).
struct DecayChainMasses {
    /// The two tops; top 1 is the first drawn, not necessarily the t.
    var top1: Double, top2: Double
    /// The W from top 1 and the W from top 2.
    var w1: Double, w2: Double
    /// The tt̄ system: m_X's line shape for signal, the falling m_tt̄ spectrum for
    /// background, always above top1 + top2.
    var system: Double
}
