/// A learnable tensor with its gradient buffer.
///
/// Kernels and biases are distinguished because L2 regularisation uses separate
/// coefficients for them (paper §6.3.1: 1e-4 for kernels, 1e-5 for biases) and because
/// Keras initialises them differently (glorot-uniform kernels, zero biases).
public final class Parameter {
    public enum Kind: String, Codable, Sendable { case kernel, bias }

    public let name: String
    public let kind: Kind
    /// Shape as Keras stores it: kernels [fanIn × fanOut], biases [1 × units].
    public let value: Matrix
    /// ∂loss/∂value of the last backward pass (overwritten, not accumulated, each step).
    public let gradient: Matrix

    public init(name: String, kind: Kind, rows: Int, cols: Int) {
        self.name = name
        self.kind = kind
        self.value = Matrix(rows: rows, cols: cols)
        self.gradient = Matrix(rows: rows, cols: cols)
    }

    public var count: Int { value.count }
    public var shape: [Int] { kind == .bias ? [value.cols] : [value.rows, value.cols] }
}
