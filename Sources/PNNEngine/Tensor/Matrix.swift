/// A row-major 2-D buffer of `Float` (Float32), the only tensor shape an MLP needs.
///
/// Element (r, c) lives at `data[r * cols + c]`. Storage is 64-byte aligned (one cache
/// line, one AVX-512 vector) so that kernels may use aligned loads on row starts when
/// `cols` is a multiple of 16. A matrix has a fixed capacity and a current row count:
/// `resize(rows:)` changes the batch dimension without reallocating when it shrinks, so
/// layers can keep their activation buffers across steps of different batch sizes.
///
/// Reference semantics on purpose: layers own and reuse their buffers; copying
/// megabytes of activations on every step would cost more than the arithmetic.
public final class Matrix {
    public private(set) var rows: Int
    public let cols: Int
    public private(set) var data: UnsafeMutablePointer<Float>
    private var capacityRows: Int

    public static let alignment = 64

    /// A `rows × cols` matrix filled with zeros.
    public init(rows: Int, cols: Int) {
        precondition(rows >= 0 && cols >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.cols = cols
        self.capacityRows = rows
        self.data = Matrix.allocate(count: rows * cols)
    }

    /// A `rows × cols` matrix holding `values` in row-major order.
    public convenience init(rows: Int, cols: Int, values: [Float]) {
        precondition(values.count == rows * cols, "expected \(rows * cols) values, got \(values.count)")
        self.init(rows: rows, cols: cols)
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit { data.deallocate() }

    public var count: Int { rows * cols }

    @inline(__always)
    public subscript(row: Int, col: Int) -> Float {
        get { data[row * cols + col] }
        set { data[row * cols + col] = newValue }
    }

    /// Pointer to the first element of `row`.
    @inline(__always)
    public func row(_ row: Int) -> UnsafeMutablePointer<Float> { data + row * cols }

    /// Sets the number of rows; contents are unspecified after growing.
    public func resize(rows newRows: Int) {
        precondition(newRows >= 0)
        if newRows > capacityRows {
            data.deallocate()
            data = Matrix.allocate(count: newRows * cols)
            capacityRows = newRows
        }
        rows = newRows
    }

    public func fill(_ value: Float) { data.update(repeating: value, count: count) }

    /// Copies another matrix of the same shape into this one.
    public func copy(from other: Matrix) {
        precondition(other.rows == rows && other.cols == cols, "shape mismatch in copy")
        data.update(from: other.data, count: count)
    }

    public func toArray() -> [Float] { Array(UnsafeBufferPointer(start: data, count: count)) }

    public func clone() -> Matrix {
        let m = Matrix(rows: rows, cols: cols)
        m.copy(from: self)
        return m
    }

    private static func allocate(count: Int) -> UnsafeMutablePointer<Float> {
        // Round up so an empty matrix still owns a valid pointer and SIMD tails never run off.
        let padded = max(16, (count + 15) & ~15)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: padded * MemoryLayout<Float>.stride, alignment: alignment)
        let p = raw.bindMemory(to: Float.self, capacity: padded)
        p.initialize(repeating: 0, count: padded)
        return p
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String { "Matrix(\(rows)×\(cols))" }
}
