/// Affine conditioning on the mass (paper eq. 1):
///
///     z = h ⊙ (W_s·m + b_s) + (W_b·m + b_b)
///
/// The two maps of m are Dense layers 1 → D with linear activation (four parameter
/// tensors of D values each). Combines conditional scaling and conditional biasing.
public final class AffineConditioning: MassConditioningLayer {
    public init(name: String, width: Int) {
        super.init(name: name, width: width, scaling: true, biasing: true)
    }
}
