/// How HEPMASS-IMB's signal shrinks with a reduced budget. At a budget of T HEPMASS
/// training events (the paper: T = 7M) HEPMASS-IMB keeps HEPMASS's background, T/2
/// events, and subsamples the signal at each mass m:
///
/// - `scaled`: the paper's ratios, n_m = N_m · T / 7M with N = (350k, 140k, 35k, 7k, 2k):
///   13 % signal and a 175× spread between masses at every budget, but at T = 200k only
///   57 events at 1500 GeV;
/// - `paper`: the paper's absolute counts where the budget has them,
///   n_m = min(N_m, T/10) (T/10 is HEPMASS's signal per mass at T events): the rare
///   masses keep 7k and 2k events, the common ones are capped, so the signal share and the
///   spread are smaller than the paper's below T ≈ 3.5M.
///
/// Both are the paper's HEPMASS-IMB at T = 7M.
public enum IMBSignal: String, Codable, CaseIterable, Sendable {
    case scaled
    case paper

    /// HEPMASS-IMB's composition for a budget of `hepmassEvents` HEPMASS training events.
    public func composition(hepmassEvents: Int) -> EventComposition {
        switch self {
        case .scaled:
            let events = Int((Double(hepmassEvents) * EventComposition.imbalancedShare).rounded())
            return .imbalanced(events: events)
        case .paper:
            let hepmass = EventComposition.balanced(events: hepmassEvents)
            let signal = zip(EventComposition.imbalancedSignalCounts, hepmass.signal).map { min($0, $1) }
            return EventComposition(masses: hepmass.masses, signal: signal, background: hepmass.background)
        }
    }
}
