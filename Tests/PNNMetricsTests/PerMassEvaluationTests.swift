import Testing
import PNNMetrics

@Suite struct PerMassEvaluationTests {
    @Test func backgroundWeightsAreScaledToTheSignalTotal() throws {
        // 10 signal, 50 background at one mass: c = 10/50 = 1/5, as on HEPMASS.
        let signal = (0..<10).map { 0.5 + Double($0) / 40 }
        let background = (0..<50).map { Double($0) / 100 }
        let r = try PerMassEvaluation().evaluate(mass: 750, signalScores: signal, backgroundScores: background)
        #expect(r.backgroundScale == 0.2)
        #expect(abs(r.metrics.signalWeight - r.metrics.backgroundWeight) < 1e-12)
        #expect(r.mass == 750)
    }

    @Test func scaleIsComputedFromWeights() throws {
        let r = try PerMassEvaluation().evaluate(mass: nil, signalScores: [0.9, 0.8], backgroundScores: [0.1, 0.2, 0.3],
                                                 signalWeights: [2, 4], backgroundWeights: [1, 1, 1])
        #expect(r.backgroundScale == 2)
        #expect(r.metrics.backgroundWeight == 6)
    }

    /// Eq. 5 through the protocol: a classifier that separates nothing gives 1/√2 once
    /// the background is balanced, whatever the raw class counts.
    @Test func constantClassifierGivesOneOverRootTwoAfterBalancing() throws {
        let signal = [Double](repeating: 0.3, count: 10), background = [Double](repeating: 0.3, count: 50)
        let balanced = try PerMassEvaluation().evaluate(mass: 500, signalScores: signal, backgroundScores: background)
        #expect(abs(balanced.metrics.exact.ratio - 0.5.squareRoot()) < 1e-12)
        #expect(abs(balanced.metrics.binned.ratio - 0.5.squareRoot()) < 1e-12)
        let raw = try PerMassEvaluation(balance: false).evaluate(mass: 500, signalScores: signal, backgroundScores: background)
        #expect(abs(raw.metrics.exact.ratio - (10.0 / 60).squareRoot()) < 1e-12)
        #expect(raw.backgroundScale == 1)
    }

    @Test func csvRowsGiveTheSameResultAsPerMassArrays() throws {
        var rng = SplitMix64Generator(seed: 9)
        func u() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
        let masses = [500.0, 1000.0, 1500.0]
        let background = (0..<300).map { _ in u() }
        var scores: [Double] = [], labels: [Bool] = [], rowMasses: [Double] = []
        var perMass: [MassPointResult] = []
        let evaluation = PerMassEvaluation(curvePoints: 50)
        for (k, m) in masses.enumerated() {
            let signal = (0..<(40 + 20 * k)).map { _ in min(1, u() + 0.1 * Double(k + 1)) }
            // The background re-scored at m: a mass-dependent shift.
            let bkg = background.map { max(0, $0 - 0.05 * Double(k)) }
            perMass.append(try evaluation.evaluate(mass: m, signalScores: signal, backgroundScores: bkg))
            scores += signal + bkg
            labels += signal.map { _ in true } + bkg.map { _ in false }
            rowMasses += [Double](repeating: m, count: signal.count + bkg.count)
        }
        // Background scored at a mass without signal: reported, not used.
        scores += [0.5, 0.6]; labels += [false, false]; rowMasses += [2000, 2000]
        let report = try evaluation.evaluate(scores: scores, labels: labels, masses: rowMasses)
        #expect(report.points == perMass)
        #expect(report.ignoredBackgroundRows == 2)
        #expect(report.points.map(\.mass) == masses)
        #expect(abs(report.average.rocAUC - perMass.map(\.metrics.rocAUC).reduce(0, +) / 3) < 1e-15)
        #expect(abs(report.average.sigmaRatioBinned - perMass.map(\.metrics.binned.ratio).reduce(0, +) / 3) < 1e-15)
        for p in report.points { #expect(abs(p.backgroundScale - Double(p.metrics.signalCount) / 300) < 1e-15) }
    }

    @Test func noMassColumnIsOneSample() throws {
        let report = try PerMassEvaluation().evaluate(scores: [0.9, 0.2, 0.1], labels: [true, false, false], masses: nil)
        #expect(report.points.count == 1)
        #expect(report.points[0].mass == nil)
        #expect(report.points[0].backgroundScale == 0.5)
        #expect(report.average.rocAUC == 1)
    }

    @Test func aMassWithoutBackgroundIsNamedInTheError() {
        #expect(throws: MetricsError.noBackgroundAtMass(1000)) {
            try PerMassEvaluation().evaluate(scores: [0.9, 0.2, 0.7], labels: [true, false, true], masses: [500, 500, 1000])
        }
        #expect(MetricsError.noBackgroundAtMass(1000).description.hasPrefix("mass 1000: signal rows but no background rows"))
        // Through the per-mass arrays: the underlying error, tagged with the mass.
        #expect(throws: MetricsError.atMass(750, .singleClass(presentClass: .signal, count: 2))) {
            try PerMassEvaluation().evaluate(mass: 750, signalScores: [0.9, 0.8], backgroundScores: [])
        }
        #expect(MetricsError.atMass(750, .emptyInput).description.hasPrefix("mass 750: no events"))
    }

    @Test func nonFiniteWeightIsReportedBeforeBalancing() {
        #expect(throws: MetricsError.invalidWeight(index: 1, value: -.infinity)) {
            try PerMassEvaluation().evaluate(scores: [0.9, 0.2], labels: [true, false], masses: nil, weights: [1, -.infinity])
        }
    }

    /// With negative weights the background is scaled with the true signed sums, so that
    /// Σ c·w_bkg = Σ w_sig still holds; off, the weights are evaluated as given.
    @Test func balancingUsesTheSignedSums() throws {
        // Signal Σw = 2 − ½ = 3/2; background Σw = 2 − 1 + 2 = 3  →  c = ½.
        let evaluation = PerMassEvaluation()
        let r = try evaluation.evaluate(mass: 750, signalScores: [0.9, 0.3], backgroundScores: [0.8, 0.4, 0.1],
                                        signalWeights: [2, -0.5], backgroundWeights: [2, -1, 2])
        #expect(r.backgroundScale == 0.5)
        #expect(r.metrics.signalWeight == 1.5 && r.metrics.backgroundWeight == 1.5)
        // Cuts: 0.9 → s 2, b 0; 0.8 → b 1; 0.4 → b ½; 0.3 → s 3/2; 0.1 → b 3/2.
        // AMS 2/√2 = √2 at 0.9 is the largest: σ_ratio = √2 / √(3/2).
        #expect(r.metrics.exact.bestCut == 0.9)
        #expect(abs(r.metrics.exact.ratio - (2.0 / 1.5).squareRoot()) < 1e-15)
        let raw = try PerMassEvaluation(balance: false).evaluate(
            mass: 750, signalScores: [0.9, 0.3], backgroundScores: [0.8, 0.4, 0.1],
            signalWeights: [2, -0.5], backgroundWeights: [2, -1, 2])
        #expect(raw.backgroundScale == 1 && raw.metrics.backgroundWeight == 3)
        // A class summing to ≤ 0 is reported with its sum as given, tagged with the mass.
        #expect(throws: MetricsError.atMass(750, .nonPositiveTotalWeight(eventClass: .background, total: -1))) {
            try evaluation.evaluate(mass: 750, signalScores: [0.9], backgroundScores: [0.8, 0.1],
                                    signalWeights: [1], backgroundWeights: [1, -2])
        }
    }
}
