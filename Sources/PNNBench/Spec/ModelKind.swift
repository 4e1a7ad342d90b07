import PNNEngine

/// What is trained for an experiment.
public enum ModelKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// One non-parametric network on every signal mass against all background (Table 3/5 "Single-NN").
    case single
    /// One non-parametric network per signal mass, each on that mass's signal against all
    /// background and evaluated at its own mass ("Individual-NNs").
    case individual
    /// Baldi's concatenation pNN.
    case pnn
    /// The same with linear activations ("pNN (linear)").
    case pnnLinear = "pnn-linear"
    /// The AffinePNN of the paper's Table 2.
    case affine
    /// The same network with every scaling map starting near the identity, b_s = 1
    /// (`ArchitectureSpec.scaleBiasInitial`): a remedy for the AffinePNN's collapses and
    /// its weak lowest mass (`Suites/affine-init.yaml`), not the paper's recipe.
    case affineUnitScale = "affine-unit-scale"
    /// A parametric network whose conditioning mechanism and placement are the
    /// experiment's `conditioning` and `place` (the authors' conditioning study).
    case conditioned

    /// The engine architecture of one network of this kind at the paper's sizes; nil for
    /// `conditioned`, whose architecture the experiment's `conditioning` and `place` give.
    public var architecture: ArchitectureSpec? {
        switch self {
        case .single, .individual: return PaperArchitecture.single.spec
        case .pnn: return PaperArchitecture.pnn.spec
        case .pnnLinear: return PaperArchitecture.pnnLinear.spec
        case .affine: return PaperArchitecture.affine.spec
        case .affineUnitScale:
            var spec = PaperArchitecture.affine.spec
            spec.scaleBiasInitial = 1
            return spec
        case .conditioned: return nil
        }
    }

    /// Whether the networks take the mass as input.
    public var isParametric: Bool { architecture?.isParametric ?? true }
}
