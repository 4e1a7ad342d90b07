/// Conditional scaling on the mass:  z = h ⊙ (W·m + b), with W, b ∈ ℝᴰ.
///
/// A mass-dependent gain per hidden unit (paper §2.2).
public final class ConditionalScaling: MassConditioningLayer {
    public init(name: String, width: Int) {
        super.init(name: name, width: width, scaling: true, biasing: false)
    }
}
