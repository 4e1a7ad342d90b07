/// One signal hypothesis of the HEPMASS-SIM generator: the X resonance's mass m_X in GeV
/// and its relative width Γ_X / m_X. The tt̄ system mass of a signal event is drawn from
/// a Breit–Wigner with pole m_X and full width Γ_X = `relativeWidth` · m_X, truncated to
/// ±`SimulationParameters.lineShapeCut` · Γ_X (and kept above the t t̄ threshold).
public struct SignalPoint: Hashable, Sendable {
    /// m_X in GeV.
    public var mass: Double
    /// Γ_X / m_X.
    public var relativeWidth: Double

    public init(mass: Double, relativeWidth: Double) {
        self.mass = mass
        self.relativeWidth = relativeWidth
    }
}
