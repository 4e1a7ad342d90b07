@testable import PNNEngine

/// A plain Double-precision re-implementation of every layer's forward map, written from
/// the math in the doc comments, used to check the engine's forward values and (by
/// central differences) its gradients.
enum DoubleReference {
    typealias Batch = [[Double]]

    /// Parameters of a layer as Double arrays, in the layer's parameter order.
    static func parameters(of layer: Layer) -> [[Double]] {
        layer.parameters.map { p in (0..<p.count).map { Double(p.value.data[$0]) } }
    }

    /// `mass`: one row of p physics parameters per event.
    static func forward(_ layer: Layer, _ x: Batch, mass: Batch, params: [[Double]], dropoutMask: Batch? = nil) -> Batch {
        switch layer {
        case let dense as Dense:
            let (w, b) = (params[0], params[1])
            let nIn = dense.inputWidth, nOut = dense.outputWidth
            return x.map { row in
                (0..<nOut).map { j in
                    var z = b[j]
                    for i in 0..<nIn { z += row[i] * w[i * nOut + j] }
                    switch dense.activation {
                    case .linear: return z
                    case .relu: return max(z, 0)
                    case .sigmoid: return 1 / (1 + _exp(-z))
                    }
                }
            }
        case let cond as MassConditioningLayer:
            var k = 0
            var scale: ([Double], [Double])? = nil, shift: ([Double], [Double])? = nil
            if cond.scaleKernel != nil { scale = (params[k], params[k + 1]); k += 2 }
            if cond.shiftKernel != nil { shift = (params[k], params[k + 1]) }
            // (m·W + b)_j with W [p × D] row-major, as Keras stores a Dense kernel.
            let d = cond.inputWidth
            func map(_ m: [Double], _ w: [Double], _ b: [Double], _ j: Int) -> Double {
                precondition(m.count == cond.massWidth && w.count == m.count * d)
                return m.indices.reduce(b[j]) { $0 + m[$1] * w[$1 * d + j] }
            }
            return x.enumerated().map { (i, row) in
                row.enumerated().map { (j, h) in
                    var z = h
                    if let (w, b) = scale { z *= map(mass[i], w, b, j) }
                    if let (w, b) = shift { z += map(mass[i], w, b, j) }
                    return z
                }
            }
        case let concat as ConcatConditioning:
            return x.enumerated().map { (i, row) in
                precondition(mass[i].count == concat.massWidth)
                return row + mass[i]
            }
        case let dropout as Dropout:
            guard let mask = dropoutMask else { return x }
            _ = dropout
            return zip(x, mask).map { zip($0, $1).map { $0 * $1 } }
        default:
            fatalError("no reference for \(type(of: layer))")
        }
    }

    /// Weighted mean binary cross-entropy on probabilities p: (1/N) Σ w_i ℓ_i.
    static func crossEntropy(_ p: [Double], labels: [Double], weights: [Double]) -> Double {
        var s = 0.0
        for i in p.indices {
            s += weights[i] * -(labels[i] * _log(p[i]) + (1 - labels[i]) * _log(1 - p[i]))
        }
        return s / Double(p.count)
    }
}

#if canImport(Glibc)
import Glibc
func _exp(_ x: Double) -> Double { Glibc.exp(x) }
func _log(_ x: Double) -> Double { Glibc.log(x) }
#endif

/// Test data helpers.
enum TestData {
    static func randomBatch(rows: Int, cols: Int, seed: UInt64, scale: Double = 1) -> [[Double]] {
        var s = RandomStream(seed: seed, purpose: .benchmark)
        // Values rounded to Float so engine and reference see the same inputs.
        return (0..<rows).map { _ in (0..<cols).map { _ in Double(Float((2 * s.nextDouble() - 1) * scale)) } }
    }

    /// p physics parameters for each of `rows` events, rounded to Float: column 0 the
    /// HEPMASS mass points (/1000), the others spread over [−0.8, 1.3] in other orders,
    /// so that a swapped or transposed parameter index changes the result.
    static func massRows(_ rows: Int, columns p: Int) -> [[Double]] {
        (0..<rows).map { i -> [Double] in
            (0..<p).map { c -> Double in
                let value: Double = c == 0 ? 0.5 + 0.25 * Double(i % 5) : -0.8 + 0.35 * Double((3 * i + c) % 7)
                return Double(Float(value))
            }
        }
    }

    static func matrix(_ b: [[Double]]) -> Matrix {
        Matrix(rows: b.count, cols: b.first?.count ?? 0, values: b.flatMap { $0.map(Float.init) })
    }

    static func rows(_ m: Matrix) -> [[Double]] {
        (0..<m.rows).map { i in (0..<m.cols).map { Double(m[i, $0]) } }
    }

    /// Sets every parameter to small random values (biases too, so their paths are exercised),
    /// rounded to Float.
    static func randomize(_ parameters: [Parameter], seed: UInt64, scale: Double = 0.5) {
        var s = RandomStream(seed: seed, purpose: .initialization, index: 999)
        for p in parameters {
            for i in 0..<p.count { p.value.data[i] = Float((2 * s.nextDouble() - 1) * scale) }
        }
    }

    /// max |a − b| / max(1e-3, max |b|): relative to the scale of the reference.
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        let scale = max(1e-3, b.map(abs).max() ?? 0)
        return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
    }
}
