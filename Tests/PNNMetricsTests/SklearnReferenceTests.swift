import Foundation
import Testing
import PNNMetrics

/// Agreement with scikit-learn (roc_auc_score, average_precision_score, roc_curve,
/// precision_recall_curve, all with sample_weight) and with a brute-force numpy σ_ratio,
/// on the fixture written by Tools/reference/sklearn_metrics.py.
@Suite struct SklearnReferenceTests {
    struct Fixture: Decodable {
        let sklearn_version: String
        let bins: Int
        let cases: [Case]
    }
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let score: [Double]
        let label: [Int]
        let weight: [Double]?
        let roc_auc: Double
        let average_precision: Double
        let sigma_ratio_exact: Double
        let best_cut_exact: Double
        let sigma_ratio_binned: Double
        let best_cut_binned: Double
        let roc_curve: ROC?
        let pr_curve: PR?
        var testDescription: String { name }
    }
    struct ROC: Decodable { let fpr: [Double]; let tpr: [Double]; let thresholds: [Double] }
    struct PR: Decodable { let precision: [Double]; let recall: [Double]; let thresholds: [Double] }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/sklearn_reference", withExtension: "json")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static let tolerance = 1e-6

    func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func fixtureIsUsable() {
        #expect(Self.fixture.cases.count >= 3)
        #expect(!Self.fixture.sklearn_version.isEmpty)
        #expect(Self.fixture.cases.map(\.score.count).reduce(0, +) >= 5000)
    }

    @Test(arguments: fixture.cases) func areas(_ c: Case) throws {
        let m = try ClassificationMetrics(scores: c.score, labels: c.label.map { $0 == 1 }, weights: c.weight,
                                          bins: Self.fixture.bins)
        #expect(abs(m.rocAUC - c.roc_auc) < Self.tolerance)
        #expect(abs(m.prAUC - c.average_precision) < Self.tolerance)
    }

    @Test(arguments: fixture.cases) func significanceRatioAgainstBruteForce(_ c: Case) throws {
        let m = try ClassificationMetrics(scores: c.score, labels: c.label.map { $0 == 1 }, weights: c.weight,
                                          bins: Self.fixture.bins)
        #expect(abs(m.exact.ratio - c.sigma_ratio_exact) < Self.tolerance)
        #expect(m.exact.bestCut == c.best_cut_exact)
        #expect(abs(m.binned.ratio - c.sigma_ratio_binned) < Self.tolerance)
        #expect(m.binned.bestCut == c.best_cut_binned)
        #expect(m.binned.ratio <= m.exact.ratio + 1e-12)
    }

    @Test(arguments: fixture.cases.filter { $0.roc_curve != nil }) func curvesPointByPoint(_ c: Case) throws {
        let sweep = ThresholdSweep(try RankedEvents(scores: c.score, labels: c.label.map { $0 == 1 }, weights: c.weight))
        let roc = ROCCurve(sweep)
        let ref = c.roc_curve!
        #expect(roc.falsePositiveRate.count == ref.fpr.count)
        #expect(maxDifference(roc.falsePositiveRate, ref.fpr) < Self.tolerance)
        #expect(maxDifference(roc.truePositiveRate, ref.tpr) < Self.tolerance)
        #expect(Array(roc.thresholds.dropFirst()) == ref.thresholds)
        #expect(roc.thresholds.first == .infinity)

        // scikit-learn lists the PR curve from the lowest threshold up, ending at (R 0, P 1).
        let pr = PrecisionRecallCurve(sweep)
        let refPR = c.pr_curve!
        #expect(pr.recall.count == refPR.recall.count)
        #expect(maxDifference(pr.recall, refPR.recall.reversed()) < Self.tolerance)
        #expect(maxDifference(pr.precision, refPR.precision.reversed()) < Self.tolerance)
        #expect(Array(pr.thresholds.dropFirst()) == Array(refPR.thresholds.reversed()))
    }
}
