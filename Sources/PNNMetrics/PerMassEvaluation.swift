/// The paper's evaluation protocol (section 6): metrics per signal mass hypothesis,
/// then averaged over masses.
///
/// For each signal mass m_i the sample is all test signal generated at m_i plus the
/// **whole** test background scored with its mass feature set to m_i (on HEPMASS the
/// background's mass is random, so the caller re-scores the background at every m_i).
/// Signal keeps its weights (1 by default); every background weight is multiplied by
///
///     c_i = Σ w_sig(m_i) / Σ w_bkg      so that   Σ c_i·w_bkg = Σ w_sig(m_i)   (eq. 2),
///
/// computed from the data, never assumed (it is 1/5 on HEPMASS's balanced test set).
/// Then ROC-AUC, PR-AUC and σ_ratio/best cut (exact and binned) are computed per mass
/// (`ClassificationMetrics`), and their plain means over masses are reported.
///
/// Given weights (e.g. cross section × luminosity / events, negative for some NLO
/// events) enter as they are; the normalisation above is the protocol's and is on by
/// default (`balance`), for the unweighted HEPMASS path as for weighted input: c_i uses
/// the true signed sums, so Σ c_i·w_bkg = Σ w_sig(m_i) holds with negative weights too.
/// Both sums must be > 0 (`MetricsError.nonPositiveTotalWeight` otherwise, reported
/// for the weights as given). `balance = false` evaluates the weights as given.
public struct PerMassEvaluation: Sendable {
    /// Bins of the binned σ_ratio scan and of the score histograms.
    public var bins: Int
    /// Maximum points per plotted curve (0: no curves).
    public var curvePoints: Int
    /// Scale background weights to Σw_bkg = Σw_sig at each mass (the protocol, eq. 2; the
    /// default). Off: weights as given, e.g. physical weights already in one unit.
    public var balance: Bool
    /// Bootstrap intervals per mass, if set.
    public var bootstrap: Bootstrap?

    public init(bins: Int = PaperProtocol.significanceBins, curvePoints: Int = PaperProtocol.curvePoints,
                balance: Bool = true, bootstrap: Bootstrap? = nil) {
        self.bins = bins
        self.curvePoints = curvePoints
        self.balance = balance
        self.bootstrap = bootstrap
    }

    /// One mass point from its scores: the signal at m_i and the background scored at m_i.
    /// Weights default to 1; background weights are then scaled as described above.
    public func evaluate(mass: Double?, signalScores: [Double], backgroundScores: [Double],
                         signalWeights: [Double]? = nil, backgroundWeights: [Double]? = nil) throws -> MassPointResult {
        do {
            let sw = signalWeights ?? [Double](repeating: 1, count: signalScores.count)
            let bw = backgroundWeights ?? [Double](repeating: 1, count: backgroundScores.count)
            guard sw.count == signalScores.count, bw.count == backgroundScores.count else {
                throw MetricsError.lengthMismatch(scores: signalScores.count + backgroundScores.count,
                                                  labels: signalScores.count + backgroundScores.count,
                                                  weights: sw.count + bw.count)
            }
            let scores = signalScores + backgroundScores
            let labels = [Bool](repeating: true, count: signalScores.count) + [Bool](repeating: false, count: backgroundScores.count)
            return try evaluate(mass: mass, scores: scores, labels: labels, weights: sw + bw)
        } catch let error as MetricsError {
            throw mass.map { MetricsError.atMass($0, error) } ?? error
        }
    }

    /// The CSV case: rows of (score, label, mass, weight). Signal masses are the distinct
    /// masses of the signal rows. Background rows must carry the mass at which they were
    /// scored — a parametric model's background is listed once per mass with its score
    /// at that mass — and are used for that mass only; background rows at a mass without
    /// signal are counted in `ignoredBackgroundRows`. With `masses == nil` all rows form
    /// one sample (reported with mass nil), balanced the same way.
    public func evaluate(scores: [Double], labels: [Bool], masses: [Double]?, weights: [Double]? = nil) throws -> PerMassReport {
        guard scores.count == labels.count, weights.map({ $0.count == scores.count }) ?? true,
              masses.map({ $0.count == scores.count }) ?? true else {
            throw MetricsError.lengthMismatch(scores: scores.count, labels: labels.count, weights: weights?.count)
        }
        guard let masses else {
            let point = try evaluate(mass: nil, scores: scores, labels: labels, weights: weights)
            return PerMassReport(points: [point], ignoredBackgroundRows: 0, bins: bins, balanced: balance)
        }
        for (i, m) in masses.enumerated() where !m.isFinite {
            throw MetricsError.invalidParameter("mass #\(i) is \(m): masses must be finite numbers")
        }
        // Group row indices by mass (exact value; −0 and +0 are one mass).
        var rowsByMass: [Double: [Int]] = [:]
        var signalMasses = Set<Double>()
        for i in scores.indices {
            let m = masses[i] + 0.0
            rowsByMass[m, default: []].append(i)
            if labels[i] { signalMasses.insert(m) }
        }
        guard !rowsByMass.isEmpty else { throw MetricsError.emptyInput }
        guard !signalMasses.isEmpty else { throw MetricsError.singleClass(presentClass: .background, count: scores.count) }
        var ignored = 0
        for (m, rows) in rowsByMass where !signalMasses.contains(m) { ignored += rows.count }
        var points: [MassPointResult] = []
        for m in signalMasses.sorted() {
            let rows = rowsByMass[m]!
            guard rows.contains(where: { !labels[$0] }) else { throw MetricsError.noBackgroundAtMass(m) }
            let s = rows.map { scores[$0] }
            let l = rows.map { labels[$0] }
            let w = weights.map { all in rows.map { all[$0] } }
            do {
                points.append(try evaluate(mass: m, scores: s, labels: l, weights: w))
            } catch let error as MetricsError {
                throw MetricsError.atMass(m, error)
            }
        }
        return PerMassReport(points: points, ignoredBackgroundRows: ignored, bins: bins, balanced: balance)
    }

    /// One sample: scale the background, rank, evaluate, bootstrap.
    private func evaluate(mass: Double?, scores: [Double], labels: [Bool], weights: [Double]?) throws -> MassPointResult {
        var scale = 1.0
        var scaled = weights
        if balance {
            // Validate before summing so that a bad weight is reported as such.
            if let weights {
                for (i, w) in weights.enumerated() where !w.isFinite { throw MetricsError.invalidWeight(index: i, value: w) }
            }
            var sumS = 0.0, sumB = 0.0
            for i in scores.indices {
                let w = weights?[i] ?? 1
                if labels[i] { sumS += w } else { sumB += w }
            }
            if sumS > 0 && sumB > 0 {
                scale = sumS / sumB
                var w = weights ?? [Double](repeating: 1, count: scores.count)
                for i in w.indices where !labels[i] { w[i] *= scale }
                scaled = w
            }
            // Otherwise RankedEvents reports the missing class or the total ≤ 0.
        }
        let events = try RankedEvents(scores: scores, labels: labels, weights: scaled)
        let metrics = try ClassificationMetrics(events, bins: bins, curvePoints: curvePoints)
        let intervals = try bootstrap.map { try $0.intervals(for: events, bins: bins) }
        return MassPointResult(mass: mass, backgroundScale: scale, metrics: metrics, intervals: intervals)
    }
}
