import PNNEngine
import Testing
@testable import PNNData

/// `BatchSampler` with p = 2 physics parameters and event weights: the rules its
/// documentation states for points (whole training points or the grid's box), fixed vs
/// sampled draws, training-point subsets, scaling and training weights.
@Suite struct BatchSamplerParametersTests {
    /// Not a product grid, so a component-wise mix (e.g. [400, 150]) is not a point.
    static let grid: [[Float]] = [[400, 50], [600, 150], [800, 100], [1000, 300]]
    static let names = ["mX", "mY"]
    static let scaling = ParameterScaling(offset: [100, 10], scale: [1000, 50])
    static let featureCount = 3
    static let signalPerPoint = 20
    static let backgroundCount = 200

    /// Signal events at every grid point, then background (parameters NaN, two processes).
    static func dataset(weight: ((_ row: Int, _ label: UInt8) -> Float)? = nil) -> EventDataset {
        var features: [Float] = [], parameters: [Float] = [], label: [UInt8] = [], process: [UInt8] = []
        for point in grid {
            for _ in 0..<signalPerPoint { parameters += point; label.append(1); process.append(0) }
        }
        for i in 0..<backgroundCount { parameters += [.nan, .nan]; label.append(0); process.append(UInt8(i % 2)) }
        for i in label.indices { features += [Float(i), Float(i) + 0.5, -Float(i)] }
        let weights = weight.map { w in label.indices.map { w($0, label[$0]) } }
        return EventDataset(features: features, featureCount: featureCount, parameters: parameters, parameterNames: names,
                            scaling: scaling, label: label, process: process, weight: weights, signalPoints: grid)
    }

    static let unweighted = dataset()

    /// `.none` balance with a batch larger than the data: epoch e is one batch holding every
    /// event taking part, so one call sees them all.
    func sampler(_ mode: BackgroundMassMode, data d: EventDataset = unweighted, points: [[Float]]? = nil,
                 policy: NegativeWeightPolicy = .keep, seed: UInt64 = 11) throws -> BatchSampler {
        try BatchSampler(dataset: d, configuration: .init(batchSize: 1024, balance: .none, backgroundMass: mode,
                                                          trainingPoints: points, negativeWeights: policy), seed: seed)
    }

    /// The unscaled parameters of the background rows of epoch `epoch`, by event.
    func backgroundPoints(_ s: BatchSampler, epoch: Int) -> [Int: [Float]] {
        let rows = s.rows(epoch: epoch, step: 0)
        let values = s.points(rows: rows, globalStep: s.globalStep(epoch: epoch, step: 0))
        var out: [Int: [Float]] = [:]
        for (k, i) in rows.enumerated() where s.dataset.label[i] == 0 { out[i] = [values[2 * k], values[2 * k + 1]] }
        return out
    }

    @Test(arguments: [BackgroundMassMode.identicalFixed, .identicalSampled])
    func identicalDrawsWholeTrainingPoints(mode: BackgroundMassMode) throws {
        let s = try sampler(mode)
        #expect(s.stepsPerEpoch == 1)
        var seen = Set<[Float]>()
        for epoch in 0..<3 {
            let drawn = backgroundPoints(s, epoch: epoch)
            #expect(drawn.count == Self.backgroundCount)
            for (i, point) in drawn {
                #expect(Self.grid.contains(point), "event \(i) got \(point), not a training point")
                seen.insert(point)
            }
        }
        #expect(seen == Set(Self.grid))
    }

    @Test(arguments: [BackgroundMassMode.uniformFixed, .uniformSampled])
    func uniformDrawsEachComponentInTheGridsBox(mode: BackgroundMassMode) throws {
        let s = try sampler(mode)
        var offGrid = [0, 0]
        for epoch in 0..<3 {
            for point in backgroundPoints(s, epoch: epoch).values {
                #expect(point[0] >= 400 && point[0] <= 1000, "\(point)")
                #expect(point[1] >= 50 && point[1] <= 300, "\(point)")
                for j in 0..<2 where !Self.grid.contains(where: { $0[j] == point[j] }) { offGrid[j] += 1 }
            }
        }
        // Continuous draws: practically never a grid value.
        #expect(offGrid.allSatisfy { $0 > 3 * Self.backgroundCount - 10 }, "\(offGrid)")
    }

