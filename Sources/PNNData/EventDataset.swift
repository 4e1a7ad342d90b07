import PNNEngine

/// A set of events in memory: features, physics parameters, label, process and weight.
///
/// Storage is chosen for training, which every step gathers ~1024 random rows:
/// - `features`: row-major N × F Float32 (`features[i * F + j]` is feature j of event i;
///   F = 27 for HEPMASS), so one event is one contiguous run and a batch gather is B
///   short copies;
/// - `mass`: the physics parameters, row-major N × p (p = 1 for HEPMASS, whose one
///   parameter is the mass in GeV exactly as in the file). Signal rows hold their point;
///   background rows hold the value their file assigned (HEPMASS), or NaN when the file
///   has none — the batch samplers then draw one. Networks get the parameters mapped by
///   `parameterScaling` (m / 1000 for HEPMASS), applied by the samplers and
///   `PerMassEvaluationSet`, never to the stored data;
/// - `label`: 1 signal, 0 background;
/// - `process`: background process id (0 = SM tt̄, the only one in HEPMASS), used by
///   background balancing; 0 for signal;
/// - `weight`: per-event weights as given (any sign), or nil when every event weighs 1.
///
/// Immutable after construction, so it can be shared across threads.
public final class EventDataset: @unchecked Sendable {
    /// HEPMASS's feature count, the default.
    public static let featureCount = HEPMASSSchema.featureCount

    public let features: [Float]
    public let mass: [Float]
    public let label: [UInt8]
    public let process: [UInt8]
    public let weight: [Float]?
    /// Features per event (F).
    public let featureCount: Int
    /// Physics parameters per event (p).
    public let parameterCount: Int
    /// Names of the parameters ("mass" for HEPMASS).
    public let parameterNames: [String]
    /// How parameters are given to networks.
    public let parameterScaling: ParameterScaling
    /// Signal parameter points present in (or declared for) the data set, sorted
    /// lexicographically; each holds p values.
    public let signalPoints: [[Float]]

    public var count: Int { label.count }

    /// Sorted signal-mass hypotheses (GeV) of a one-parameter data set.
    public var signalMasses: [Float] { signalPoints.map { $0[0] } }

    /// A HEPMASS-schema data set: 27 features, one parameter (mass, GeV, scaled by 1/1000).
    /// - Precondition: `features.count == 27 · label.count` and equal column lengths.
    public convenience init(features: [Float], mass: [Float], label: [UInt8], process: [UInt8]? = nil, signalMasses: [Float]) {
        self.init(features: features, featureCount: Self.featureCount, parameters: mass, parameterNames: ["mass"],
                  scaling: .hepmass, label: label, process: process, weight: nil,
                  signalPoints: signalMasses.map { [$0] })
    }

    /// Any schema. - Precondition: `features.count == featureCount · N`,
    /// `parameters.count == p · N` (p = `parameterNames.count`), equal column lengths, and
    /// every signal point has p values.
    public init(features: [Float], featureCount: Int, parameters: [Float], parameterNames: [String], scaling: ParameterScaling,
                label: [UInt8], process: [UInt8]?, weight: [Float]?, signalPoints: [[Float]]) {
        let p = parameterNames.count
        precondition(featureCount > 0 && p > 0, "a data set needs features and parameters")
        precondition(features.count == label.count * featureCount, "features must hold \(featureCount) values per event")
        precondition(parameters.count == label.count * p, "parameter column length differs from label column")
        precondition(scaling.offset.count == p && scaling.scale.count == p, "one scaling per parameter")
        precondition(signalPoints.allSatisfy { $0.count == p }, "signal points must have \(p) values")
        self.features = features
        self.featureCount = featureCount
        self.mass = parameters
        self.parameterCount = p
        self.parameterNames = parameterNames
        self.parameterScaling = scaling
        self.label = label
        self.process = process ?? [UInt8](repeating: 0, count: label.count)
        precondition(self.process.count == label.count, "process column length differs from label column")
        precondition(weight.map { $0.count == label.count } ?? true, "weight column length differs from label column")
        self.weight = weight
        self.signalPoints = signalPoints.sorted(by: ParameterPoint.precedes)
    }

