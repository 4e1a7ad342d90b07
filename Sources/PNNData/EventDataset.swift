import PNNEngine

/// A set of events in memory, in the HEPMASS schema.
///
/// Storage is chosen for training, which every step gathers ~1024 random rows:
/// - `features`: row-major N × 27 Float32 (`features[i * 27 + j]` is feature j of event i),
///   so one event is one contiguous 108-byte run and a batch gather is B short copies;
/// - `mass`: the mass column in GeV exactly as in the file (signal: its hypothesis;
///   background: the value the file assigned). Networks get `mass / 1000` — the batch
///   samplers and `PerMassEvaluationSet` apply that, never the stored data;
/// - `label`: 1 signal, 0 background;
/// - `process`: background process id (0 = SM tt̄, the only one in HEPMASS), used by
///   background balancing; 0 for signal.
///
/// Immutable after construction, so it can be shared across threads.
public final class EventDataset: @unchecked Sendable {
    public static let featureCount = HEPMASSSchema.featureCount

    public let features: [Float]
    public let mass: [Float]
    public let label: [UInt8]
    public let process: [UInt8]
    /// Sorted signal-mass hypotheses present in (or declared for) the data set, GeV.
    public let signalMasses: [Float]

    public var count: Int { label.count }

    /// - Precondition: `features.count == 27 · label.count` and equal column lengths.
    public init(features: [Float], mass: [Float], label: [UInt8], process: [UInt8]? = nil, signalMasses: [Float]) {
        precondition(features.count == label.count * Self.featureCount, "features must hold 27 values per event")
        precondition(mass.count == label.count, "mass column length differs from label column")
        self.features = features
        self.mass = mass
        self.label = label
        self.process = process ?? [UInt8](repeating: 0, count: label.count)
        precondition(self.process.count == label.count, "process column length differs from label column")
        self.signalMasses = signalMasses.sorted()
    }

    /// Feature `j` of event `i`.
    @inline(__always)
    public func feature(_ i: Int, _ j: Int) -> Float { features[i * Self.featureCount + j] }

    /// Number of signal events.
    public var signalCount: Int { label.reduce(0) { $0 + Int($1) } }

    /// Row indices of signal events whose mass is `m` (GeV).
    public func signalIndices(mass m: Float) -> [Int] {
        (0..<count).filter { label[$0] == 1 && mass[$0] == m }
    }

    /// Row indices with `label == l`.
    public func indices(label l: UInt8) -> [Int] { (0..<count).filter { label[$0] == l } }

    /// Distinct background process ids, sorted.
    public var backgroundProcesses: [UInt8] {
        var seen = Set<UInt8>()
        for i in 0..<count where label[i] == 0 { seen.insert(process[i]) }
        return seen.sorted()
    }

    /// A new data set holding the given rows in the given order.
    public func subset(_ rows: [Int]) -> EventDataset {
        let f = Self.featureCount
        var feats = [Float](repeating: 0, count: rows.count * f)
        feats.withUnsafeMutableBufferPointer { dst in
            features.withUnsafeBufferPointer { src in
                for (k, r) in rows.enumerated() {
                    (dst.baseAddress! + k * f).update(from: src.baseAddress! + r * f, count: f)
                }
            }
        }
        return EventDataset(features: feats, mass: rows.map { mass[$0] }, label: rows.map { label[$0] },
                            process: rows.map { process[$0] }, signalMasses: signalMasses)
    }

    /// Copies rows `rows` into `x` (row k of `x` ← event rows[k]); `x` must have 27 columns
    /// and at least `rows.count` rows.
    public func gatherFeatures<C: Collection>(_ rows: C, into x: Matrix, startingAt first: Int = 0) where C.Element == Int {
        precondition(x.cols == Self.featureCount, "feature matrix must have 27 columns")
        let f = Self.featureCount
        features.withUnsafeBufferPointer { src in
            var k = first
            for r in rows {
                x.row(k).update(from: src.baseAddress! + r * f, count: f)
                k += 1
            }
        }
    }

    /// The features as a new N × 27 `Matrix` (a copy).
    public func featureMatrix() -> Matrix {
        let m = Matrix(rows: count, cols: Self.featureCount)
        features.withUnsafeBufferPointer { m.data.update(from: $0.baseAddress!, count: $0.count) }
        return m
    }

    /// Events of several data sets, one after the other.
    public static func concatenate(_ parts: [EventDataset]) -> EventDataset {
        let masses = Set(parts.flatMap(\.signalMasses))
        return EventDataset(features: parts.flatMap(\.features), mass: parts.flatMap(\.mass),
                            label: parts.flatMap(\.label), process: parts.flatMap(\.process),
                            signalMasses: masses.sorted())
    }
}
