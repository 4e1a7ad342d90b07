import PNNData
import PNNEngine
import PNNMetrics

/// The paper's test protocol (§6): for each signal mass m_i, all test signal at m_i and
/// the whole test background with its mass feature set to m_i, background weights scaled
/// so that Σw_bkg = Σw_sig; metrics from PNNMetrics. A weighted data set's events keep
/// their weights as given (signed), so ROC, PR and σ_ratio use the true weighted sums.
/// Results name the points by `ParameterPoint.ids`, and carry the points' values when
/// those ids are positions.
enum TestEvaluator {
    /// `model(k)` is the network that scores mass index k (the same one for every mass,
    /// except for individual NNs). `massDependent`: whether the background must be
    /// re-scored at every mass (parametric models); otherwise it is scored once.
    static func evaluate(_ set: PerMassEvaluationSet, model: (Int) -> Model, massDependent: Bool,
                         pool: WorkerPool) throws -> [RunResult.MassResult] {
        let protocolEvaluation = PerMassEvaluation()
        var sharedBackground: [Double]?
        var previousModel: Model?
        var out: [RunResult.MassResult] = []
        let ids = (ids: ParameterPoint.ids(set.points), valuesAreIDs: ParameterPoint.valuesAreIDs(set.points))
        for k in set.masses.indices {
            let net = model(k)
            let nSignal = set.signalRows[k].count
            let scores: [Double]
            if !massDependent, let background = sharedBackground, previousModel === net {
                scores = Scoring.scores(net, set, massIndex: k, rows: 0..<nSignal, pool: pool).map(Double.init) + background
            } else {
                scores = Scoring.scores(net, set, massIndex: k, pool: pool).map(Double.init)
                sharedBackground = Array(scores[nSignal...])
            }
            previousModel = net
            let signal = Array(scores[..<nSignal]), background = Array(scores[nSignal...])
            let weights = set.weights(massIndex: k)
            let point = try protocolEvaluation.evaluate(mass: ids.valuesAreIDs ? Double(set.points[k][0]) : Double(ids.ids[k]),
                                                        signalScores: signal, backgroundScores: background,
                                                        signalWeights: weights.map { Array($0[..<nSignal]) },
                                                        backgroundWeights: weights.map { Array($0[nSignal...]) })
            let metrics = point.metrics
            out.append(RunResult.MassResult(
                mass: ids.ids[k], point: ids.valuesAreIDs ? nil : set.points[k].map(ParameterPoint.decimal), rocAUC: metrics.rocAUC, prAUC: metrics.prAUC,
                sigmaRatio: metrics.exact.ratio, sigmaRatioBinned: metrics.binned.ratio,
                bestCut: metrics.exact.bestCut, bestCutBinned: metrics.binned.bestCut,
                signalCount: signal.count, backgroundCount: background.count,
                rocCurve: metrics.rocCurve, prCurve: metrics.prCurve,
                signalHistogram: histogram(signal, weights.map { Array($0[..<nSignal]) }, scale: 1, bins: protocolEvaluation.bins),
                backgroundHistogram: histogram(background, weights.map { Array($0[nSignal...]) }, scale: point.backgroundScale,
                                               bins: protocolEvaluation.bins)))
        }
        return out
    }

    /// Score histogram with per-event weights (times `scale`), or all weights `scale`.
    static func histogram(_ scores: [Double], _ weights: [Double]?, scale: Double, bins: Int) -> [Double] {
        weights.map { ScoreHistogram(scores: scores, weights: $0, scale: scale, bins: bins).bins }
            ?? ScoreHistogram(scores: scores, weight: scale, bins: bins).bins
    }
}