    @Test(arguments: BackgroundMassMode.Distribution.allCases)
    func fixedKeepsAnEventsPointAndSampledChangesIt(distribution: BackgroundMassMode.Distribution) throws {
        let fixed = try sampler(BackgroundMassMode(distribution, .fixed))
        let sampled = try sampler(BackgroundMassMode(distribution, .sampled))
        let fixedEpochs = (0..<3).map { backgroundPoints(fixed, epoch: $0) }
        let sampledEpochs = (0..<3).map { backgroundPoints(sampled, epoch: $0) }
        for i in fixedEpochs[0].keys {
            #expect(fixedEpochs[1][i] == fixedEpochs[0][i] && fixedEpochs[2][i] == fixedEpochs[0][i], "event \(i)")
        }
        // Identical draws repeat a point with probability 1/4 per epoch, uniform ones never.
        let changed = sampledEpochs[0].keys.filter { sampledEpochs[1][$0] != sampledEpochs[0][$0] }.count
        let least = distribution == .identical ? Self.backgroundCount / 2 : Self.backgroundCount
        #expect(changed >= least, "\(changed) of \(Self.backgroundCount) background events changed point")
    }

    @Test(arguments: BackgroundMassMode.allCases)
    func trainingPointsSubsetLimitsSignalAndBackground(mode: BackgroundMassMode) throws {
        let chosen: [[Float]] = [[800, 100], [400, 50]]
        let s = try sampler(mode, points: chosen)
        #expect(s.trainingPoints == [[400, 50], [800, 100]])
        #expect(s.eligibleCount == 2 * Self.signalPerPoint + Self.backgroundCount)
        for epoch in 0..<2 {
            let rows = s.rows(epoch: epoch, step: 0)
            let values = s.points(rows: rows, globalStep: epoch)
            for (k, i) in rows.enumerated() {
                let point = [values[2 * k], values[2 * k + 1]]
                if s.dataset.label[i] == 1 {
                    #expect(chosen.contains(point), "signal row at \(point)")
                } else if mode.distribution == .identical {
                    #expect(chosen.contains(point), "background drawn at \(point)")
                } else {
                    // The box of the chosen points, not of the whole grid.
                    #expect(point[0] >= 400 && point[0] <= 800 && point[1] >= 50 && point[1] <= 100, "\(point)")
                }
            }
            #expect(rows.filter { s.dataset.label[$0] == 1 }.count == 2 * Self.signalPerPoint)
        }
    }

    @Test func aTrainingPointOffTheDataIsRefused() throws {
        let error = dataError { _ = try sampler(.identicalFixed, points: [[400, 150]]) }
        let message = try #require(error?.description)
        #expect(message.contains("training point mX=400, mY=150 is not a signal point"), "\(message)")
    }

    @Test(arguments: BackgroundMassMode.allCases)
    func massMatrixHoldsTheScaledParameters(mode: BackgroundMassMode) throws {
        let s = try sampler(mode)
        let x = Matrix(rows: 1024, cols: Self.featureCount), m = Matrix(rows: 1024, cols: 2)
        let y = Matrix(rows: 1024, cols: 1), w = Matrix(rows: 1024, cols: 1)
        let n = s.fill(x: x, mass: m, label: y, weight: w, epoch: 1, step: 0)
        #expect(n == Self.unweighted.count && m.rows == n && m.cols == 2)
        let rows = s.rows(epoch: 1, step: 0)
        let values = s.points(rows: rows, globalStep: 1)
        for (k, i) in rows.enumerated() {
            for j in 0..<2 { #expect(m[k, j] == Self.scaling.apply(values[2 * k + j], component: j)) }
            if Self.unweighted.label[i] == 1 {
                // (m − offset) / scale written out, for the event's own point.
                let point = Self.unweighted.point(i)
                #expect(m[k, 0] == (point[point.startIndex] - 100) / 1000 && m[k, 1] == (point[point.startIndex + 1] - 10) / 50)
            }
            #expect(m[k, 0].isFinite && m[k, 1].isFinite)
        }
    }

    /// Regression guard: one parameter through HEPMASS's convenience initialiser is still
    /// the mass in GeV divided by 1000, bit for bit, in every mode.
    @Test(arguments: BackgroundMassMode.allCases)
    func oneParameterHEPMASSIsMassOver1000(mode: BackgroundMassMode) throws {
        let d = syntheticDataset(perGroup: 30)
        #expect(d.parameterCount == 1 && d.parameterScaling == .hepmass)
        let s = try BatchSampler(dataset: d, configuration: .init(batchSize: 64, balance: .class, backgroundMass: mode), seed: 5)
        let x = Matrix(rows: 64, cols: 27), m = Matrix(rows: 64, cols: 1), y = Matrix(rows: 64, cols: 1), w = Matrix(rows: 64, cols: 1)
        for step in 0..<3 {
            s.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: step)
            let rows = s.rows(epoch: 0, step: step)
            let masses = s.masses(rows: rows, globalStep: step)
            for k in rows.indices {
                #expect(m[k, 0] == masses[k] / 1000)
                if d.label[rows[k]] == 1 { #expect(m[k, 0] == d.mass[rows[k]] / 1000) }
            }
        }
    }

    // MARK: - Weights

    /// Weights with negatives in every group; the signal at [1000, 300] is mostly negative.
    static func signedWeight(_ i: Int, _ label: UInt8) -> Float {
        if label == 0 { return i % 5 == 0 ? -0.5 : Float(1 + i % 3) }
        let k = i / signalPerPoint
        if k == 3 { return i % signalPerPoint < 3 ? 2 : -0.25 }  // sum 6 − 17·0.25 = 1.75 > 0
        return i % 4 == 0 ? -Float(k + 1) : Float(k + 1) * 3
    }

    @Test func unweightedDataTrainWithWeightOne() throws {
        let s = try sampler(.identicalSampled)
        let x = Matrix(rows: 1024, cols: 3), m = Matrix(rows: 1024, cols: 2), y = Matrix(rows: 1024, cols: 1), w = Matrix(rows: 1024, cols: 1)
        let n = s.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: 0)
        #expect(w.toArray().count == n && w.toArray().allSatisfy { $0 == 1 })
    }

