/// What training does with negative event weights (NLO generators produce them).
/// Evaluation always uses the weights as given, with their true signed sums.
///
/// - `keep`: train with the signed weight, so an event of weight −w pulls its class
///   the other way (the unbiased estimate of the weighted loss; the loss of a batch can
///   then be negative);
/// - `abs`: train with |w| (common practice; biases the learnt distribution towards the
///   negative-weight events' phase space);
/// - `zero`: leave those events out of the loss (weight 0).
public enum NegativeWeightPolicy: String, Codable, Hashable, Sendable, CaseIterable {
    case keep, abs, zero

    @inline(__always)
    public func apply(_ w: Float) -> Float {
        guard w < 0 else { return w }
        switch self {
        case .keep: return w
        case .abs: return -w
        case .zero: return 0
        }
    }
}
