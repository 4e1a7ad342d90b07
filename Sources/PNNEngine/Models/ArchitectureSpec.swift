/// How the physics parameters m ∈ ℝᵖ of an event (a row of the mass input, p =
/// `ArchitectureSpec.physicsParameters`) enter the network: the mechanism applied at each
/// conditioning point. The maps of m are linear, m·W + b with W ∈ ℝ^(p×D) in Keras' kernel
/// layout (Dense(D) on p inputs), as wide (D) as what they condition.
public enum ConditioningKind: String, Codable, Sendable, CaseIterable {
    /// No mass input (the single NN and individual NNs of Table 3).
    case none
    /// z = [h, m]: the p parameters become p more inputs of the next Dense layer (Baldi's
    /// pNN at the input).
    case concat
    /// z = h + (m·W + b).
    case biasing
    /// z = h ⊙ (m·W + b).
    case scaling
    /// z = h ⊙ (m·W_s + b_s) + (m·W_b + b_b) (paper eq. 1).
    case affine
}

/// Which conditioning points get the mechanism, as the paper authors' conditioning study
/// applies them (Anzalone et al., Luca96/affine-parametric-networks).
public enum ConditioningPlace: String, Codable, Sendable, CaseIterable {
    /// The input features x only, before the first Dense layer.
    case start
    /// Once, after the last hidden block: the last point of `all`.
    case end
    /// After every hidden block; the input is not conditioned.
    case all
}

/// Where a conditioning layer can sit.
public enum ConditioningPoint: Hashable, Sendable {
    /// The input features x, before `dense0`.
    case input
    /// Hidden block k's activations, before its dropout.
    case block(Int)
}

/// A small value type that fully determines a model: from it the builder makes the
/// layers, the parameter names and shapes, and their initial values (with a seed).
///
/// With n hidden blocks of u_k units, the layers in order are
///
///     [C(input)]                                                 start
///     for k in 0..<n:  Dense_k(u_k, activation) → [C(block k)] → Dropout_k(rate)
///                                                                all: every k; end: k = n−1
///     Dense(1, sigmoid)
///
/// where C is the conditioning layer of the kind, fed the row m ∈ ℝᵖ of p =
/// `physicsParameters` physics parameters of each event (the mass alone: p = 1; a 2-D grid
/// (m_X, m_Y): p = 2). Concat adds the p parameters as p more inputs of the next Dense
/// layer; biasing, scaling and affine keep the width D (`inputFeatures` at the input, u_k
/// at block k), each map m·W + b having a p × D kernel and D biases. The inputs get no
/// dropout; at a block the dropout follows the conditioning ("after the ReLU, before
/// dropout"), so after a concat it can drop the parameter columns too, as a Keras Dropout
/// after the concatenation does. A rate of 0 omits the dropout layers.
///
/// Layer names: `dense<k>`, `dropout<k>`, `output`; `bias`, `scale`, `affine` + `<k>`
/// at block k and + `_in` at the input; a concat layer is named after the Dense layer
/// whose input it widens: `concat0` at the input, `concat<k+1>` at block k < n−1,
/// `concat_out` at block n−1. Parameters are named `<layer>.kernel` etc.
///
/// With the paper's sizes (27 inputs; 300, 150, 100, 50 units) and p = 1, Dense inputs
/// are 28, 300, 150, 100 and 50 for concat-start (Baldi's pNN, `PaperArchitecture.pnn`);
/// 27, 301, 151, 101 and 51 for concat-all; 27, 300, 150, 100 and 51 for concat-end (each
/// + p − 1 more where the parameters are concatenated). Biasing, scaling and affine at
/// the start condition the 27 inputs; affine-all is the paper's Table 2
/// (`PaperArchitecture.affine`).
///
/// Coding: `physicsParameters` is written only when it is not 1 and read as 1 when absent,
/// and `scaleBiasInitial` only when it is not 0, so a p = 1 spec with Keras'
/// initialisation encodes to the same bytes as before these fields existed (checkpoint
/// headers) and older checkpoints still load.
public struct ArchitectureSpec: Codable, Hashable, Sendable {
    public var inputFeatures: Int
    public var hiddenUnits: [Int]
    public var activation: Activation
    public var conditioning: ConditioningKind
    public var conditioningPlace: ConditioningPlace
    /// p, the number of physics parameters the network is conditioned on: the columns of
    /// the mass input (`PassContext.mass`, [B × p]). Not the number of learnable weights
    /// (that is `Model.parameterCount`). Ignored when `conditioning` is `none`.
    public var physicsParameters: Int
    public var dropoutRate: Float
    public var l2Kernel: Float
    public var l2Bias: Float
    /// The initial value of every bias b_s of a scaling map (scaling and affine
    /// conditioning): 0 is Keras' zero bias, the paper's recipe, so that at initialisation
    /// s = m·W_s, |s_j| ≤ m·√(6 / (p + D)) (≈ 0.14·m at D = 300), and each conditioned block
    /// shrinks its activations by that factor; 1 starts every scaling map near the identity,
    /// s = 1 + m·W_s. Kernels are glorot-uniform either way.
    public var scaleBiasInitial: Float

