import Foundation
import PNNData
import PNNEngine

/// Writes what one experiment's networks see, for one seed at one scale, so that another
/// framework (`Tools/reference/keras_budget.py`) can train the same model on the same
/// events: `bench data export`.
///
/// Files (CSV, one header line, values as the shortest decimal that reads back to the same
/// Float32, `nan` for "not given"), each network's files carrying its id for an
/// individual-NN experiment (`train_500.csv`), none otherwise:
/// - `train.csv`: the events the batch sampler draws from (signal at the training points,
///   all background; `BatchSampler.eligibleEvents`), in data set order:
///   `label,weight,f0,…,f{F−1},<parameters>` with the features and the parameters exactly
///   as a batch holds them (parameters scaled, HEPMASS: m′ = m / 1000) and the training
///   weight. In a sampled background-mass mode the background's parameters are `nan`:
///   they are drawn for every batch row from the training points (`meta.json` says how).
/// - `validation.csv`: the validation events (signal at the training points, all
///   background): `label,weight,f…,<parameter>@<id>` for each training point, the value
///   that event has when point id is validated (`PerMassEvaluationSet.validation`); `nan`
///   where the event is not part of that point's set (signal of another point).
/// - `test.csv`: the same layout for every signal point of the test file, background at
///   m := m_i (`PerMassEvaluationSet.test`, paper §6).
/// - `meta.json`, written last: the hyper-parameters the engine applies (read from the
///   trainer, the architecture and the optimiser), the sampling rules, and per file its rows
///   and the sum of each column in row order in Double (`nan` skipped), by which a reader
///   checks that it read every value bit for bit.
/// Each file is written to a temporary name and renamed, so a file is absent or complete.
public enum TrainingInputExport {
    /// Writes the files of `inputs` (from `ExperimentRunner.inputs(spec)`) to `directory`;
    /// returns their paths, `meta.json` last.
    @discardableResult
    public static func write(_ inputs: ExperimentInputs, spec: ExperimentSpec, seed: UInt64, scale: Scale,
                             to directory: String, pool: WorkerPool) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DataError.unwritable(file: directory, reason: "cannot create directory")
        }
        let train = inputs.split.train
        let names = train.parameterNames
        var files: [Meta.File] = []
        var networks: [Meta.Network] = []
        for network in inputs.networks {
            let suffix = inputs.networks.count == 1 ? "" : "_\(inputs.id(network.points[0]))"
            let sampler = try BatchSampler(dataset: train, configuration: network.trainer.sampler, seed: network.trainer.seed)
            let trainTable = trainingTable(sampler, parameterNames: names)
            let validationTable = evaluationTable(network.validation, ids: network.points.map(inputs.id), parameterNames: names)
            files.append(try trainTable.write(to: directory, name: "train\(suffix).csv", pool: pool))
            files.append(try validationTable.write(to: directory, name: "validation\(suffix).csv", pool: pool))
            let model = Model(spec: network.trainer.architecture, seed: network.trainer.seed)
            let adam = Adam(parameters: [], learningRate: network.trainer.learningRate)
            networks.append(Meta.Network(
                seed: network.trainer.seed, trainFile: "train\(suffix).csv", validationFile: "validation\(suffix).csv",
                trainingPoints: network.points.map { .init(id: inputs.id($0), values: $0.map(Double.init),
                                                           scaled: scaled($0, train.parameterScaling).map(Double.init)) },
                trainingSignal: network.points.map { train.signalIndices(point: $0).count },
                trainingBackground: train.indices(label: 0).count,
                stepsPerEpoch: sampler.stepsPerEpoch,
                architecture: network.trainer.architecture,
                parameterCount: model.parameterCount,
                parameters: model.parameters.map { .init(name: $0.name, shape: [$0.value.rows, $0.value.cols]) },
                epochs: network.trainer.epochs,
                batchSize: network.trainer.sampler.batchSize,
                balance: network.trainer.sampler.balance,
                backgroundMass: network.trainer.sampler.backgroundMass.description,
                optimizer: .init(name: "Adam", learningRate: ParameterPoint.decimal(adam.learningRate),
                                 beta1: ParameterPoint.decimal(adam.beta1), beta2: ParameterPoint.decimal(adam.beta2),
                                 epsilon: ParameterPoint.decimal(adam.epsilon))))
        }
        let testTable = evaluationTable(inputs.test, ids: ParameterPoint.ids(inputs.test.points), parameterNames: names)
        files.append(try testTable.write(to: directory, name: "test.csv", pool: pool))

        let meta = Meta(
            experiment: spec.id, description: spec.description, training: spec.training, seed: seed, scale: scale,
            data: inputs.data.identity, engineVersion: EngineVersion.current,
            resultKey: ResultStore.key(spec: spec, scale: scale, data: inputs.data.identity, seed: seed, engineVersion: EngineVersion.current),
            featureCount: train.featureCount, parameterNames: train.parameterNames,
            parameterScaling: .init(offset: train.parameterScaling.offset.map(Double.init), scale: train.parameterScaling.scale.map(Double.init)),
            testPoints: zip(ParameterPoint.ids(inputs.test.points), inputs.test.points).map {
                .init(id: $0.0, values: $0.1.map(Double.init), scaled: scaled($0.1, train.parameterScaling).map(Double.init))
            },
            networks: networks, files: files, rules: Meta.Rules(spec: spec),
            collapse: .init(chanceBand: ReplicateStability.standardChanceBand,
                            validationThreshold: ReplicateStability.standardValidationThreshold))
        let metaPath = (directory as NSString).appendingPathComponent("meta.json")
        try AtomicFile.write(try CanonicalJSON.fileData(meta), to: metaPath)
        return files.map { (directory as NSString).appendingPathComponent($0.name) } + [metaPath]
    }

    static func scaled(_ point: [Float], _ scaling: ParameterScaling) -> [Float] {
        point.indices.map { scaling.apply(point[$0], component: $0) }
    }

    /// `train.csv`: the sampler's events with the values a batch gives them.
    static func trainingTable(_ sampler: BatchSampler, parameterNames: [String]) -> Table {
        let d = sampler.dataset, p = d.parameterCount, f = d.featureCount
        let rows = sampler.eligibleEvents
        var values = [Float](repeating: 0, count: rows.count * (2 + f + p))
        let width = 2 + f + p
        for (r, i) in rows.enumerated() {
            let base = r * width
            values[base] = Float(d.label[i])
            values[base + 1] = sampler.trainingWeight(event: i)
            for j in 0..<f { values[base + 2 + j] = d.features[i * f + j] }
            let point = sampler.fixedPoint(event: i)
            for c in 0..<p { values[base + 2 + f + c] = point.map { d.parameterScaling.apply($0[c], component: c) } ?? .nan }
        }
        return Table(columns: ["label", "weight"] + (0..<f).map { "f\($0)" } + parameterNames, values: values)
    }

    /// `validation.csv` / `test.csv`: every event of `set` that some point evaluates, in
    /// data set order, with the scaled parameters `set.fill` gives it at each point.
    static func evaluationTable(_ set: PerMassEvaluationSet, ids: [Int], parameterNames: [String]) -> Table {
        let d = set.dataset, p = d.parameterCount, f = d.featureCount, k = set.points.count
        let events = Array(Set(set.signalRows.joined()).union(set.backgroundRows)).sorted()
        var position = [Int: Int](minimumCapacity: events.count)
        for (r, i) in events.enumerated() { position[i] = r }
        let width = 2 + f + k * p
        var values = [Float](repeating: .nan, count: events.count * width)
        for (r, i) in events.enumerated() {
            let base = r * width
            values[base] = Float(d.label[i])
            values[base + 1] = d.eventWeight(i)
            for j in 0..<f { values[base + 2 + j] = d.features[i * f + j] }
        }
        // The parameters as the engine's own fill writes them, point by point.
        let chunk = 4096
        let x = Matrix(rows: chunk, cols: f), mass = Matrix(rows: chunk, cols: p), label = Matrix(rows: chunk, cols: 1)
        for point in 0..<k {
            var start = 0
            let count = set.count(massIndex: point)
            while start < count {
                let range = start..<min(count, start + chunk)
                set.fill(massIndex: point, rows: range, x: x, mass: mass, label: label)
                for (n, row) in range.enumerated() {
                    let base = position[set.event(massIndex: point, row: row)]! * width + 2 + f + point * p
                    for c in 0..<p { values[base + c] = mass.data[n * p + c] }
                }
                start = range.upperBound
            }
        }
        let columns = (0..<k).flatMap { point in parameterNames.map { "\($0)@\(ids[point])" } }
        return Table(columns: ["label", "weight"] + (0..<f).map { "f\($0)" } + columns, values: values)
    }

    /// A table of Float32 values, row-major, written as CSV.
    struct Table {
        var columns: [String]
        var values: [Float]
        var rows: Int { values.count / columns.count }

        /// Writes `name` in `directory` atomically; returns its description for `meta.json`.
        func write(to directory: String, name: String, pool: WorkerPool) throws -> Meta.File {
            let width = columns.count, rows = self.rows
            var text = Array((columns.joined(separator: ",") + "\n").utf8)
            let blockRows = 8192
            let blocks = (rows + blockRows - 1) / blockRows
            var parts = [[UInt8]](repeating: [], count: blocks)
            parts.withUnsafeMutableBufferPointer { out in
                values.withUnsafeBufferPointer { v in
                    pool.run(tasks: blocks) { b in
                        var bytes = [UInt8]()
                        for r in (b * blockRows)..<min(rows, (b + 1) * blockRows) {
                            for c in 0..<width {
                                if c > 0 { bytes.append(UInt8(ascii: ",")) }
                                bytes.append(contentsOf: Self.text(v[r * width + c]).utf8)
                            }
                            bytes.append(10)
                        }
                        out[b] = bytes
                    }
                }
            }
            for part in parts { text.append(contentsOf: part) }
            // Sums in row order, the way a reader recomputes them (numpy: add.accumulate).
            var sums = [Double](repeating: 0, count: width), missing = [Int](repeating: 0, count: width)
            for r in 0..<rows {
                for c in 0..<width {
                    let value = values[r * width + c]
                    if value.isNaN { missing[c] += 1 } else { sums[c] += Double(value) }
                }
            }
            try AtomicFile.write(Data(text), to: (directory as NSString).appendingPathComponent(name))
            return Meta.File(name: name, rows: rows, columns: columns, columnSums: sums, missing: missing)
        }

        /// The shortest decimal that reads back to the same Float32; `nan` for NaN; labels
        /// and whole numbers without a fraction (Swift prints 1.0, read back the same).
        static func text(_ v: Float) -> String {
            if v.isNaN { return "nan" }
            if v == 0 { return v.sign == .minus ? "-0" : "0" }
            if v == v.rounded(), abs(v) < 1e7 { return String(Int(v)) }
            return "\(v)"
        }
    }
}

