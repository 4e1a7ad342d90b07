import Foundation
import Testing
@testable import PNNData

/// The weighted grid sample of `bench data sim --masses`: the grid, its composition, the
/// toy weights, the writer's bytes.
@Suite struct GridSampleTests {
    @Test func gridIsTheSortedProductOfMassesAndWidths() throws {
        let grid = try SignalGrid(masses: [1000, 500], widths: [0.12, 0.03], defaultRelativeWidth: 0.06)
        #expect(grid.masses == [500, 1000] && grid.widths == [0.03, 0.12])
        #expect(grid.points == [SignalPoint(mass: 500, relativeWidth: 0.03), SignalPoint(mass: 500, relativeWidth: 0.12),
                                SignalPoint(mass: 1000, relativeWidth: 0.03), SignalPoint(mass: 1000, relativeWidth: 0.12)])
        #expect(grid.parameterNames == ["mX", "width"])
        #expect(grid.parameterTexts(1) == ["500", "0.12"])

        let massOnly = try SignalGrid(masses: [512.5, 400], defaultRelativeWidth: 0.06)
        #expect(massOnly.parameterNames == ["mX"])
        #expect(massOnly.points.map(\.relativeWidth) == [0.06, 0.06])
        #expect(massOnly.parameterTexts(0) == ["400"] && massOnly.parameterTexts(1) == ["512.5"])
    }

    @Test(arguments: [
        ([500, 0] as [Double], nil as [Double]?, "signal mass 0 GeV: expected a finite value > 0"),
        ([-5], nil, "signal mass -5 GeV"),
        ([.nan], nil, "signal mass nan GeV"),
        ([.infinity], nil, "signal mass inf GeV"),
        ([500, 600, 500], nil, "signal mass 500 GeV is given twice"),
        ([], nil, "at least one signal mass"),
        ([500], [0.06, 0], "relative width Γ/m 0: expected a finite value > 0"),
        ([500], [0.06, 0.06], "relative width Γ/m 0.06 is given twice"),
    ])
    func badGridValuesAreRejected(masses: [Double], widths: [Double]?, message: String) {
        let error = dataError { _ = try SignalGrid(masses: masses, widths: widths, defaultRelativeWidth: 0.06) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test func compositionSplitsHalfTheEventsEvenlyOverThePoints() throws {
        let grid = try SignalGrid(masses: [400, 500, 600, 700, 800, 900, 1000, 1100, 1200], defaultRelativeWidth: 0.06)
        // 10001 / 18 = 555.6 per point and 5000.5 background: the remainders 0.61 > 0.5 go to the first six points.
        let c = try grid.composition(events: 10_001)
        #expect(c.signal == [556, 556, 556, 556, 556, 556, 555, 555, 555])
        #expect(c.background == 5000)
        // The smallest sample: one event per point.
        let smallest = try grid.composition(events: 18)
        #expect(smallest.signal == [Int](repeating: 1, count: 9) && smallest.background == 9)
        let tooFew = dataError { _ = try grid.composition(events: 17) }
        #expect(tooFew?.description.contains("17 events are too few for 9 signal points") == true)
        // One mass: the same split as HEPMASS's balanced composition.
        let one = try SignalGrid(masses: [750], defaultRelativeWidth: 0.06).composition(events: 7)
        let balanced = EventComposition.balanced(events: 7, masses: [750])
        #expect(one.signal == balanced.signal && one.background == balanced.background[0])
    }

    @Test func weightsFollowTheToyModel() throws {
        #expect(ToyWeightModel.signalCrossSection(mass: 500) * ToyWeightModel.luminosity == 140_000)
        #expect(ToyWeightModel.signalCrossSection(mass: 1000) == 62.5)
        let grid = try SignalGrid(masses: [400, 500, 1000], widths: [0.06, 0.1], defaultRelativeWidth: 0.06)
        let model = try ToyWeightModel(negativeFraction: 0.05)
        let sample = try GridSample(grid: grid, events: 20_001, weightModel: model, seed: 3, threads: 2)
        // 20001 / 12 = 1666.75 per point, 10000.5 background: the five missing events go to the first five points.
        #expect(sample.signalCounts == [1667, 1667, 1667, 1667, 1667, 1666])
        #expect(sample.backgroundCount == 10_000)
        #expect(sample.features.count == 27 * 20_001)
        #expect(sample.backgroundRows == 10_001..<20_001)
        for p in grid.points.indices {
            let expected = ToyWeightModel.signalCrossSection(mass: grid.points[p].mass) * ToyWeightModel.luminosity
            #expect(abs(sample.signalWeightSum(p) - expected) <= 1e-6 * expected, "point \(p)")
        }
        // σ_X does not depend on the width: both widths of a mass weigh the same.
        #expect(sample.signalWeights[0] == sample.signalWeights[1])

        // n₋ = round(F·N_b) = 500, c = σ_tt̄·L / (N_b·(1 − 2F)), Σw_b = (N_b − 2n₋)·c = σ_tt̄·L.
        let target = ToyWeightModel.backgroundCrossSection * ToyWeightModel.luminosity
        #expect(sample.negativeCount == 500)
        #expect(sample.backgroundMagnitude == Float(target / (10_000 * 0.9)))
        let sum = (0..<sample.backgroundCount).reduce(0.0) { $0 + Double(sample.backgroundWeight($1)) }
        #expect(sum == sample.backgroundWeightSum)
        #expect(abs(sum - target) <= 1e-6 * target)
    }

    @Test func negativeCountIsRoundedAndKeepsTheBackgroundSumPositive() throws {
        let target = ToyWeightModel.backgroundCrossSection * ToyWeightModel.luminosity
        let model = try ToyWeightModel(negativeFraction: 0.1)
        // F·N_b = 1500.1: n₋ = 1500 and Σw_b is within one weight c of σ_tt̄·L.
        #expect(model.negativeCount(events: 15_001) == 1500)
        let c = Double(model.backgroundMagnitude(events: 15_001))
        #expect(abs(Double(15_001 - 2 * 1500) * c - target) <= c)
        #expect(try ToyWeightModel(negativeFraction: 0).negativeCount(events: 1000) == 0)
        let high = try ToyWeightModel(negativeFraction: 0.45)
        #expect(high.negativeCount(events: 10) == 4)  // round(4.5) = 5 would cancel the sum: capped at ⌊9/2⌋
        #expect(high.negativeCount(events: 1) == 0)
        #expect(high.negativeCount(events: 1000) == 450)
        for f in [0.5, -0.01, .nan, .infinity] {
            #expect(dataError { _ = try ToyWeightModel(negativeFraction: f) } != nil, "F = \(f)")
        }
        // Exactly n₋ negative signs, at positions that depend on the seed.
        let a = model.negativeSigns(events: 1000, seed: 1), b = model.negativeSigns(events: 1000, seed: 2)
        #expect(a.filter { $0 }.count == 100 && b.filter { $0 }.count == 100 && a != b)
    }

    /// The signs come from a stream of their own: changing F changes no feature.
    @Test func signsDoNotMoveTheKinematics() throws {
        let grid = try SignalGrid(masses: [500, 800], defaultRelativeWidth: 0.06)
        let a = try GridSample(grid: grid, events: 2000, weightModel: ToyWeightModel(negativeFraction: 0), seed: 5, threads: 2)
        let b = try GridSample(grid: grid, events: 2000, weightModel: ToyWeightModel(negativeFraction: 0.3), seed: 5, threads: 2)
        #expect(a.features == b.features)
        #expect(a.negativeCount == 0 && b.negativeCount == 300)
    }

    /// A block's events are the first `count` of its part's sequence, whatever else is
    /// generated with it and on however many threads.
    @Test func blocksDependOnlyOnTheirPart() {
        let sim = HEPMASSSimulator()
        let point = SignalPoint(mass: 640, relativeWidth: 0.1)
        let alone = sim.generate([.init(signal: point, count: 5000, part: 7)], seed: 8, threads: 1)
        let together = sim.generate([.init(signal: nil, count: 3000, part: 2), .init(signal: point, count: 9000, part: 7)], seed: 8, threads: 2)
        #expect(Array(together[(27 * 3000)..<(27 * 8000)]) == alone)
        let background = sim.generate([.init(signal: nil, count: 3000, part: 2)], seed: 8, threads: 2)
        #expect(Array(together[0..<(27 * 3000)]) == background)
        #expect(sim.generate([], seed: 8).isEmpty)
        // A wider resonance is another distribution.
        let narrow = sim.generate([.init(signal: SignalPoint(mass: 640, relativeWidth: 0.01), count: 5000, part: 7)], seed: 8, threads: 2)
        #expect(narrow != alone)
    }

    @Test func writtenFilesDoNotDependOnTheThreadCount() throws {
        let grid = try SignalGrid(masses: [500, 1000, 750], widths: [0.03, 0.12], defaultRelativeWidth: 0.06)
        var texts: [(String, String)] = []
        for threads in [1, 2] {
            let dir = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let sample = try GridSample(grid: grid, events: 40_001, weightModel: ToyWeightModel(), seed: 12, threads: threads)
            let paths = try GridSampleWriter.write(sample, to: dir, threads: threads)
            #expect(paths == (dir + "/signal.csv", dir + "/background.csv"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["background.csv", "signal.csv"])
            texts.append((try String(contentsOfFile: paths.signal, encoding: .utf8), try String(contentsOfFile: paths.background, encoding: .utf8)))

            // Read back: layout, parameters, weights (the Float written), process.
            let signalLines = texts.last!.0.split(separator: "\n")
            #expect(signalLines[0] == (HEPMASSSchema.featureNames + ["mX", "width", "weight"]).joined(separator: ","))
            #expect(signalLines.count == 1 + sample.signalCount)
            let first = signalLines[1].split(separator: ",")
            #expect(first.count == 30 && first[27] == "500" && first[28] == "0.03")
            #expect(Float(first[29]) == sample.signalWeights[0])
            #expect(abs(Double(first[0])! - Double(sample.features[0])) <= 5e-7)
            let last = signalLines[signalLines.count - 1].split(separator: ",")
            #expect(last[27] == "1000" && last[28] == "0.12" && Float(last[29]) == sample.signalWeights[5])

            let backgroundLines = texts.last!.1.split(separator: "\n")
            #expect(backgroundLines[0] == (HEPMASSSchema.featureNames + ["weight", "process"]).joined(separator: ","))
            #expect(backgroundLines.count == 1 + sample.backgroundCount)
            let weights = backgroundLines.dropFirst().map { line -> Float in
                let fields = line.split(separator: ",")
                #expect(fields.count == 29 && fields[28] == "ttbar")
                return Float(fields[27])!
            }
            #expect(weights.filter { $0 < 0 }.count == sample.negativeCount)
            #expect(weights.allSatisfy { abs($0) == sample.backgroundMagnitude })
        }
        #expect(texts[0].0 == texts[1].0 && texts[0].1 == texts[1].1)
    }

    @Test func shortestTextHasNoNeedlessDigits() {
        #expect(SignalGrid.shortestText(500) == "500")
        #expect(SignalGrid.shortestText(0.06) == "0.06")
        #expect(SignalGrid.shortestText(512.5) == "512.5")
        #expect(GridSampleWriter.weightText(140_000) == "140000")
        #expect(GridSampleWriter.weightText(Float(1) / 3) == "0.333333343")
        #expect(Float(GridSampleWriter.weightText(-24_888.889)) == -24_888.889)
    }
}
