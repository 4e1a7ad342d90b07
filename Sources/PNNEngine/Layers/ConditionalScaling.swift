/// Conditional scaling on the physics parameters m ∈ ℝᵖ:
///
///     z = h ⊙ (m·W + b),   W ∈ ℝ^(p×D), b ∈ ℝᴰ
///
/// A parameter-dependent gain per hidden unit (paper §2.2).
public final class ConditionalScaling: MassConditioningLayer {
    /// `massWidth`: p, the parameters per event (1: the mass alone).
    public init(name: String, width: Int, massWidth: Int = 1) {
        super.init(name: name, width: width, massWidth: massWidth, scaling: true, biasing: false)
    }
}
