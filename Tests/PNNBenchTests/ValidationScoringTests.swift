import Testing
@testable import PNNBench
@testable import PNNData
@testable import PNNEngine
import PNNMetrics

/// Scoring each (background event, point) pair once must give the validation metric of
/// scoring every point's set in full, to the bit: it decides which epoch's weights are kept.
@Suite struct ValidationScoringTests {
    /// The per-point computation: every row of every point's set scored on its own.
    func reference(_ model: Model, _ set: PerMassEvaluationSet, pool: WorkerPool) throws -> Double {
        var total = 0.0
        for k in set.points.indices {
            let scores = Scoring.scores(model, set, massIndex: k, pool: pool)
            let labels = set.labels(massIndex: k).map { $0 > 0.5 }
            total += try ClassificationMetrics(scores: scores.map(Double.init), labels: labels, weights: set.weights(massIndex: k),
                                               curvePoints: 0).rocAUC
        }
        return total / Double(set.points.count)
    }

    @Test(arguments: [nil, [Float(500), 1500], [Float(750)]])
    func sharedBackgroundScoresGiveTheSameMetric(points: [Float]?) throws {
        let data = HEPMASSSimulator().generate(.balanced(events: 9_000), seed: 8, threads: 2)
        let set = PerMassEvaluationSet.validation(data, masses: points, seed: 42)
        let pool = WorkerPool(threads: 2)
        let scoring = ValidationScoring(set)
        // Each point's background list covers exactly the events drawn to it.
        let nb = set.backgroundRows.count
        for p in set.points.indices {
            let drawnHere = Set((0..<set.points.count).flatMap { k in (0..<nb).filter { set.backgroundPointIndex(massIndex: k, background: $0) == p } })
            #expect(scoring.backgroundAt[p] == drawnHere.sorted())
        }
        let distinct = scoring.backgroundAt.reduce(0) { $0 + $1.count }
        #expect(distinct <= set.points.count * nb)
        if set.points.count == 5 { #expect(distinct < 4 * nb) }  // ≈ 3.36 per event expected
        for spec in [PaperArchitecture.affine.spec, PaperArchitecture.pnn.spec, PaperArchitecture.single.spec] {
            var small = spec
            small.hiddenUnits = [24, 12]
            let model = Model(spec: small, seed: 3)
            #expect(try scoring.meanROCAUC(model, pool: pool).bitPattern == reference(model, set, pool: pool).bitPattern,
                    "\(spec.conditioning) at \(points.map { "\($0)" } ?? "all masses")")
        }
    }
}
