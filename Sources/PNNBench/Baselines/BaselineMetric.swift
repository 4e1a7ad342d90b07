/// The metrics a baseline may hold, in percent: ROC-AUC, the significance ratio
/// σ_ratio = max_t s_t·√s_max / (s_max·√(s_t + b_t)) (paper eq. (4)), the exact (unbinned)
/// one of `RunResult.MassResult.sigmaRatio`, and the PR-AUC (average precision, which the
/// authors' conditioning study reports).
public enum BaselineMetric: String, Codable, Hashable, Sendable, CaseIterable {
    case rocAUC = "roc-auc"
    case sigmaRatio = "sigma-ratio"
    case prAUC = "pr-auc"

    /// What `bench baseline record` writes: enough to pin a run down, the PR-AUC adding
    /// nothing a regression would not move in the other two.
    public static let recorded: [BaselineMetric] = [.rocAUC, .sigmaRatio]

    /// Name in tables and messages.
    public var label: String {
        switch self {
        case .rocAUC: return "ROC-AUC"
        case .sigmaRatio: return "σ_ratio"
        case .prAUC: return "PR-AUC"
        }
    }

    /// Our value at one mass, in percent (results hold fractions in [0, 1]).
    public func percent(_ mass: RunResult.MassResult) -> Double {
        switch self {
        case .rocAUC: return 100 * mass.rocAUC
        case .sigmaRatio: return 100 * mass.sigmaRatio
        case .prAUC: return 100 * mass.prAUC
        }
    }

    /// Our mean over masses, in percent.
    public func percent(_ average: RunResult.Averages) -> Double {
        switch self {
        case .rocAUC: return 100 * average.rocAUC
        case .sigmaRatio: return 100 * average.sigmaRatio
        case .prAUC: return 100 * average.prAUC
        }
    }

    /// Our value for a cell: a mass, or the average when `mass` is nil.
    public func percent(_ result: RunResult, mass: Int?) -> Double? {
        guard let mass else { return percent(result.average) }
        return result.perMass.first { $0.mass == mass }.map(percent)
    }
}
