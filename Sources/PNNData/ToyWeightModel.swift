import PNNEngine

/// The event weights of a grid sample (`GridSample`): a toy luminosity and toy cross
/// sections, in fb⁻¹ and fb so that a weight counts expected events.
///
///     L      = 140 fb⁻¹
///     σ_X(m) = 1000 fb · (500 GeV / m)⁴     (the same for every width)
///     σ_tt̄   = 800 000 fb                  (800 pb)
///
/// Signal point p with N_p events: every event weighs w_p = σ_X(m_p)·L / N_p, so
/// Σw = σ_X(m_p)·L (140 000 at 500 GeV).
///
/// Background with N_b events, a fraction F of them negative as NLO generators produce:
/// n₋ = round(F·N_b) events weigh −c and the others +c, with
/// c = σ_tt̄·L / (N_b·(1 − 2F)), so Σw_b = c·(N_b − 2n₋) = σ_tt̄·L·(N_b − 2n₋)/(N_b − 2F·N_b),
/// which is σ_tt̄·L up to the rounding of n₋ (within c of it). n₋ is capped at
/// ⌊(N_b − 1)/2⌋ so that Σw_b > 0, as the metrics need a positive class total; for
/// F < 0.5 the cap matters only when N_b ≤ 1/(1 − 2F).
///
/// Which events are negative is a uniformly random set of n₋: n₋ minus and N_b − n₋ plus
/// signs shuffled (Fisher–Yates) with `RandomStream(seed, .eventWeightSign)`, a stream
/// of its own, so the signs are independent of the kinematics. Weights are Float32, as
/// a reader would store them.
public struct ToyWeightModel: Hashable, Sendable {
    /// L in fb⁻¹.
    public static let luminosity = 140.0
    /// σ_X at `referenceMass`, in fb.
    public static let referenceSignalCrossSection = 1000.0
    /// GeV.
    public static let referenceMass = 500.0
    /// σ_tt̄ in fb.
    public static let backgroundCrossSection = 800_000.0

    /// F, in [0, 0.5).
    public let negativeFraction: Double

    /// - Throws: `DataError.invalidRequest` unless 0 ≤ F < 0.5 (at F = 0.5 the
    ///   background weights would cancel to nothing).
    public init(negativeFraction: Double = 0.05) throws {
        guard negativeFraction >= 0 && negativeFraction < 0.5 else {
            throw DataError.invalidRequest("negative-weight fraction \(negativeFraction): expected 0 ≤ F < 0.5 (at 0.5 the background weights cancel)")
        }
        self.negativeFraction = negativeFraction
    }

    /// σ_X(m) = 1000 fb · (500 GeV / m)⁴.
    public static func signalCrossSection(mass: Double) -> Double {
        let r = referenceMass / mass
        return referenceSignalCrossSection * (r * r) * (r * r)
    }

    /// w_p = σ_X(m)·L / N_p, the weight of each of `events` signal events at mass `mass`.
    public static func signalWeight(mass: Double, events: Int) -> Float {
        Float(signalCrossSection(mass: mass) * luminosity / Double(events))
    }

    /// c = σ_tt̄·L / (N_b·(1 − 2F)), the magnitude of every background weight.
    public func backgroundMagnitude(events: Int) -> Float {
        Float(Self.backgroundCrossSection * Self.luminosity / (Double(events) * (1 - 2 * negativeFraction)))
    }

    /// n₋ = round(F·N_b), at most ⌊(N_b − 1)/2⌋.
    public func negativeCount(events: Int) -> Int {
        min(Int((negativeFraction * Double(events)).rounded()), (events - 1) / 2)
    }

    /// Per background event, whether its weight is negative: exactly `negativeCount`
    /// trues at uniformly random positions, a pure function of (F, events, seed).
    public func negativeSigns(events: Int, seed: UInt64) -> [Bool] {
        let n = negativeCount(events: events)
        var signs = [Bool](repeating: true, count: n) + [Bool](repeating: false, count: events - n)
        var stream = RandomStream(seed: seed, purpose: .eventWeightSign)
        stream.shuffle(&signs)
        return signs
    }
}
