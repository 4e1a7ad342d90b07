/// The true final state of one simulated event in the lab frame, before the detector:
/// stage 2 of `HEPMASSSimulator` (production and decay chain).
struct PartonLevelEvent {
    /// Transverse momentum of the tt̄ system's recoil against initial-state radiation;
    /// the detector stage counts it in ΣET and lets it raise the number of extra jets.
    var systemPt: Double
    /// The b quarks from top 1 and top 2.
    var b1: FourMomentum, b2: FourMomentum
    /// The quarks of the hadronically decaying W.
    var quark1: FourMomentum, quark2: FourMomentum
    /// The charged lepton and the neutrino of the leptonically decaying W.
    var lepton: FourMomentum, neutrino: FourMomentum
}
