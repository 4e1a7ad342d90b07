/// Element-wise activation of a Dense layer.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// f(z) = z
    case linear
    /// f(z) = max(0, z);  f'(z) = 1 if z > 0 else 0 (Keras' choice at 0)
    case relu
    /// f(z) = 1 / (1 + e^{-z}); in training it is fused with the cross-entropy (see BinaryCrossEntropy).
    case sigmoid
}

/// σ(z) computed without overflow for any finite z.
@inline(__always)
public func stableSigmoid(_ z: Float) -> Float {
    if z >= 0 {
        return 1 / (1 + _expf(-z))
    }
    let e = _expf(z)
    return e / (1 + e)
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _expf(_ x: Float) -> Float { Glibc.expf(x) }
@inline(__always) func _log1pf(_ x: Float) -> Float { Glibc.log1pf(x) }
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { Glibc.powf(x, y) }
#else
import Darwin
@inline(__always) func _expf(_ x: Float) -> Float { Darwin.expf(x) }
@inline(__always) func _log1pf(_ x: Float) -> Float { Darwin.log1pf(x) }
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { Darwin.powf(x, y) }
#endif
