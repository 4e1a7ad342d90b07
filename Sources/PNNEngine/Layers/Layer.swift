/// Everything a layer may need besides its input during one pass.
public struct PassContext {
    /// Physics parameters of the batch, [B × p]: one row per event, one column per
    /// parameter the network is conditioned on (`ArchitectureSpec.physicsParameters`); for
    /// HEPMASS the mass alone (p = 1), divided by 1000.
    public let mass: Matrix
    /// Dropout is active only when training.
    public let training: Bool
    public let pool: WorkerPool
    /// Seed of the run and the optimiser step: with the layer's index they key the dropout stream.
    public let seed: UInt64
    public let step: UInt64

    public init(mass: Matrix, training: Bool, pool: WorkerPool, seed: UInt64 = 0, step: UInt64 = 0) {
        self.mass = mass
        self.training = training
        self.pool = pool
        self.seed = seed
        self.step = step
    }

    /// Stops with a message naming `layer` unless `mass` is [rows × columns]. A check that
    /// stays in this module's `-Ounchecked` build (which drops `precondition`): a narrower
    /// mass input would otherwise be read out of bounds.
    func requireMass(rows: Int, columns: Int, for layer: String) {
        guard mass.cols == columns else {
            fatalError("\(layer): the mass input has \(mass.cols) column(s), expected \(columns) (one per physics parameter)")
        }
        guard mass.rows == rows else { fatalError("\(layer): the mass input has \(mass.rows) rows, the batch \(rows)") }
    }
}

/// A differentiable map on a batch of row vectors.
///
/// `forward` returns a buffer owned by the layer, valid until its next forward call; a
/// layer keeps what its backward pass needs (usually its input buffer). `backward`
/// receives ∂L/∂output, which it may overwrite, writes ∂L/∂parameters into the
/// parameters' gradient buffers, and returns ∂L/∂input when asked for it.
public protocol Layer: AnyObject {
    var name: String { get }
    var inputWidth: Int { get }
    var outputWidth: Int { get }
    var parameters: [Parameter] { get }
    func forward(_ input: Matrix, _ context: PassContext) -> Matrix
    func backward(_ gradOutput: Matrix, _ context: PassContext, needInputGradient: Bool) -> Matrix?
}

extension Layer {
    public var parameters: [Parameter] { [] }
}

/// Makes sure a layer-owned buffer has `rows` rows (reallocating only to grow).
@inline(__always)
func ensureRows(_ buffer: inout Matrix?, rows: Int, cols: Int) -> Matrix {
    if let b = buffer {
        b.resize(rows: rows)
        return b
    }
    let b = Matrix(rows: rows, cols: cols)
    buffer = b
    return b
}