    /// The defaults are the paper's hyper-parameters (`PaperRecipe`), so
    /// `ArchitectureSpec(conditioning: kind, conditioningPlace: place)` is any kind × place
    /// of the conditioning study at the paper's sizes, conditioned on the mass alone.
    public init(inputFeatures: Int = PaperRecipe.inputFeatures, hiddenUnits: [Int] = PaperRecipe.hiddenUnits,
                activation: Activation = .relu, conditioning: ConditioningKind, conditioningPlace: ConditioningPlace = .all,
                physicsParameters: Int = 1, dropoutRate: Float = PaperRecipe.dropoutRate, l2Kernel: Float = PaperRecipe.l2Kernel,
                l2Bias: Float = PaperRecipe.l2Bias, scaleBiasInitial: Float = 0) {
        self.inputFeatures = inputFeatures
        self.hiddenUnits = hiddenUnits
        self.activation = activation
        self.conditioning = conditioning
        self.conditioningPlace = conditioningPlace
        self.physicsParameters = physicsParameters
        self.dropoutRate = dropoutRate
        self.l2Kernel = l2Kernel
        self.l2Bias = l2Bias
        self.scaleBiasInitial = scaleBiasInitial
    }

    enum CodingKeys: String, CodingKey {
        case inputFeatures, hiddenUnits, activation, conditioning, conditioningPlace, physicsParameters
        case dropoutRate, l2Kernel, l2Bias, scaleBiasInitial
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputFeatures = try c.decode(Int.self, forKey: .inputFeatures)
        hiddenUnits = try c.decode([Int].self, forKey: .hiddenUnits)
        activation = try c.decode(Activation.self, forKey: .activation)
        conditioning = try c.decode(ConditioningKind.self, forKey: .conditioning)
        conditioningPlace = try c.decode(ConditioningPlace.self, forKey: .conditioningPlace)
        // Absent in everything written before parameter vectors: the mass alone.
        physicsParameters = try c.decodeIfPresent(Int.self, forKey: .physicsParameters) ?? 1
        guard physicsParameters >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .physicsParameters, in: c,
                                                   debugDescription: "physicsParameters must be at least 1, got \(physicsParameters)")
        }
        dropoutRate = try c.decode(Float.self, forKey: .dropoutRate)
        l2Kernel = try c.decode(Float.self, forKey: .l2Kernel)
        l2Bias = try c.decode(Float.self, forKey: .l2Bias)
        // Absent when zero, Keras' initialisation.
        scaleBiasInitial = try c.decodeIfPresent(Float.self, forKey: .scaleBiasInitial) ?? 0
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(inputFeatures, forKey: .inputFeatures)
        try c.encode(hiddenUnits, forKey: .hiddenUnits)
        try c.encode(activation, forKey: .activation)
        try c.encode(conditioning, forKey: .conditioning)
        try c.encode(conditioningPlace, forKey: .conditioningPlace)
        // Omitted at 1 so that p = 1 specs keep the bytes they had before the field.
        if physicsParameters != 1 { try c.encode(physicsParameters, forKey: .physicsParameters) }
        try c.encode(dropoutRate, forKey: .dropoutRate)
        try c.encode(l2Kernel, forKey: .l2Kernel)
        try c.encode(l2Bias, forKey: .l2Bias)
        // Omitted at 0 for the same reason.
        if scaleBiasInitial != 0 { try c.encode(scaleBiasInitial, forKey: .scaleBiasInitial) }
    }

    /// Whether `point` carries a conditioning layer.
    public func isConditioned(_ point: ConditioningPoint) -> Bool {
        guard conditioning != .none else { return false }
        switch (conditioningPlace, point) {
        case (.start, .input): return true
        case (.end, .block(let k)): return k == hiddenUnits.count - 1
        case (.all, .block): return true
        default: return false
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
