/// Conditional biasing on the mass:  z = h + (W·m + b), with W, b ∈ ℝᴰ.
///
/// A Dense map of the mass added to the hidden units; equivalent to concatenating m to
/// the input of the preceding Dense layer (paper §2.2).
public final class ConditionalBiasing: MassConditioningLayer {
    public init(name: String, width: Int) {
        super.init(name: name, width: width, scaling: false, biasing: true)
    }
}
