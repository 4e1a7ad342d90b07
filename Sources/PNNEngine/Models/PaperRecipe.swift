/// The training recipe of Anzalone, Diotalevi & Bonacorsi (2022, §6.3.1), in one place: the
/// defaults of `ArchitectureSpec`, `Trainer`, `Adam` and the suite runner's `NetworkTrainer`
/// are these values. The batch size and the number of epochs belong to a scale
/// (`Suites/scales.yaml`: the paper's are 1024 and 25, the `paper` scale).
public enum PaperRecipe {
    /// Input features of HEPMASS.
    public static let inputFeatures = 27
    /// Units of the four hidden blocks.
    public static let hiddenUnits = [300, 150, 100, 50]
    /// Dropout after each hidden block's activation.
    public static let dropoutRate: Float = 0.25
    /// L2 penalty coefficients λ of kernels and of biases.
    public static let l2Kernel: Float = 1e-4
    public static let l2Bias: Float = 1e-5
    /// Adam's step size η and moment decay rates β₁, β₂.
    public static let learningRate: Float = 3e-4
    public static let beta1: Float = 0.9
    public static let beta2: Float = 0.999
    /// Adam's ε: Keras' default, which the paper leaves unchanged.
    public static let epsilon: Float = 1e-7
}
