/// Where a claim's verdict settles on a convergence ladder.
///
/// With the verdicts v₁ … v_k at the rungs that ran the claim (ladder order, rungs where
/// it was not run left out), the claim has settled at rung i when v_i = v_{i+1} = … = v_k
/// and v_k is holds or fails; i is the smallest such rung. Then it is
///
///     settled at default   i is the default scale or a rung below it, and a rung above
///                          the default ran,
///     settles at B         i is a rung above the default (B its budget) and either
///                          i < k (a larger rung confirms it) or i is the paper's own scale,
///     not settled          v_k is inconclusive, no rung above the default ran, or only
///                          the largest rung run (below the paper's) shows v_k.
public struct ClaimSettling: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case settledAtDefault = "settled at default"
        case settles = "settles"
        case notSettled = "not settled"
    }

    public var kind: Kind
    /// The verdict at the largest rung run; nil when no rung ran the claim.
    public var verdict: ClaimOutcome.Status?
    /// Rung i, from which the verdict no longer changes (nil when not settled).
    public var from: String?
    /// The largest rung that ran the claim.
    public var largest: String?
    /// No rung above the default ran the claim.
    public var nothingAboveDefault = false

    /// The scale `bench all` runs unless told otherwise.
    public static let defaultScale = "default"
    /// The paper's own budget: a verdict reached there needs no larger rung to confirm it.
    public static let paperScale = "paper"

    public init(verdicts: [(rung: String, status: ClaimOutcome.Status)], ladder: ConvergenceLadder) {
        let run = verdicts.filter { $0.status != .notRun }
        largest = run.last?.rung
        verdict = run.last?.status
        guard let last = run.last, last.status != .inconclusive else {
            kind = .notSettled
            return
        }
        var i = run.count - 1
        while i > 0 && run[i - 1].status == last.status { i -= 1 }
        let names = ladder.rungs.map(\.name)
        let position = { (name: String) in names.firstIndex(of: name) ?? names.count }
        let defaultIndex = names.firstIndex(of: Self.defaultScale)
        if let defaultIndex, position(last.rung) <= defaultIndex {
            kind = .notSettled
            nothingAboveDefault = true
        } else if let defaultIndex, position(run[i].rung) <= defaultIndex {
            kind = .settledAtDefault
            from = run[i].rung
        } else if i < run.count - 1 || run[i].rung == Self.paperScale {
            kind = .settles
            from = run[i].rung
        } else {
            kind = .notSettled
        }
    }

    /// "settled at default (holds from smoke to large)", "settles at medium (fails from
    /// medium to paper)", "not settled at large (inconclusive)".
    public var text: String {
        let word = verdict.map { $0 == .holds ? "holds" : $0 == .fails ? "fails" : $0.rawValue } ?? "not run"
        switch kind {
        case .settledAtDefault: return "settled at default (\(word) from \(from!) to \(largest!))"
        case .settles: return "settles at \(from!) (\(word) from \(from!) to \(largest!))"
        case .notSettled:
            guard let largest else { return "not run" }
            if verdict == .inconclusive { return "not settled at \(largest) (inconclusive there)" }
            if nothingAboveDefault { return "not settled (\(word) at \(largest); no rung above default run)" }
            return "not settled at \(largest) (\(word) only there, the largest rung run)"
        }
    }
}
