import PNNEngine
import Testing
@testable import PNNData

@Suite struct BatchSamplerTests {
    /// HEPMASS-IMB-like imbalance: 400 background per mass, signal 350:140:35:7:2 ×2.
    let imbalanced = syntheticDataset(perGroup: 400, signalPerMass: [700, 280, 70, 14, 4])

    func buffers(_ b: Int) -> (Matrix, Matrix, Matrix, Matrix) {
        (Matrix(rows: b, cols: 27), Matrix(rows: b, cols: 1), Matrix(rows: b, cols: 1), Matrix(rows: b, cols: 1))
    }

    func sampler(_ d: EventDataset, _ balance: BalanceMode, _ mass: BackgroundMassMode = .identicalFixed,
                 batch: Int = 100, masses: [Float]? = nil, seed: UInt64 = 7) throws -> BatchSampler {
        try BatchSampler(dataset: d, configuration: .init(batchSize: batch, balance: balance, backgroundMass: mass, trainingMasses: masses), seed: seed)
    }

    @Test func noBalanceVisitsEveryEventOncePerEpoch() throws {
        let s = try sampler(imbalanced, .none)
        #expect(s.stepsPerEpoch == (imbalanced.count + 99) / 100)
        for epoch in 0..<2 {
            let rows = (0..<s.stepsPerEpoch).flatMap { s.rows(epoch: epoch, step: $0) }
            #expect(rows.count == imbalanced.count)
            #expect(Set(rows).count == imbalanced.count)
        }
        #expect(s.rows(epoch: 0, step: 0) != s.rows(epoch: 1, step: 0))
        // The last batch is short and fill() reports and resizes to it.
        let (x, m, y, w) = buffers(100)
        let n = s.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: s.stepsPerEpoch - 1)
        #expect(n == imbalanced.count - 100 * (s.stepsPerEpoch - 1))
        #expect(x.rows == n && m.rows == n && y.rows == n && w.rows == n)
    }

    @Test func classBalanceIsHalfAndHalf() throws {
        let s = try sampler(imbalanced, .class, batch: 101)
        #expect(s.stepsPerEpoch == imbalanced.count / 101)
        for step in 0..<s.stepsPerEpoch {
            let rows = s.rows(epoch: 0, step: step)
            #expect(rows.count == 101)
            #expect(rows.filter { imbalanced.label[$0] == 1 }.count == 50)
            #expect(rows.prefix(50).allSatisfy { imbalanced.label[$0] == 1 })
        }
    }

    @Test func signalBalanceSplitsTheSignalHalfEvenlyOverMasses() throws {
        // B = 1024: B/2 = 512 signal rows over 5 masses = 102 each + 2 rotating extras.
        let s = try sampler(imbalanced, .signal, batch: 1024)
        var totals = [Float: Int]()
        let steps = 10
        for step in 0..<steps {
            let rows = s.rows(epoch: 0, step: step)
            let signal = rows.filter { imbalanced.label[$0] == 1 }
            #expect(signal.count == 512)
            #expect(rows.count - signal.count == 512)
            for m in HEPMASSSchema.signalMasses {
                let c = signal.filter { imbalanced.mass[$0] == m }.count
                #expect(c == 102 || c == 103, "\(c) events at \(m)")
                totals[m, default: 0] += c
            }
        }
        // Over 5 consecutive steps every mass gets exactly 512 events.
        #expect(totals.values.allSatisfy { $0 == 1024 })
        // The rarest group (4 events) is cycled: each of its events appears ≈ equally often.
        let rare = imbalanced.signalIndices(mass: 1500)
        let seen = (0..<steps).flatMap { s.rows(epoch: 0, step: $0) }.filter { rare.contains($0) }
        #expect(Set(seen) == Set(rare))
        for r in rare { #expect(seen.filter { $0 == r }.count == 256) }
    }

    @Test func backgroundAndFullBalanceSplitOverProcesses() throws {
        let d = syntheticDataset(perGroup: 300, signalPerMass: [500, 200, 50, 10, 5], processes: 3)
        let background = try sampler(d, .background, batch: 64)
        let full = try sampler(d, .full, batch: 64)
        for step in 0..<20 {
            let rows = background.rows(epoch: 0, step: step)
            #expect(rows.filter { d.label[$0] == 1 }.count == 32)
            let perProcess = (0..<3).map { p in rows.filter { d.label[$0] == 0 && d.process[$0] == UInt8(p) }.count }
            #expect(perProcess.allSatisfy { $0 == 10 || $0 == 11 } && perProcess.reduce(0, +) == 32)
            let fullRows = full.rows(epoch: 0, step: step)
            let perMass = HEPMASSSchema.signalMasses.map { m in fullRows.filter { d.label[$0] == 1 && d.mass[$0] == m }.count }
            #expect(perMass.allSatisfy { $0 == 6 || $0 == 7 } && perMass.reduce(0, +) == 32)
            let fullPerProcess = (0..<3).map { p in fullRows.filter { d.label[$0] == 0 && d.process[$0] == UInt8(p) }.count }
            #expect(fullPerProcess.allSatisfy { $0 == 10 || $0 == 11 })
        }
        // One background process: full ≡ signal, background ≡ class (paper footnote 11).
        let one = imbalanced
        for step in 0..<5 {
            #expect(try sampler(one, .full).rows(epoch: 1, step: step) == sampler(one, .signal).rows(epoch: 1, step: step))
            #expect(try sampler(one, .background).rows(epoch: 1, step: step) == sampler(one, .class).rows(epoch: 1, step: step))
        }
    }

    @Test func sameSeedSameBatchesOtherSeedOtherBatches() throws {
        for balance in BalanceMode.allCases {
            let a = try sampler(imbalanced, balance, .uniformSampled, seed: 3)
            let b = try sampler(imbalanced, balance, .uniformSampled, seed: 3)
            let c = try sampler(imbalanced, balance, .uniformSampled, seed: 4)
            let (x1, m1, y1, w1) = buffers(100), (x2, m2, y2, w2) = buffers(100)
            // b is asked in another order: batches are random-access.
            b.fill(x: x2, mass: m2, label: y2, weight: w2, epoch: 2, step: 1)
            a.fill(x: x1, mass: m1, label: y1, weight: w1, epoch: 1, step: 3)
            b.fill(x: x2, mass: m2, label: y2, weight: w2, epoch: 1, step: 3)
            #expect(x1.toArray() == x2.toArray() && m1.toArray() == m2.toArray() && y1.toArray() == y2.toArray())
            #expect(w1.toArray().allSatisfy { $0 == 1 })
            #expect(a.rows(epoch: 0, step: 0) != c.rows(epoch: 0, step: 0))
        }
    }

    @Test func fillGathersFeaturesLabelsAndMassOver1000() throws {
        let s = try sampler(imbalanced, .class)
        let (x, m, y, w) = buffers(100)
        s.fill(x: x, mass: m, label: y, weight: w, epoch: 0, step: 2)
        let rows = s.rows(epoch: 0, step: 2)
        for (k, i) in rows.enumerated() {
            #expect(Array(UnsafeBufferPointer(start: x.row(k), count: 27)) == Array(imbalanced.features[(i * 27)..<(i * 27 + 27)]))
            #expect(y[k, 0] == Float(imbalanced.label[i]))
            #expect(m[k, 0] == imbalanced.mass[i] / 1000)  // identical-fixed keeps the file's mass
        }
    }

    /// Fixed and sampled variants select the same events; only background masses differ,
    /// and only sampled ones change between appearances of an event.
    @Test func fixedAndSampledDifferOnlyInBackgroundMasses() throws {
        for distribution in BackgroundMassMode.Distribution.allCases {
            let fixed = try sampler(imbalanced, .signal, BackgroundMassMode(distribution, .fixed))
            let sampled = try sampler(imbalanced, .signal, BackgroundMassMode(distribution, .sampled))
            var differing = 0, backgroundRows = 0
            var fixedSeen = [Int: Float](), sampledSeen = [Int: Set<Float>]()
            for epoch in 0..<3 { for step in 0..<fixed.stepsPerEpoch {
                let rows = fixed.rows(epoch: epoch, step: step)
                #expect(rows == sampled.rows(epoch: epoch, step: step))
                let t = fixed.globalStep(epoch: epoch, step: step)
                let mf = fixed.masses(rows: rows, globalStep: t), ms = sampled.masses(rows: rows, globalStep: t)
                for (k, i) in rows.enumerated() {
                    if imbalanced.label[i] == 1 {
                        #expect(mf[k] == imbalanced.mass[i] && ms[k] == imbalanced.mass[i])
                    } else {
                        backgroundRows += 1
                        if mf[k] != ms[k] { differing += 1 }
                        if let previous = fixedSeen[i] { #expect(previous == mf[k]) }
                        fixedSeen[i] = mf[k]
                        sampledSeen[i, default: []].insert(ms[k])
                    }
                }
            } }
            #expect(differing > backgroundRows / 2)
            #expect(sampledSeen.values.contains { $0.count > 1 })
            // Value ranges.
            let all = sampledSeen.values.flatMap { $0 } + Array(fixedSeen.values)
            switch distribution {
            case .identical: #expect(all.allSatisfy { HEPMASSSchema.signalMasses.contains($0) })
            case .uniform:
                #expect(all.allSatisfy { $0 >= 500 && $0 <= 1500 })
                #expect(all.contains { !HEPMASSSchema.signalMasses.contains($0) })
            }
        }
    }

    @Test func trainingMassSubsetExcludesSignalAndRestrictsBackgroundMasses() throws {
        let train: [Float] = [500, 750, 1250, 1500]
        let s = try sampler(imbalanced, .signal, .identicalFixed, masses: train)
        let u = try sampler(imbalanced, .class, .uniformSampled, masses: [750, 1250])
        for step in 0..<s.stepsPerEpoch {
            let rows = s.rows(epoch: 0, step: step)
            #expect(!rows.contains { imbalanced.label[$0] == 1 && imbalanced.mass[$0] == 1000 })
            let masses = s.masses(rows: rows, globalStep: step)
            #expect(masses.allSatisfy { train.contains($0) })
            #expect(HEPMASSSchema.signalMasses.filter { $0 != 1000 }.allSatisfy { m in
                rows.contains { imbalanced.label[$0] == 1 && imbalanced.mass[$0] == m } })
        }
        let masses = u.masses(rows: u.rows(epoch: 0, step: 0), globalStep: 0)
        #expect(masses.allSatisfy { $0 >= 750 && $0 <= 1250 })
        #expect(s.eligibleCount == imbalanced.count - 70)
        #expect(dataError { _ = try sampler(imbalanced, .signal, masses: [600]) } != nil)
    }

    @Test func quotaBookkeepingIsConsistent() {
        for k in 0..<5 {
            var running = 0
            for t in 0..<23 {
                #expect(BatchSampler.consumed(512, groups: 5, group: k, before: t) == running)
                running += BatchSampler.quota(512, groups: 5, group: k, step: t)
            }
        }
    }
}
