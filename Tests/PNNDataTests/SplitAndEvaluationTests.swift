import PNNEngine
import Testing
@testable import PNNData

@Suite struct SplitAndEvaluationTests {
    let d = syntheticDataset(perGroup: 200, signalPerMass: [400, 160, 40, 8, 4])

    @Test func splitIs75To25PerClassAndMassDisjointAndComplete() {
        let s = TrainValidationSplit(d, seed: 1)
        #expect(s.train.count + s.validation.count == d.count)
        let ids = { (x: EventDataset) in (0..<x.count).map { x.feature($0, 0) } }
        #expect(Set(ids(s.train)).isDisjoint(with: Set(ids(s.validation))))
        for m in HEPMASSSchema.signalMasses {
            let n = d.signalIndices(mass: m).count
            #expect(s.train.signalIndices(mass: m).count == Int((Double(n) * 0.75).rounded()))
        }
        #expect(s.train.indices(label: 0).count == 750)
        #expect(s.validation.indices(label: 0).count == 250)
        let again = TrainValidationSplit(d, seed: 1), other = TrainValidationSplit(d, seed: 2)
        #expect(again.train.features == s.train.features)
        #expect(other.train.features != s.train.features)
    }

    @Test func validationSetFollowsSection431() {
        let v = PerMassEvaluationSet.validation(d, seed: 3)
        let x = Matrix(rows: 1, cols: 27), m = Matrix(rows: 1, cols: 1), y = Matrix(rows: 1, cols: 1)
        var drawn = Set<Float>()
        for k in 0..<5 {
            let signal = d.signalIndices(mass: v.masses[k]).count
            #expect(v.count(massIndex: k) == signal + 1000)  // signal at m_k + all background
            v.fill(massIndex: k, rows: 0..<v.count(massIndex: k), x: x, mass: m, label: y)
            #expect(x.rows == v.count(massIndex: k))
            for r in 0..<signal { #expect(m[r, 0] == v.masses[k] / 1000 && y[r, 0] == 1) }
            for r in signal..<v.count(massIndex: k) {
                #expect(y[r, 0] == 0)
                drawn.insert(m[r, 0] * 1000)
            }
            #expect(y.toArray() == v.labels(massIndex: k))
        }
        #expect(drawn == Set(HEPMASSSchema.signalMasses))  // background m ~ M
        // Deterministic for the seed.
        let again = PerMassEvaluationSet.validation(d, seed: 3)
        let n = v.count(massIndex: 2)
        let same = (0..<n).map { again.massFeature(massIndex: 2, row: $0) } == (0..<n).map { v.massFeature(massIndex: 2, row: $0) }
        #expect(same)
    }

    @Test func testSetGivesBackgroundTheTestedMass() {
        let t = PerMassEvaluationSet.test(d)
        for k in 0..<5 {
            #expect((0..<t.count(massIndex: k)).allSatisfy { t.massFeature(massIndex: k, row: $0) == t.masses[k] })
        }
    }

    @Test func hepmassIMBBuilderKeepsBackgroundAndSubsamplesSignal() throws {
        let full = syntheticDataset(perGroup: 500)
        let builder = HEPMASSIMBBuilder().scaled(by: 0.001)  // 350, 140, 35, 7, 2
        #expect(builder.signalCounts == [350, 140, 35, 7, 2])
        let imb = try builder.build(from: full, seed: 5)
        #expect(imb.indices(label: 0).count == 2500)
        #expect(HEPMASSSchema.signalMasses.map { imb.signalIndices(mass: $0).count } == [350, 140, 35, 7, 2])
        let ids = (0..<imb.count).map { imb.feature($0, 0) }
        #expect(Set(ids).count == ids.count)  // without replacement
        #expect(try builder.build(from: full, seed: 5).features == imb.features)
        #expect(try builder.build(from: full, seed: 6).features != imb.features)
        #expect(dataError { _ = try HEPMASSIMBBuilder().build(from: full, seed: 1) } != nil)
    }

    @Test func statisticsCountsCorrelationsAndHistograms() {
        #expect(abs(DatasetStatistics.pearson([1, 2, 3, 4], [2, 4, 6, 8]) - 1) < 1e-12)
        #expect(abs(DatasetStatistics.pearson([1, 2, 3, 4], [8, 6, 4, 2]) + 1) < 1e-12)
        #expect(DatasetStatistics.pearson([1, 1, 1], [1, 2, 3]) == 0)
        #expect(abs(DatasetStatistics.pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-12)
        let stats = DatasetStatistics(d)
        #expect(stats.signalPerMass == [400, 160, 40, 8, 4])
        #expect(stats.backgroundPerMass == [200, 200, 200, 200, 200])
        #expect(abs(stats.correlationWithMWWbb[26] - 1) < 1e-12)
        let h = FeatureHistogram(d, feature: 26, bins: 10)
        #expect(h.groups.first == "background" && h.groups.count == 6)
        #expect(h.counts[0].reduce(0, +) == 1000)
        #expect(h.counts[1].reduce(0, +) == 400)
    }
}
