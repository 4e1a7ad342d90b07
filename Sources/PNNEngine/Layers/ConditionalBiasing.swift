/// Conditional biasing on the physics parameters m ∈ ℝᵖ:
///
///     z = h + (m·W + b),   W ∈ ℝ^(p×D), b ∈ ℝᴰ
///
/// A Dense map of the parameters added to the hidden units; equivalent to concatenating m
/// to the input of the preceding Dense layer (paper §2.2).
public final class ConditionalBiasing: MassConditioningLayer {
    /// `massWidth`: p, the parameters per event (1: the mass alone).
    public init(name: String, width: Int, massWidth: Int = 1) {
        super.init(name: name, width: width, massWidth: massWidth, scaling: false, biasing: true)
    }
}
