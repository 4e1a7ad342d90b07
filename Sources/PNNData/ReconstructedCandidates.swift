/// The intermediate states reconstructed from one simulated event's measured objects:
/// stage 4 of `HEPMASSSimulator`. Their masses are HEPMASS's five high-level features
/// f22–f26, in the order of the fields.
struct ReconstructedCandidates {
    /// The jet pair taken as W → qq′ (m_jj).
    var hadronicW: FourMomentum
    /// That pair plus the jet taken as its b (m_jjj).
    var hadronicTop: FourMomentum
    /// Lepton plus the neutrino solved from the W-mass constraint (m_ℓν).
    var leptonicW: FourMomentum
    /// ℓν plus the remaining jet (m_jℓν).
    var leptonicTop: FourMomentum
    /// All four jets, the lepton and the neutrino: the resonance candidate (m_WWbb).
    var wwbb: FourMomentum
}