extension TrainingInputExport {
    /// `meta.json`.
    struct Meta: Encodable {
        var format = 1
        var experiment: String
        var description: String?
        var training: TrainingDefinition
        var seed: UInt64
        var scale: Scale
        var data: DataIdentity
        var engineVersion: String
        /// The key under which `bench run` stores this training's result.
        var resultKey: String
        var featureCount: Int
        var parameterNames: [String]
        var parameterScaling: Scaling
        var testPoints: [Point]
        var networks: [Network]
        var files: [File]
        var rules: Rules
        var collapse: Collapse

        struct Scaling: Encodable { var offset: [Double]; var scale: [Double] }

        struct Point: Encodable {
            var id: Int
            /// As in the data (HEPMASS: GeV).
            var values: [Double]
            /// As the network sees them.
            var scaled: [Double]
        }

        struct Tensor: Encodable { var name: String; var shape: [Int] }

        /// Adam in Keras' form (`Adam`); the Float32 constants as their shortest decimals.
        struct Optimizer: Encodable {
            var name: String
            var learningRate: Double
            var beta1: Double
            var beta2: Double
            var epsilon: Double
        }

        struct Network: Encodable {
            var seed: UInt64
            var trainFile: String
            var validationFile: String
            var trainingPoints: [Point]
            /// Training signal events per training point, and background events.
            var trainingSignal: [Int]
            var trainingBackground: Int
            var stepsPerEpoch: Int
            var architecture: ArchitectureSpec
            var parameterCount: Int
            /// The learnable tensors in the engine's order: kernels [fan_in, fan_out], biases [1, D].
            var parameters: [Tensor]
            var epochs: Int
            var batchSize: Int
            var balance: BalanceMode
            var backgroundMass: String
            var optimizer: Optimizer
        }

