import Foundation
import Testing
import PNNMetrics

/// Signed (partly negative) weights against scikit-learn and brute force, on the fixture
/// written by Tools/reference/sklearn_signed_weights.py: where scikit-learn returns a
/// value it is matched; where it differs by design (it raises for a background
/// efficiency that steps back, it clips a negative average precision to 0) the
/// brute-force definition is matched instead.
@Suite struct SklearnSignedWeightTests {
    struct Fixture: Decodable {
        let sklearn_version: String
        let bins: Int
        let cases: [Case]
    }
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let score: [Double]
        let label: [Int]
        let weight: [Double]
        let sklearn: Sklearn
        let roc_auc_pairwise: Double
        let average_precision_signed: Double
        let sigma_ratio_exact: Double
        let best_cut_exact: Double
        let sigma_ratio_binned: Double
        let best_cut_binned: Double
        let exercises: [String: Bool]
        var testDescription: String { name }
    }
    struct Sklearn: Decodable {
        let roc_auc: Double?
        let roc_auc_error: String?
        let average_precision: Double
        let roc_curve: ROC
        let pr_curve: PR
    }
    struct ROC: Decodable { let fpr: [Double]; let tpr: [Double]; let thresholds: [Double] }
    struct PR: Decodable { let precision: [Double]; let recall: [Double]; let thresholds: [Double] }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/sklearn_signed_weights", withExtension: "json")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static let tolerance = 1e-9

    func metrics(_ c: Case) throws -> ClassificationMetrics {
        try ClassificationMetrics(scores: c.score, labels: c.label.map { $0 == 1 }, weights: c.weight, bins: Self.fixture.bins)
    }

    func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    /// The fixture holds negative weights and, over its cases, every rule and both
    /// scikit-learn behaviours that the tests below rely on.
    @Test func fixtureCoversEveryRule() {
        let cases = Self.fixture.cases
        #expect(!Self.fixture.sklearn_version.isEmpty)
        #expect(cases.allSatisfy { $0.weight.contains { $0 < 0 } })
        for rule in ["fpr_steps_back", "tpr_steps_back", "precision_outside_unit_interval",
                     "passing_weight_zero", "negative_signed_average_precision"] {
            #expect(cases.contains { $0.exercises[rule] == true }, "no case exercises \(rule)")
        }
        #expect(cases.contains { $0.sklearn.roc_auc == nil && $0.sklearn.roc_auc_error != nil })
        #expect(cases.contains { $0.sklearn.roc_auc != nil && $0.exercises["tpr_steps_back"] == true })
        #expect(cases.contains { $0.sklearn.average_precision != $0.average_precision_signed })
        #expect(cases.map(\.score.count).reduce(0, +) >= 5000)
    }

    @Test(arguments: fixture.cases) func rocAreaIsThePairwiseSumAndScikitLearnsWhereItHasOne(_ c: Case) throws {
        let m = try metrics(c)
        #expect(abs(m.rocAUC - c.roc_auc_pairwise) < Self.tolerance)
        // scikit-learn raises exactly when the background efficiency steps back.
        #expect((c.sklearn.roc_auc == nil) == (c.exercises["fpr_steps_back"] == true))
        if let sklearn = c.sklearn.roc_auc {
            #expect(abs(m.rocAUC - sklearn) < Self.tolerance)
        } else {
            #expect(c.sklearn.roc_auc_error?.contains("neither increasing nor decreasing") == true)
        }
    }

    @Test(arguments: fixture.cases) func averagePrecisionIsTheSignedSumScikitLearnClipsAtZero(_ c: Case) throws {
        let m = try metrics(c)
        #expect(abs(m.prAUC - c.average_precision_signed) < Self.tolerance)
        #expect(abs(max(0, m.prAUC) - c.sklearn.average_precision) < Self.tolerance)
    }

    @Test(arguments: fixture.cases) func significanceRatioAgainstBruteForce(_ c: Case) throws {
        let m = try metrics(c)
        #expect(abs(m.exact.ratio - c.sigma_ratio_exact) < Self.tolerance)
        #expect(m.exact.bestCut == c.best_cut_exact)
        #expect(abs(m.binned.ratio - c.sigma_ratio_binned) < Self.tolerance)
        #expect(m.binned.bestCut == c.best_cut_binned)
        #expect(m.binned.ratio <= m.exact.ratio + 1e-12)
    }

    @Test(arguments: fixture.cases) func curvesPointByPoint(_ c: Case) throws {
        let sweep = ThresholdSweep(try RankedEvents(scores: c.score, labels: c.label.map { $0 == 1 }, weights: c.weight))
        let roc = ROCCurve(sweep), ref = c.sklearn.roc_curve
        #expect(roc.falsePositiveRate.count == ref.fpr.count)
        #expect(maxDifference(roc.falsePositiveRate, ref.fpr) < Self.tolerance)
        #expect(maxDifference(roc.truePositiveRate, ref.tpr) < Self.tolerance)
        #expect(Array(roc.thresholds.dropFirst()) == ref.thresholds)

        // scikit-learn lists the PR curve from the lowest threshold up, ending at (R 0, P 1).
        let pr = PrecisionRecallCurve(sweep), refPR = c.sklearn.pr_curve
        #expect(pr.recall.count == refPR.recall.count)
        #expect(maxDifference(pr.recall, refPR.recall.reversed()) < Self.tolerance)
        #expect(maxDifference(pr.precision, refPR.precision.reversed()) < Self.tolerance)
        #expect(Array(pr.thresholds.dropFirst()) == Array(refPR.thresholds.reversed()))
        #expect(abs(pr.averagePrecision - c.average_precision_signed) < Self.tolerance)
        #expect(abs(roc.area - c.roc_auc_pairwise) < Self.tolerance)
    }
}
