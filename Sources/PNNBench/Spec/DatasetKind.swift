/// Which data set an experiment uses: one of the paper's two, or one a suite declares
/// under `datasets:` (`DatasetDeclaration`), by its name. On the embedded simulator the
/// paper's two structures are generated: balanced like HEPMASS, or with HEPMASS-IMB's
/// class and mass imbalance (paper Table 1). Encoded as its name ("hepmass").
public struct DatasetKind: RawRepresentable, Codable, Hashable, Sendable, Comparable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let hepmass = DatasetKind(rawValue: "hepmass")
    public static let hepmassIMB = DatasetKind(rawValue: "hepmass-imb")
    /// The paper's data sets; any other name is a declared one.
    public static let allCases: [DatasetKind] = [.hepmass, .hepmassIMB]

    public var isImbalanced: Bool { self == .hepmassIMB }
    /// Whether a suite declares it (not HEPMASS or HEPMASS-IMB).
    public var isDeclared: Bool { !Self.allCases.contains(self) }

    public static func < (a: DatasetKind, b: DatasetKind) -> Bool { a.rawValue < b.rawValue }
}