        struct File: Encodable {
            var name: String
            var rows: Int
            var columns: [String]
            /// Per column, Σ over rows in row order (Double, NaN skipped).
            var columnSums: [Double]
            /// Per column, the number of `nan` values.
            var missing: [Int]
        }

        /// The collapse rule of `ReplicateStability` that applies to one network.
        struct Collapse: Encodable {
            /// The run ended at chance: final validation ROC-AUC within this of 0.5.
            var chanceBand: Double
            /// The run never learned: best validation ROC-AUC below this.
            var validationThreshold: Double
        }

        /// The rules of the engine, in words, for the mode this experiment uses.
        struct Rules: Encodable {
            var batches: String
            var backgroundMass: String
            var loss: String
            var model: String
            var initialization: String
            var validation: String
            var test: String

            init(spec: ExperimentSpec) {
                batches = spec.balance == .none
                    ? "each epoch is a fresh permutation of the rows of the training file, cut into consecutive batches of batchSize (the last one short): stepsPerEpoch = ceil(rows / batchSize)"
                    : "balance '\(spec.balance.rawValue)': each batch holds batchSize/2 signal rows (split evenly over the training points when the signal is balanced) and the rest background, each group consumed from its own endless sequence of permutations; stepsPerEpoch = max(1, floor(rows / batchSize))"
                switch (spec.backgroundMass.distribution, spec.backgroundMass.assignment) {
                case (_, .fixed):
                    backgroundMass = "\(spec.backgroundMass): the parameter column of the training file is fixed for the whole training (signal: its own point; background: drawn once)"
                case (.identical, .sampled):
                    backgroundMass = "identical-sampled: background rows have nan in the training file; every time one enters a batch its point is drawn uniformly from the network's trainingPoints (scaled values), independently per row"
                case (.uniform, .sampled):
                    backgroundMass = "uniform-sampled: background rows have nan in the training file; every time one enters a batch each parameter is drawn uniformly in [min, max] of the network's trainingPoints (scaled values), independently per row"
                }
                loss = "L = (1/N) Σ_i w_i·BCE(y_i, σ(z_i)) + l2Kernel·Σ K² over every kernel + l2Bias·Σ b² over every bias (Dense and conditioning maps), N = rows of the batch; Adam (Keras form) on ∂L/∂θ"
                model = "hidden blocks Dense(u, activation) → conditioning (affine: h ⊙ (m·W_s + b_s) + (m·W_t + b_t); concat at the start: [x, m] into the first Dense) → Dropout(rate) (inverted, training only), then Dense(1, sigmoid); see ArchitectureSpec"
                initialization = "Keras defaults: every kernel (the conditioning maps' [p × D] too) glorot-uniform U(±sqrt(6/(fan_in+fan_out))), every bias zero"
                validation = "after every epoch, for each training point id: ROC-AUC of the validation rows whose column <parameter>@id is not nan (label 1 = signal), dropout off; their mean decides: the epoch with the strictly highest mean is kept (ties keep the earlier)"
                test = "for each test point id: ROC-AUC (and the paper's metrics) of the test rows whose column <parameter>@id is not nan: the signal at that point and all background with its parameters set to that point"
            }
        }
    }
}
