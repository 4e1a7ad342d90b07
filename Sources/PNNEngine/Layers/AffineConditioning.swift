/// Affine conditioning on the physics parameters m ∈ ℝᵖ (paper eq. 1):
///
///     z = h ⊙ (m·W_s + b_s) + (m·W_b + b_b),   W_s, W_b ∈ ℝ^(p×D), b_s, b_b ∈ ℝᴰ
///
/// The two maps of m are Dense layers p → D with linear activation (four parameter
/// tensors: two kernels of p·D values, two biases of D). Combines conditional scaling and
/// conditional biasing.
public final class AffineConditioning: MassConditioningLayer {
    /// `massWidth`: p, the parameters per event (1: the mass alone).
    public init(name: String, width: Int, massWidth: Int = 1) {
        super.init(name: name, width: width, massWidth: massWidth, scaling: true, biasing: true)
    }
}
