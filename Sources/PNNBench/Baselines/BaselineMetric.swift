/// The two metrics the baselines hold, in percent: ROC-AUC and the significance ratio
/// σ_ratio = max_t s_t·√s_max / (s_max·√(s_t + b_t)) (paper eq. (4)), the exact (unbinned)
/// one of `RunResult.MassResult.sigmaRatio`.
public enum BaselineMetric: String, Codable, Hashable, Sendable, CaseIterable {
    case rocAUC = "roc-auc"
    case sigmaRatio = "sigma-ratio"

    /// Name in tables and messages.
    public var label: String {
        switch self {
        case .rocAUC: return "ROC-AUC"
        case .sigmaRatio: return "σ_ratio"
        }
    }

    /// Our value at one mass, in percent (results hold fractions in [0, 1]).
    public func percent(_ mass: RunResult.MassResult) -> Double {
        switch self {
        case .rocAUC: return 100 * mass.rocAUC
        case .sigmaRatio: return 100 * mass.sigmaRatio
        }
    }

    /// Our mean over masses, in percent.
    public func percent(_ average: RunResult.Averages) -> Double {
        switch self {
        case .rocAUC: return 100 * average.rocAUC
        case .sigmaRatio: return 100 * average.sigmaRatio
        }
    }

    /// Our value for a cell: a mass, or the average when `mass` is nil.
    public func percent(_ result: RunResult, mass: Int?) -> Double? {
        guard let mass else { return percent(result.average) }
        return result.perMass.first { $0.mass == mass }.map(percent)
    }
}