    /// Feature `j` of event `i`.
    @inline(__always)
    public func feature(_ i: Int, _ j: Int) -> Float { features[i * featureCount + j] }

    /// The parameters of event `i` (p values).
    @inline(__always)
    public func point(_ i: Int) -> ArraySlice<Float> { mass[(i * parameterCount)..<((i + 1) * parameterCount)] }

    /// Weight of event `i` as given (1 when the data set is unweighted).
    @inline(__always)
    public func eventWeight(_ i: Int) -> Float { weight?[i] ?? 1 }

    /// Number of signal events.
    public var signalCount: Int { label.reduce(0) { $0 + Int($1) } }

    /// Row indices of signal events whose mass is `m` (GeV), for one-parameter data.
    public func signalIndices(mass m: Float) -> [Int] { signalIndices(point: [m]) }

    /// Row indices of signal events at `point`.
    public func signalIndices(point: [Float]) -> [Int] {
        if parameterCount == 1 { return (0..<count).filter { label[$0] == 1 && mass[$0] == point[0] } }
        return (0..<count).filter { label[$0] == 1 && self.point($0).elementsEqual(point) }
    }

    /// Row indices with `label == l`.
    public func indices(label l: UInt8) -> [Int] { (0..<count).filter { label[$0] == l } }

    /// A new data set holding the given rows in the given order.
    public func subset(_ rows: [Int]) -> EventDataset {
        EventDataset(features: Self.gather(features, width: featureCount, rows: rows), featureCount: featureCount,
                     parameters: Self.gather(mass, width: parameterCount, rows: rows), parameterNames: parameterNames,
                     scaling: parameterScaling, label: rows.map { label[$0] }, process: rows.map { process[$0] },
                     weight: weight.map { w in rows.map { w[$0] } }, signalPoints: signalPoints)
    }

    private static func gather(_ values: [Float], width: Int, rows: [Int]) -> [Float] {
        var out = [Float](repeating: 0, count: rows.count * width)
        out.withUnsafeMutableBufferPointer { dst in
            values.withUnsafeBufferPointer { src in
                for (k, r) in rows.enumerated() {
                    (dst.baseAddress! + k * width).update(from: src.baseAddress! + r * width, count: width)
                }
            }
        }
        return out
    }

    /// Copies rows `rows` into `x` (row k of `x` ← event rows[k]); `x` must have F columns
    /// and at least `rows.count` rows.
    public func gatherFeatures<C: Collection>(_ rows: C, into x: Matrix, startingAt first: Int = 0) where C.Element == Int {
        precondition(x.cols == featureCount, "feature matrix must have \(featureCount) columns")
        let f = featureCount
        features.withUnsafeBufferPointer { src in
            var k = first
            for r in rows {
                x.row(k).update(from: src.baseAddress! + r * f, count: f)
                k += 1
            }
        }
    }

    /// Events of several data sets of one schema, one after the other.
    public static func concatenate(_ parts: [EventDataset]) -> EventDataset {
        let first = parts[0]
        var points: [[Float]] = []
        for p in parts.flatMap(\.signalPoints) where !points.contains(p) { points.append(p) }
        let weighted = parts.contains { $0.weight != nil }
        return EventDataset(features: parts.flatMap(\.features), featureCount: first.featureCount,
                            parameters: parts.flatMap(\.mass), parameterNames: first.parameterNames,
                            scaling: first.parameterScaling, label: parts.flatMap(\.label), process: parts.flatMap(\.process),
                            weight: weighted ? parts.flatMap { $0.weight ?? [Float](repeating: 1, count: $0.count) } : nil,
                            signalPoints: points)
    }
}
