/// How physics parameters are given to a network: component j becomes
///
///     m'_j = (m_j − offset_j) / scale_j
///
/// HEPMASS's is m / 1000 (paper §4.4: offset 0, scale 1000; m − 0 is exact, so this is
/// bit for bit m / 1000). A declared data set states its divisors or lets them be
/// computed from its signal grid (`standardizing`).
public struct ParameterScaling: Codable, Hashable, Sendable {
    public var offset: [Float]
    public var scale: [Float]

    public init(offset: [Float], scale: [Float]) {
        precondition(offset.count == scale.count && scale.allSatisfy { $0 != 0 && $0.isFinite }, "scales must be finite and non-zero")
        self.offset = offset
        self.scale = scale
    }

    /// m / 1000 (HEPMASS).
    public static let hepmass = ParameterScaling(offset: [0], scale: [HEPMASSSchema.massScale])

    /// Divide each parameter by a declared value.
    public static func dividing(by divisors: [Float]) -> ParameterScaling {
        ParameterScaling(offset: divisors.map { _ in 0 }, scale: divisors)
    }

    /// Divide each parameter by the largest absolute value of the grid (1 when that is 0),
    /// so the grid lies within [−1, 1], as HEPMASS's m / 1000 puts 500…1500 GeV at
    /// 0.5…1.5. Not centred on purpose: scaling and affine conditioning multiply features
    /// by W·m′, so a point mapped to m′ = 0 would erase every feature there.
    public static func computed(points: [[Float]]) -> ParameterScaling {
        let p = points.first?.count ?? 1
        let divisors = (0..<p).map { j -> Float in
            let largest = points.map { Swift.abs($0[j]) }.max() ?? 1
            return largest > 0 && largest.isFinite ? largest : 1
        }
        return .dividing(by: divisors)
    }

    /// Component j of `value` as a network sees it.
    @inline(__always)
    public func apply(_ value: Float, component j: Int) -> Float { (value - offset[j]) / scale[j] }
}

/// Parameter points: p-vectors of physics parameters, one per signal hypothesis.
public enum ParameterPoint {
    /// Lexicographic order.
    public static func precedes(_ a: [Float], _ b: [Float]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }

    /// A parameter value as a person writes it: "500", "0.06" (the shortest decimal).
    public static func text(_ v: Float) -> String { format(v) }

    /// The Double nearest the shortest decimal of `v` (0.05, not 0.0500000007): how a
    /// point the data hold as Floats is written to suite definitions and result files.
    public static func decimal(_ v: Float) -> Double { Double("\(v)")! }

    /// The same for a value held as a Double (suite files, result files).
    public static func text(_ v: Double) -> String {
        v == v.rounded() && Swift.abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    /// "500" for one parameter, "mX=500, width=0.06" for several.
    public static func label(_ point: [Float], names: [String]) -> String {
        if point.count == 1 { return format(point[0]) }
        return zip(names, point).map { "\($0)=\(format($1))" }.joined(separator: ", ")
    }
}

extension ParameterPoint {
    /// Whole-number ids of sorted points, as results, tables and claims name them: the
    /// value itself for one parameter with whole-number values (HEPMASS: the mass in GeV),
    /// otherwise the point's 1-based position in the sorted grid.
    public static func ids(_ points: [[Float]]) -> [Int] {
        valuesAreIDs(points) ? points.map { Int($0[0]) } : points.indices.map { $0 + 1 }
    }

    /// Whether the points are one whole-number parameter each, so that ids are values.
    public static func valuesAreIDs(_ points: [[Float]]) -> Bool {
        points.allSatisfy { $0.count == 1 && $0[0] == $0[0].rounded() && Swift.abs($0[0]) < 1e9 }
    }
}
