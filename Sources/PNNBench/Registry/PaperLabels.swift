import PNNData
import PNNEngine

// How the paper's tables spell the experiment choices. Row labels of Tables 3–5 are
// "<Kind> | <Mass distribution>", where Kind is the model's label followed by the
// balance suffix ("pNN (class)", "Affine (full)"; no suffix without balancing) and the
// mass distribution is the background-mass label ("Identical (fixed)", …, "None" for the
// non-parametric baselines). Suite templates reach these through `{model:label}`,
// `{balance:suffix}`, `{backgroundMass:label}` (see `Suites/README.md`).

extension ModelKind {
    /// "Single-NN", "Individual-NNs", "pNN", "pNN (linear)", "Affine"; the remedy
    /// "Affine unit-scale", which the paper does not have.
    public var paperLabel: String {
        switch self {
        case .single: return "Single-NN"
        case .individual: return "Individual-NNs"
        case .pnn: return "pNN"
        case .pnnLinear: return "pNN (linear)"
        case .affine: return "Affine"
        case .affineUnitScale: return "Affine unit-scale"
        case .conditioned: return "Conditioned"
        }
    }
}

extension ConditioningKind {
    /// "Concat", "Biasing", "Scaling", "Affine" (the conditioning study's names).
    public var paperLabel: String { self == .none ? "None" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension BackgroundMassMode {
    /// "Identical (fixed)", "Identical (sampled)", "Uniform (fixed)", "Uniform (sampled)".
    public var paperLabel: String {
        "\(distribution.rawValue.capitalized) (\(assignment.rawValue))"
    }
}

extension BalanceMode {
    /// "" for no balancing, else " (class)", " (signal)", " (background)", " (full)":
    /// what the paper appends to the model kind.
    public var paperSuffix: String { self == .none ? "" : " (\(rawValue))" }

    /// "no balance", "class", "signal", "background", "full".
    public var paperLabel: String { self == .none ? "no balance" : rawValue }
}

extension DatasetKind {
    /// "HEPMASS", "HEPMASS-IMB", or a declared data set's name.
    public var paperLabel: String {
        switch self {
        case .hepmass: return "HEPMASS"
        case .hepmassIMB: return "HEPMASS-IMB"
        default: return rawValue
        }
    }
}
