/// A feed-forward classifier built from an `ArchitectureSpec`: layers in order, the
/// sigmoid output layer last. Inputs per batch: features X [B × F] and, for parametric
/// architectures, the physics parameters M [B × p], p = `spec.physicsParameters` (HEPMASS:
/// the mass alone, p = 1, mass / 1000). An unconditioned model ignores M.
public final class Model {
    public let spec: ArchitectureSpec
    public let layers: [Layer]
    public let outputLayer: Dense
    /// Every learnable tensor in a fixed, documented order: layer by layer, and within a
    /// layer kernel then bias (conditioning layers: scale kernel, scale bias, shift
    /// kernel, shift bias). Checkpoints and the Keras fixture use this order.
    public let parameters: [Parameter]
    /// Index of the first layer with parameters (`dense0`, or a conditioning layer on the inputs).
    private let firstTrainableLayer: Int

    /// Builds the layers of `spec` and initialises them from `seed`: glorot-uniform kernels,
    /// zero biases but the scaling maps' b_s, which start at `spec.scaleBiasInitial`.
    public init(spec: ArchitectureSpec, seed: UInt64) {
        precondition(!spec.hiddenUnits.isEmpty && spec.hiddenUnits.allSatisfy { $0 > 0 }, "hidden units must be positive")
        guard spec.physicsParameters >= 1 else { fatalError("physicsParameters must be at least 1, got \(spec.physicsParameters)") }
        self.spec = spec
        var layers: [Layer] = []
        var width = spec.inputFeatures
        func condition(_ point: ConditioningPoint) {
            guard spec.isConditioned(point) else { return }
            let layer = Self.conditioningLayer(spec, at: point, width: width)
            layers.append(layer)
            width = layer.outputWidth
        }
        condition(.input)
        for (k, units) in spec.hiddenUnits.enumerated() {
            layers.append(Dense(name: "dense\(k)", inputWidth: width, outputWidth: units, activation: spec.activation))
            width = units
            condition(.block(k))
            if spec.dropoutRate > 0 {
                layers.append(Dropout(name: "dropout\(k)", width: width, rate: spec.dropoutRate, index: k))
            }
        }
        let output = Dense(name: "output", inputWidth: width, outputWidth: 1, activation: .sigmoid)
        layers.append(output)
        self.layers = layers
        self.outputLayer = output
        self.parameters = layers.flatMap { $0.parameters }
        self.firstTrainableLayer = layers.firstIndex { !$0.parameters.isEmpty } ?? 0
        GlorotUniform.initialize(parameters, seed: seed)
        if spec.scaleBiasInitial != 0 {
            for case let layer as MassConditioningLayer in layers { layer.scaleBias?.value.fill(spec.scaleBiasInitial) }
        }
    }

    /// The conditioning layer of `spec`'s kind at `point`, on `width` columns, named as
    /// `ArchitectureSpec` documents, taking the spec's `physicsParameters` parameters.
    static func conditioningLayer(_ spec: ArchitectureSpec, at point: ConditioningPoint, width: Int) -> Layer {
        let suffix: String
        switch point {
        case .input: suffix = "_in"
        case .block(let k): suffix = "\(k)"
        }
        let p = spec.physicsParameters
        switch spec.conditioning {
        case .affine: return AffineConditioning(name: "affine" + suffix, width: width, massWidth: p)
        case .biasing: return ConditionalBiasing(name: "bias" + suffix, width: width, massWidth: p)
        case .scaling: return ConditionalScaling(name: "scale" + suffix, width: width, massWidth: p)
        case .concat:
            // Named after the Dense layer it widens, so Baldi's pNN keeps `concat0`.
            let name: String
            switch point {
            case .input: name = "concat0"
            case .block(let k): name = k + 1 < spec.hiddenUnits.count ? "concat\(k + 1)" : "concat_out"
            }
            return ConcatConditioning(name: name, width: width, massWidth: p)
        case .none: preconditionFailure("an unconditioned spec has no conditioning layer")
        }
    }

    /// The number of learnable weights (not the physics parameters, `spec.physicsParameters`).
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Multiply-adds per event of one forward pass through the Dense layers
    /// (the conditioning and element-wise layers are O(p·width) and not counted).
    public var forwardMultiplyAdds: Int {
        layers.compactMap { $0 as? Dense }.reduce(0) { $0 + $1.inputWidth * $1.outputWidth }
    }

