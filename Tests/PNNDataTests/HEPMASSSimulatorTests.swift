import Foundation
import Testing
@testable import PNNData

@Suite struct HEPMASSSimulatorTests {
    @Test func embeddedStandardizationMatchesTheReferenceSample() throws {
        let computed = FeatureStandardization.reference(for: .default)
        let embedded = try #require(FeatureStandardization.embeddedDefault, "embed:\n\(computed.sourceLiteral)")
        for j in 0..<HEPMASSSchema.featureCount {
            #expect(abs(embedded.mean[j] - computed.mean[j]) <= 1e-9 * max(1, abs(computed.mean[j])), "mean f\(j); embed:\n\(computed.sourceLiteral)")
            #expect(abs(embedded.standardDeviation[j] - computed.standardDeviation[j]) <= 1e-9 * computed.standardDeviation[j], "sd f\(j)")
        }
    }

    @Test func generationDoesNotDependOnTheThreadCount() {
        let sim = HEPMASSSimulator()
        let a = sim.generate(.balanced(events: 10_000), seed: 11, threads: 1)
        let b = sim.generate(.balanced(events: 10_000), seed: 11, threads: 3)
        #expect(a.features == b.features)
        #expect(a.mass == b.mass && a.label == b.label)
        let c = sim.generate(.balanced(events: 10_000), seed: 12, threads: 2)
        #expect(a.features != c.features)
    }

    @Test func balancedCompositionIsExact() {
        let d = HEPMASSSimulator().generate(.balanced(events: 10_003), seed: 1)
        let stats = DatasetStatistics(d)
        #expect(stats.events == 10_003)
        #expect(abs(stats.signal - stats.background) <= 5)
        #expect(stats.signalPerMass.allSatisfy { abs($0 - 1000) <= 1 })
        #expect(stats.backgroundPerMass.allSatisfy { abs($0 - 1000) <= 1 })
    }

    @Test func imbalancedCompositionHasHEPMASSIMBRatios() {
        let c = EventComposition.imbalanced(events: 403_400)
        #expect(c.total == 403_400)
        #expect(c.signal == [35_000, 14_000, 3_500, 700, 200])
        #expect(c.background == [70_000, 70_000, 70_000, 70_000, 70_000])
        let signalFraction = Double(c.signal.reduce(0, +)) / Double(c.total)
        #expect(abs(signalFraction - 0.132) < 0.001)
    }

    @Test func featuresAreStandardisedAndFinite() {
        let d = HEPMASSSimulator().generate(.balanced(events: 40_000), seed: 3)
        #expect(d.features.allSatisfy { $0.isFinite })
        for j in 0..<27 {
            let x = (0..<d.count).map { Double(d.feature($0, j)) }
            let mean = x.reduce(0, +) / Double(x.count)
            let sd = (x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(x.count)).squareRoot()
            #expect(abs(mean) < 0.05, "f\(j) mean \(mean)")
            #expect(abs(sd - 1) < 0.05, "f\(j) sd \(sd)")
        }
    }

    /// The reconstructed resonance mass must separate the signal better at higher mass:
    /// 500 GeV the hardest, 1500 GeV the easiest, as in HEPMASS (paper Fig. 3).
    @Test func mWWbbSeparationGrowsWithMass() {
        let d = HEPMASSSimulator().generate(.balanced(events: 50_000), seed: 4)
        let background = (0..<d.count).filter { d.label[$0] == 0 }.map { d.feature($0, 26) }
        var previous = 0.0
        for m in HEPMASSSchema.signalMasses {
            let signal = d.signalIndices(mass: m).map { d.feature($0, 26) }
            let auc = rankAUC(signal: signal, background: background)
            #expect(auc > previous, "AUC(f26) at \(m) = \(auc)")
            previous = auc
        }
        // Signal peaks rise with mass.
        let medians = HEPMASSSchema.signalMasses.map { m -> Float in
            let v = d.signalIndices(mass: m).map { d.feature($0, 26) }.sorted(); return v[v.count / 2]
        }
        #expect(medians == medians.sorted())
    }

    @Test func trainAndTestDiffer() {
        let (train, test) = HEPMASSSimulator().trainTest(trainEvents: 2000, testEvents: 1000, imbalanced: true, seed: 9)
        #expect(train.count == 2000 && test.count == 1000)
        #expect(train.signalCount < 400)
        #expect(test.signalCount == 500)
        #expect(Array(train.features.prefix(27)) != Array(test.features.prefix(27)))
    }

    @Test func csvRoundTripKeepsValuesWithinTheWrittenPrecision() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = HEPMASSSimulator().generate(.imbalanced(events: 5000), seed: 2)
        try CSVWriter.write(d, to: dir + "/x.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["x.csv"])
        let r = try HEPMASSReader().read(dir + "/x.csv")
        #expect(r.label == d.label && r.mass == d.mass)
        let worst = zip(r.features, d.features).map { abs($0 - $1) }.max()!
        #expect(worst <= 5.5e-7 * 8)  // 6 decimals, plus Float rounding of values up to ~8
    }

    @Test func parametersCanBeOverriddenByName() throws {
        let p = try SimulationParameters.default.setting(["jetStochastic=0.5", "backgroundShapeB=5"])
        #expect(p.jetStochastic == 0.5 && p.backgroundShapeB == 5)
        #expect(dataError { _ = try SimulationParameters.default.setting(["nope=1"]) } != nil)
        #expect(dataError { _ = try SimulationParameters.default.setting(["backgroundShapeA=0.5"]) } != nil)
        #expect(SimulationParameters.default.assignments.count == SimulationParameters.realParameters.count + 2)
        // Different detector → different constants (recomputed), still standardised.
        let sim = HEPMASSSimulator(parameters: p)
        #expect(sim.standardization != HEPMASSSimulator().standardization)
    }
}

/// Mann–Whitney AUC of "larger value = signal".
func rankAUC(signal: [Float], background: [Float]) -> Double {
    let all = (signal.map { ($0, 1) } + background.map { ($0, 0) }).sorted { $0.0 < $1.0 }
    var rankSum = 0.0
    var i = 0
    while i < all.count {
        var j = i
        while j < all.count && all[j].0 == all[i].0 { j += 1 }
        let rank = Double(i + j + 1) / 2
        for k in i..<j where all[k].1 == 1 { rankSum += rank }
        i = j
    }
    let ns = Double(signal.count), nb = Double(background.count)
    return (rankSum - ns * (ns + 1) / 2) / (ns * nb)
}
