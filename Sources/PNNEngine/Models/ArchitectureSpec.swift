/// How the mass enters the network.
public enum ConditioningKind: String, Codable, Sendable, CaseIterable {
    /// No mass input (the single NN and individual NNs of Table 3).
    case none
    /// Baldi's pNN: the mass is concatenated to the input of a Dense layer.
    case concat
    /// z = h + (W·m + b) after the block's activation.
    case biasing
    /// z = h ⊙ (W·m + b) after the block's activation.
    case scaling
    /// z = h ⊙ (W_s·m + b_s) + (W_b·m + b_b) (paper eq. 1).
    case affine
}

/// Which hidden blocks are conditioned.
public enum ConditioningPlace: String, Codable, Sendable, CaseIterable {
    case start, end, all
}

/// A small value type that fully determines a model: from it the builder makes the
/// layers, the parameter names and shapes, and their initial values (with a seed).
///
/// Hidden block k (units u_k, input width d_k):
///
///     [ConcatConditioning if concat at k] → Dense(u_k, activation)
///       → [Biasing | Scaling | AffineConditioning if conditioned at k] → Dropout(rate)
///
/// then Dense(1, sigmoid). With the defaults this is the paper's Table 2 (`affine`) and
/// Baldi's pNN (`pnn`): dropout after each conditioning layer, resp. after each ReLU.
public struct ArchitectureSpec: Codable, Hashable, Sendable {
    public var inputFeatures: Int
    public var hiddenUnits: [Int]
    public var activation: Activation
    public var conditioning: ConditioningKind
    public var conditioningPlace: ConditioningPlace
    public var dropoutRate: Float
    public var l2Kernel: Float
    public var l2Bias: Float

    public init(inputFeatures: Int = 27, hiddenUnits: [Int] = [300, 150, 100, 50], activation: Activation = .relu,
                conditioning: ConditioningKind, conditioningPlace: ConditioningPlace = .all,
                dropoutRate: Float = 0.25, l2Kernel: Float = 1e-4, l2Bias: Float = 1e-5) {
        self.inputFeatures = inputFeatures
        self.hiddenUnits = hiddenUnits
        self.activation = activation
        self.conditioning = conditioning
        self.conditioningPlace = conditioningPlace
        self.dropoutRate = dropoutRate
        self.l2Kernel = l2Kernel
        self.l2Bias = l2Bias
    }

    /// Whether hidden block `k` (0-based) of `count` is conditioned on the mass.
    public func isConditioned(block k: Int) -> Bool {
        guard conditioning != .none else { return false }
        switch conditioningPlace {
        case .start: return k == 0
        case .end: return k == hiddenUnits.count - 1
        case .all: return true
        }
    }

    /// Whether the network takes the mass at all.
    public var isParametric: Bool { conditioning != .none }
}

/// The named architectures of the paper.
public enum PaperArchitecture: String, Codable, Sendable, CaseIterable {
    /// No mass input: single NN and individual NNs (Table 3 baselines).
    case single
    /// Baldi's pNN: [x, m] at the input, ReLU, dropout after each ReLU.
    case pnn
    /// The same with linear activations (Table 3's "pNN (linear)" baseline).
    case pnnLinear = "pnn-linear"
    /// AffinePNN (Table 2): Dense → AffineConditioning → Dropout, four blocks.
    case affine

    public var spec: ArchitectureSpec {
        switch self {
        case .single: return ArchitectureSpec(conditioning: .none)
        case .pnn: return ArchitectureSpec(conditioning: .concat, conditioningPlace: .start)
        case .pnnLinear: return ArchitectureSpec(activation: .linear, conditioning: .concat, conditioningPlace: .start)
        case .affine: return ArchitectureSpec(conditioning: .affine, conditioningPlace: .all)
        }
    }
}