    /// Stops with a clear message unless `mass` has one column per physics parameter (and
    /// `rows` rows): what every entry point checks before any work. An unconditioned model
    /// takes any mass input, as it never reads it. `fatalError`, not `precondition`, which
    /// this module's `-Ounchecked` build drops.
    func requireMass(_ mass: Matrix, rows: Int) {
        guard spec.isParametric else { return }
        guard mass.cols == spec.physicsParameters else {
            fatalError("the mass input has \(mass.cols) column(s) but the model is conditioned on \(spec.physicsParameters) physics parameter(s)")
        }
        guard mass.rows == rows else { fatalError("the mass input has \(mass.rows) rows but the features \(rows)") }
    }

    /// Forward pass; returns the sigmoid outputs [B × 1] (buffer owned by the model).
    /// `context.mass` is [B × p]. With `fuses` on, a conditioning layer followed by a dropout
    /// runs both on each row in one pass (same values as the two passes).
    @discardableResult
    public func forward(_ x: Matrix, _ context: PassContext) -> Matrix {
        requireMass(context.mass, rows: x.rows)
        var h = x
        var i = 0
        while i < layers.count {
            let layer = layers[i]
            // A conditioning layer runs the dropout after it on each row it writes (see `fuses`).
            let dropout = fuses && i + 1 < layers.count && layer is MassConditioningLayer ? layers[i + 1] as? Dropout : nil
            if let profiler {
                let input = h
                h = profiler.measure("\(layer.name) forward") { Self.forward(layer, input, context, dropout: dropout) }
            } else {
                h = Self.forward(layer, h, context, dropout: dropout)
            }
            i += dropout == nil ? 1 : 2
        }
        return h
    }

    @inline(__always)
    private static func forward(_ layer: Layer, _ h: Matrix, _ context: PassContext, dropout: Dropout?) -> Matrix {
        if let dropout, let conditioning = layer as? MassConditioningLayer { return conditioning.forward(h, context, dropout: dropout) }
        return layer.forward(h, context)
    }

    /// When set, forward and backward time every layer (see `bench perf --profile`).
    public var profiler: StepProfiler?

    /// Whether `backward` computes ∂L/∂input of `layers[index]`: for every layer after the
    /// first one with parameters (nothing below that layer needs a gradient).
    public func computesInputGradient(ofLayer index: Int) -> Bool { index > firstTrainableLayer }

    /// Backward pass from ∂L/∂z of the output logits; fills every parameter's gradient.
    /// `logitGradient` is overwritten.
    ///
    /// Layer by layer, except that two element-wise steps ride in the next layer's pass over
    /// the gradient when `fuses` is on (the default): a dropout leaves its factor K
    /// to the Dense or conditioning layer below it, and a conditioning layer above a ReLU
    /// Dense layer applies that layer's derivative and sums its bias gradient. Every value
    /// is the same Float operation on the same operands as in the layer-by-layer pass, so
    /// the gradients are the same bits (a test compares the two).
    public func backward(logitGradient: Matrix, _ context: PassContext) {
        let timed = { (name: String, body: () -> Matrix?) -> Matrix? in
            if let profiler = self.profiler { return profiler.measure("\(name) backward", body) }
            return body()
        }
        var g = timed(outputLayer.name) { outputLayer.backward(logitGradient: logitGradient, context, needInputGradient: true) }!
        // A dropout's K not yet applied to g, and whether g is already layers[i]'s ∂L/∂Z
        // with its bias gradient summed (a conditioning layer above did both).
        var factor: GradientFactor?
        var prepared = false
        // Below the first layer with parameters no gradient is needed: that layer skips its
        // input gradient (a conditioning layer on the inputs still fills its parameters').
        for i in stride(from: layers.count - 2, through: firstTrainableLayer, by: -1) {
            let layer = layers[i], needInput = computesInputGradient(ofLayer: i)
            let below = needInput ? layers[i - 1] : nil
            if fuses, let dropout = layer as? Dropout, below is Dense || below is MassConditioningLayer {
                factor = dropout.gradientFactor
                continue
            }
            let next: Matrix?
            switch layer {
            case let conditioning as MassConditioningLayer:
                let relu = fuses ? (below as? Dense).flatMap { $0.activation == .relu ? $0 : nil } : nil
                next = timed(layer.name) {
                    conditioning.backward(g, factor: factor, reluBiasGradient: relu?.bias.gradient.data, context,
                                          needInputGradient: needInput)
                }
                prepared = relu != nil
            case let dense as Dense:
                next = timed(layer.name) {
                    prepared ? dense.products(logitGradient: g, context, needInputGradient: needInput)
                             : dense.backward(g, factor: factor, context, needInputGradient: needInput)
                }
                prepared = false
            default:
                precondition(factor == nil && !prepared, "\(layer.name) cannot take a fused gradient")
                next = timed(layer.name) { layer.backward(g, context, needInputGradient: needInput) }
            }
            factor = nil
            guard let next else { break }
            g = next
        }
    }

