import PNNData
import PNNEngine
import PNNMetrics

/// The paper's test protocol (§6): for each signal mass m_i, all test signal at m_i and
/// the whole test background with its mass feature set to m_i, background weights scaled
/// so that Σw_bkg = Σw_sig; metrics from PNNMetrics.
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
            let point = try protocolEvaluation.evaluate(mass: Double(set.masses[k]), signalScores: signal, backgroundScores: background)
            let metrics = point.metrics
            out.append(RunResult.MassResult(
                mass: Int(set.masses[k]), rocAUC: metrics.rocAUC, prAUC: metrics.prAUC,
                sigmaRatio: metrics.exact.ratio, sigmaRatioBinned: metrics.binned.ratio,
                bestCut: metrics.exact.bestCut, bestCutBinned: metrics.binned.bestCut,
                signalCount: signal.count, backgroundCount: background.count,
                rocCurve: metrics.rocCurve, prCurve: metrics.prCurve,
                signalHistogram: ScoreHistogram(scores: signal, weight: 1, bins: protocolEvaluation.bins).bins,
                backgroundHistogram: ScoreHistogram(scores: background, weight: point.backgroundScale,
                                                    bins: protocolEvaluation.bins).bins))
        }
        return out
    }
}
