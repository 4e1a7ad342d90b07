/// Which of the paper's two data sets an experiment uses. On the embedded simulator the
/// same two structures are generated: balanced like HEPMASS, or with HEPMASS-IMB's class
/// and mass imbalance (paper Table 1).
public enum DatasetKind: String, Codable, Hashable, Sendable, CaseIterable {
    case hepmass
    case hepmassIMB = "hepmass-imb"

    public var isImbalanced: Bool { self == .hepmassIMB }
}