    @Test(arguments: NegativeWeightPolicy.allCases)
    func weightsArePolicyTimesGroupFactor(policy: NegativeWeightPolicy) throws {
        let d = Self.dataset(weight: Self.signedWeight)
        let chosen: [[Float]] = [[400, 50], [600, 150], [1000, 300]]  // [800, 100] takes no part
        let s = try sampler(.uniformSampled, data: d, points: chosen, policy: policy)
        let x = Matrix(rows: 1024, cols: 3), m = Matrix(rows: 1024, cols: 2), y = Matrix(rows: 1024, cols: 1), w = Matrix(rows: 1024, cols: 1)
        let n = s.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: 0)
        let rows = s.rows(epoch: 0, step: 0)
        #expect(n == 3 * Self.signalPerPoint + Self.backgroundCount)

        // The groups: each chosen point's signal, and all background.
        func group(_ i: Int) -> Int { d.label[i] == 0 ? -1 : i / Self.signalPerPoint }
        var sum: [Int: Double] = [:], count: [Int: Int] = [:]
        for i in rows {
            sum[group(i), default: 0] += Double(policy.apply(d.weight![i]))
            count[group(i), default: 0] += 1
        }
        #expect(Set(sum.keys) == [-1, 0, 1, 3])
        var mean: [Int: Double] = [:]
        for (k, i) in rows.enumerated() {
            let given = d.weight![i]
            let expected = Double(policy.apply(given)) * Double(count[group(i)]!) / sum[group(i)]!
            #expect(abs(Double(w[k, 0]) - expected) <= 1e-6 * max(1, abs(expected)), "row \(i): \(w[k, 0]) vs \(expected)")
            if given < 0 {
                switch policy {
                case .keep: #expect(w[k, 0] < 0)
                case .abs: #expect(w[k, 0] > 0)
                case .zero: #expect(w[k, 0] == 0)
                }
            }
            mean[group(i), default: 0] += Double(w[k, 0]) / Double(count[group(i)]!)
        }
        for (g, value) in mean { #expect(abs(value - 1) < 1e-5, "group \(g) averages \(value)") }
    }

    @Test func aPointWhoseSignalWeighsNothingUnderKeepIsAnErrorNamingIt() throws {
        // Signal at [600, 150] sums to 10·(−1) + 10·0.5 < 0 as given.
        let d = Self.dataset { i, label in
            label == 1 && i / Self.signalPerPoint == 1 ? (i % 2 == 0 ? -1 : 0.5) : 1
        }
        let error = try #require(dataError { _ = try sampler(.identicalFixed, data: d, policy: .keep) })
        #expect(error.description.contains("the signal at mX=600, mY=150 events taking part in training have total weight -5"), "\(error)")
        #expect(error.description.contains("'keep'"))
        // The other policies make the sum positive; leaving the point out avoids it too.
        #expect(throws: Never.self) { _ = try sampler(.identicalFixed, data: d, policy: .abs) }
        #expect(throws: Never.self) { _ = try sampler(.identicalFixed, data: d, points: [[400, 50], [800, 100]], policy: .keep) }
    }
}
