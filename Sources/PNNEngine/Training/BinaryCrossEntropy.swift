/// Weighted binary cross-entropy on a sigmoid output, computed from the logits.
///
/// For logit z, label y ∈ {0, 1}, p = σ(z):
///
///     ℓ(z, y) = −y·log p − (1 − y)·log(1 − p) = max(z, 0) − z·y + log(1 + e^{−|z|})
///
/// (the right-hand form never overflows). The batch loss is reduced as Keras'
/// default "sum_over_batch_size": L = (1/N)·Σ_i w_i·ℓ_i, divided by the number of
/// events N, not by Σw. Its gradient is ∂L/∂z_i = w_i·(σ(z_i) − y_i)/N.
///
/// Keras, given probabilities, clips p to [1e−7, 1 − 1e−7]; the two agree to float
/// precision wherever p is not within 1e−7 of 0 or 1, and there the logit form is the
/// correct one.
public enum BinaryCrossEntropy {
    /// Returns L (accumulated in Double) and writes ∂L/∂z into `gradient` [N × 1].
    public static func lossAndGradient(logits: Matrix, labels: Matrix, weights: Matrix?,
                                       gradient: Matrix) -> Double {
        let n = logits.rows
        precondition(labels.rows == n && gradient.rows == n && (weights?.rows ?? n) == n, "batch size mismatch")
        let invN = 1 / Float(n)
        var total = 0.0
        for i in 0..<n {
            let z = logits.data[i], y = labels.data[i]
            let w = weights?.data[i] ?? 1
            // t = e^{−|z|} serves both: the loss's log term and σ(z) as `stableSigmoid`
            // forms it (1/(1 + t) for z ≥ 0, t/(1 + t) below), with one exponential.
            let t = _expf(-abs(z))
            let loss = max(z, 0) - z * y + _log1pf(t)
            total += Double(w) * Double(loss)
            let p = z >= 0 ? 1 / (1 + t) : t / (1 + t)
            gradient.data[i] = w * (p - y) * invN
        }
        return total / Double(n)
    }
}