    /// Whether `forward` and `backward` fuse element-wise steps into a neighbouring layer's
    /// pass (see there); off, every layer runs its own passes, the definition the fused ones
    /// match bit for bit.
    var fuses = true

    /// Signal probabilities of `count` rows (inference: dropout off), in batches of
    /// `x.rows` rows: `fill(range)` puts rows `range` into `x` and `mass` ([· × p]), resized
    /// to `range.count` rows. Every row's score is a function of that row alone, so the
    /// batch size does not change a bit.
    public func predict(count: Int, x: Matrix, mass: Matrix, pool: WorkerPool, fill: (Range<Int>) -> Void) -> [Float] {
        let batchSize = max(1, x.rows)
        var out = [Float](repeating: 0, count: count)
        var start = 0
        while start < count {
            let end = min(count, start + batchSize)
            fill(start..<end)
            let p = forward(x, PassContext(mass: mass, training: false, pool: pool))
            for i in 0..<(end - start) { out[start + i] = p.data[i] }
            start = end
        }
        return out
    }

    /// Signal probabilities for every row of `x` (physics parameters `mass`, [N × p]),
    /// `batchSize` rows at a time.
    public func predict(_ x: Matrix, mass: Matrix, pool: WorkerPool, batchSize: Int = 4096) -> [Float] {
        precondition(x.rows == mass.rows, "features and mass must have the same number of rows")
        requireMass(mass, rows: x.rows)
        let xb = Matrix(rows: min(batchSize, max(x.rows, 1)), cols: x.cols)
        let mb = Matrix(rows: xb.rows, cols: mass.cols)
        return predict(count: x.rows, x: xb, mass: mb, pool: pool) { rows in
            xb.resize(rows: rows.count)
            mb.resize(rows: rows.count)
            xb.data.update(from: x.data + rows.lowerBound * x.cols, count: rows.count * x.cols)
            mb.data.update(from: mass.data + rows.lowerBound * mass.cols, count: rows.count * mass.cols)
        }
    }

    /// The last hidden representation (the input of the output layer) for every row of
    /// `x` (physics parameters `mass`, [N × p]), dropout off: what the t-SNE figures embed.
    /// [N × `outputLayer.inputWidth`]; for concat at `all` or `end` its last p columns are
    /// the parameters.
    public func hiddenRepresentation(_ x: Matrix, mass: Matrix, pool: WorkerPool) -> Matrix {
        precondition(x.rows == mass.rows, "features and mass must have the same number of rows")
        requireMass(mass, rows: x.rows)
        let context = PassContext(mass: mass, training: false, pool: pool)
        var h = x
        for layer in layers.dropLast() { h = layer.forward(h, context) }
        return h.clone()
    }

    /// The inputs (features, and physics parameters when conditioned), then one line per
    /// layer with its output width and parameter count, then the total.
    public var summary: String {
        let p = spec.physicsParameters
        var lines = ["inputs: \(spec.inputFeatures) features"
            + (spec.isParametric ? ", \(p) physics parameter\(p == 1 ? "" : "s")" : "")]
        lines += layers.map { layer -> String in
            let count = layer.parameters.reduce(0) { $0 + $1.count }
            return [(layer.name, 12), (String(describing: type(of: layer)), 22), ("out \(layer.outputWidth)", 10)]
                .map { TextColumns.pad($0.0, $0.1 - 1) + " " }.joined() + "params \(count)"
        }
        lines.append("total parameters: \(parameterCount)")
        return lines.joined(separator: "\n")
    }
}
