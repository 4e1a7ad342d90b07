import PNNData
import PNNEngine
import PNNMetrics

/// The per-epoch validation metric of `NetworkTrainer`, with every (background event,
/// point) pair scored once per epoch.
///
/// At point index k the validation set is that point's signal and all background, each
/// background event b given a drawn point π_k(b) (`PerMassEvaluationSet.validation`). A
/// network's score of an event depends only on its features and its point, so the
/// background scores at k are s(b, π_k(b)) and the pairs drawn for several k coincide:
/// with P points drawn P times, an event needs on average P·(1 − (1 − 1/P)^P) distinct
/// scores, not P (3.36 instead of 5 for five masses, 1.5 instead of 2 for two). The draws
/// do not change between epochs, so which pairs to score is worked out once.
///
/// Every score is the one the per-point pass would compute (a row's score does not depend
/// on the rows batched with it), in the same order, so the metric is the same bits.
struct ValidationScoring {
    let set: PerMassEvaluationSet
    /// Per point p: the positions (in `set.backgroundRows`) of the background events some
    /// k gives point p, in increasing order.
    let backgroundAt: [[Int]]
    /// Per point index k and background position b: π_k(b), and where s(b, π_k(b)) is in
    /// the scores of `backgroundAt[π_k(b)]`.
    let drawn: [[Int32]]
    let slot: [[Int32]]

    init(_ set: PerMassEvaluationSet) {
        self.set = set
        let points = set.points.count, nb = set.backgroundRows.count
        var drawn = [[Int32]](repeating: [Int32](repeating: 0, count: nb), count: points)
        var needed = [[Bool]](repeating: [Bool](repeating: false, count: nb), count: points)
        for k in 0..<points {
            for b in 0..<nb {
                let p = set.backgroundPointIndex(massIndex: k, background: b)
                drawn[k][b] = Int32(p)
                needed[p][b] = true
            }
        }
        let backgroundAt = needed.map { flags in flags.indices.filter { flags[$0] } }
        var position = [[Int32]](repeating: [Int32](repeating: -1, count: nb), count: points)
        for (p, events) in backgroundAt.enumerated() {
            for (i, b) in events.enumerated() { position[p][b] = Int32(i) }
        }
        self.backgroundAt = backgroundAt
        self.drawn = drawn
        slot = (0..<points).map { k in (0..<nb).map { b in position[Int(drawn[k][b])][b] } }
    }

    /// Mean over the set's points of the ROC-AUC of the model's scores (dropout off), with
    /// the events' weights as given when the data set is weighted (no per-point
    /// normalisation needed: ROC-AUC does not change when one class's weights are scaled).
    func meanROCAUC(_ model: Model, pool: WorkerPool) throws -> Double {
        let background: [[Float]] = backgroundAt.enumerated().map { p, events in
            let x = Matrix(rows: Scoring.batch, cols: set.dataset.featureCount)
            let m = Matrix(rows: Scoring.batch, cols: set.dataset.parameterCount)
            return model.predict(count: events.count, x: x, mass: m, pool: pool) { part in
                set.fillBackground(events[part], point: p, x: x, mass: m)
            }
        }
        var total = 0.0
        for k in set.points.indices {
            let signal = Scoring.scores(model, set, massIndex: k, rows: 0..<set.signalRows[k].count, pool: pool)
            var scores = signal.map(Double.init)
            scores.reserveCapacity(set.count(massIndex: k))
            for b in set.backgroundRows.indices { scores.append(Double(background[Int(drawn[k][b])][Int(slot[k][b])])) }
            let labels = set.labels(massIndex: k).map { $0 > 0.5 }
            total += try ClassificationMetrics(scores: scores, labels: labels, weights: set.weights(massIndex: k),
                                               curvePoints: 0).rocAUC
        }
        return total / Double(set.points.count)
    }
}
