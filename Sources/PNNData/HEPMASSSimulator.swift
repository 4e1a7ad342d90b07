#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// HEPMASS-SIM: a seeded, physics-motivated generator of events in HEPMASS's schema,
/// the embedded default data set when the real files are absent.
///
/// **Signal**: X → tt̄ → W⁺b W⁻b̄ → qq′b ℓν b̄ with m_X ∈ {500, 750, 1000, 1250, 1500} GeV
/// and Γ_X/m_X = `SimulationParameters.resonanceRelativeWidth` for HEPMASS's data sets;
/// `generate(_ blocks:)` takes any `SignalPoint` (mass and relative width).
/// **Background**: Standard-Model tt̄ with the same final state, m_tt̄ falling from
/// threshold with a power-law tail over the whole signal range. Per event:
///
/// 1. masses: t, t̄ and both W from truncated Breit–Wigners; the system mass M from the
///    X line shape (signal) or M = m_t1 + m_t2 + θ·Y, Y ~ BetaPrime(a, b) (background);
/// 2. the system recoils against initial-state radiation (Rayleigh pT, Gaussian
///    rapidity) and decays to t t̄ — isotropically for the scalar X, with
///    1 + c·cos²θ* for the background; t → W b and W → ℓν or qq′ isotropically in
///    their rest frames (which W decays leptonically is a fair coin);
/// 3. detector: jet energies and angles smeared, lepton pT smeared, missing ET = neutrino
///    pT minus the visible mismeasurement plus resolution ∝ √ΣET, b-tags drawn with
///    efficiency / mistag rates, jet count 4 + Poisson(extra radiation);
/// 4. reconstruction as in Baldi et al.: neutrino pz from the W-mass constraint
///    (smaller |pz| root; the real part when there is none), the hadronic W = the pair
///    of jets (untagged ones if two exist) closest to m_W, the hadronic top = that pair
///    plus the remaining jet that brings m_jjj closest to m_t, the other jet goes with
///    ℓν; m_WWbb is the mass of all four jets, the lepton and the neutrino;
/// 5. the 27 features in HEPMASS order (`HEPMASSSchema`) standardised with fixed
///    constants (`FeatureStandardization`).
///
/// No acceptance cuts are applied: every generated event is kept, which keeps the
/// composition exact. All numbers live in `SimulationParameters`.
///
/// **Determinism**: event i of part p belongs to chunk c = i / `chunkSize` and is drawn
/// from `RandomStream(seed, .dataGeneration, index: p << 32 | c)`; the event order
/// (which events are signal at which mass) comes from `EventComposition.shuffledKinds`
/// with the `.shuffle` stream at index p. Chunks run in parallel but write disjoint
/// rows, so the output is identical for any thread count. Part 0 is the training set
/// (and what `bench data sim --out` writes), part 1 the test set, parts 2 and up the
/// weighted grid sample (`GridSample`, `bench data sim --masses`).
public struct HEPMASSSimulator: Sendable {
    /// Events per random stream; fixed so that data never depends on the thread count.
    public static let chunkSize = 4096

    public let parameters: SimulationParameters
    public let standardization: FeatureStandardization

    public init(parameters: SimulationParameters = .default) {
        self.parameters = parameters
        if parameters == .default, let table = FeatureStandardization.embeddedDefault {
            self.standardization = table
        } else {
            self.standardization = FeatureStandardization.reference(for: parameters)
        }
    }

    /// Internal: a simulator with explicit constants (used to compute the constants).
    init(parameters: SimulationParameters, standardization: FeatureStandardization) {
        self.parameters = parameters
        self.standardization = standardization
    }

    // MARK: data sets

    /// A data set with the given composition; event order and content are a pure
    /// function of (parameters, composition, seed, part).
    public func generate(_ composition: EventComposition, seed: UInt64, part: UInt64 = 0,
                         threads: Int = WorkerPool.availableCores) -> EventDataset {
        let kinds = composition.shuffledKinds(seed: seed, index: part)
        let n = kinds.count
        let nf = HEPMASSSchema.featureCount
        let m = composition.masses.count
        let points = composition.masses.map { SignalPoint(mass: Double($0), relativeWidth: parameters.resonanceRelativeWidth) }
        let features = [Float](unsafeUninitializedCapacity: n * nf) { buffer, initialized in
            let chunks = (n + Self.chunkSize - 1) / Self.chunkSize
            let out = buffer.baseAddress!
            WorkerPool(threads: max(1, threads)).run(tasks: chunks) { c in
                fillChunk(c, count: n, seed: seed, part: part, into: out) { i in
                    let k = Int(kinds[i])
                    return k < m ? points[k] : nil
                }
            }
            initialized = n * nf
        }
        let mass = kinds.map { composition.masses[Int($0) % m] }
        let label = kinds.map { Int($0) < m ? UInt8(1) : 0 }
        return EventDataset(features: features, mass: mass, label: label, signalMasses: composition.masses)
    }

    /// Training and test sets for the runner: training part 0 (balanced or HEPMASS-IMB
    /// ratios), test part 1, always balanced per mass with the background's mass
    /// identical and fixed — the structure of HEPMASS's own test file.
    public func trainTest(trainEvents: Int, testEvents: Int, imbalanced: Bool, seed: UInt64,
                          threads: Int = WorkerPool.availableCores) -> (train: EventDataset, test: EventDataset) {
        trainTest(trainComposition: imbalanced ? .imbalanced(events: trainEvents) : .balanced(events: trainEvents),
                  testEvents: testEvents, seed: seed, threads: threads)
    }

    /// The same with the training part's composition given.
    public func trainTest(trainComposition: EventComposition, testEvents: Int, seed: UInt64,
                          threads: Int = WorkerPool.availableCores) -> (train: EventDataset, test: EventDataset) {
        (generate(trainComposition, seed: seed, part: 0, threads: threads),
         generate(.balanced(events: testEvents), seed: seed, part: 1, threads: threads))
    }

    /// A run of `count` events of one kind for `generate(_:seed:threads:)`: signal at
    /// `signal`, or background when it is nil, drawn from the streams of `part`.
    public struct Block: Hashable, Sendable {
        public var signal: SignalPoint?
        public var count: Int
        /// Chunk c of the block draws from `RandomStream(seed, .dataGeneration, index: part << 32 | c)`.
        public var part: UInt64

        public init(signal: SignalPoint?, count: Int, part: UInt64) {
            self.signal = signal; self.count = count; self.part = part
        }
    }

    /// The standardised features (27 per event, row-major) of every block's events, the
    /// blocks one after another in order. Event i of a block is event i of its part's
    /// stream sequence (chunk i / `chunkSize`), so a block's events are a pure function of
    /// (parameters, seed, its kind, its part) — the first `count` of that sequence — and
    /// depend neither on the other blocks nor on the thread count. The chunks of all
    /// blocks run in one parallel pass, so many small blocks still use every thread.
    public func generate(_ blocks: [Block], seed: UInt64, threads: Int = WorkerPool.availableCores) -> [Float] {
        let nf = HEPMASSSchema.featureCount
        var tasks: [(block: Int, chunk: Int, firstRow: Int)] = []
        var rows = 0
        for (b, block) in blocks.enumerated() {
            precondition(block.count >= 0 && block.part < 1 << 32, "a block needs count ≥ 0 and part < 2³²")
            for c in 0..<(block.count + Self.chunkSize - 1) / Self.chunkSize { tasks.append((b, c, rows)) }
            rows += block.count
        }
        if rows == 0 { return [] }
        return [Float](unsafeUninitializedCapacity: rows * nf) { buffer, initialized in
            let out = buffer.baseAddress!
            WorkerPool(threads: max(1, threads)).run(tasks: tasks.count) { t in
                let (b, c, firstRow) = tasks[t]
                let block = blocks[b]
                fillChunk(c, count: block.count, seed: seed, part: block.part, into: out + firstRow * nf) { _ in block.signal }
            }
            initialized = rows * nf
        }
    }

    /// Generates chunk `c` of a part's first `count` events into rows of `out` (27
    /// standardised floats per row, event i at row i); `signal(i)` is event i's
    /// hypothesis, nil for background.
    func fillChunk(_ c: Int, count: Int, seed: UInt64, part: UInt64, into out: UnsafeMutablePointer<Float>,
                   signal: (Int) -> SignalPoint?) {
        var random = EventRandom(RandomStream(seed: seed, purpose: .dataGeneration, index: part << 32 | UInt64(c)))
        let nf = HEPMASSSchema.featureCount
        let raw = UnsafeMutablePointer<Double>.allocate(capacity: nf)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: Self.scratchSize, alignment: 16)
        defer { raw.deallocate(); scratch.deallocate() }
        let lo = c * Self.chunkSize, hi = min(count, lo + Self.chunkSize)
        for i in lo..<hi {
            simulateEvent(signal: signal(i), random: &random, features: raw, scratch: scratch)
            standardization.apply(raw, to: out + i * nf)
        }
    }

    // MARK: one event

    /// Two-body decay of a particle at rest with mass `m` into masses `m1`, `m2` along a
    /// direction with polar cosine `cosTheta` and azimuth `phi`.
    @inline(__always)
    private func twoBody(_ m: Double, _ m1: Double, _ m2: Double, cosTheta: Double, phi: Double) -> (FourMomentum, FourMomentum) {
        let s = m * m
        let lambda = max(0, (s - (m1 + m2) * (m1 + m2)) * (s - (m1 - m2) * (m1 - m2)))
        let p = lambda.squareRoot() / (2 * m)
        let sinTheta = max(0, 1 - cosTheta * cosTheta).squareRoot()
        let nx = sinTheta * cos(phi), ny = sinTheta * sin(phi), nz = cosTheta
        return (FourMomentum(e: (p * p + m1 * m1).squareRoot(), px: p * nx, py: p * ny, pz: p * nz),
                FourMomentum(e: (p * p + m2 * m2).squareRoot(), px: -p * nx, py: -p * ny, pz: -p * nz))
    }

    /// Isotropic two-body decay of `parent` (mass `m`), daughters in the lab frame.
    @inline(__always)
    private func decay(_ parent: FourMomentum, mass m: Double, into m1: Double, _ m2: Double, random: inout EventRandom) -> (FourMomentum, FourMomentum) {
        let (a, b) = twoBody(m, m1, m2, cosTheta: 2 * random.uniform() - 1, phi: 2 * Double.pi * random.uniform())
        return (a.boosted(by: parent, parentMass: m), b.boosted(by: parent, parentMass: m))
    }

    /// Bytes of scratch memory `simulateEvent` needs: four jets and their b-tags, kept
    /// out of arrays so that the per-event path allocates nothing.
    static let scratchSize = 4 * MemoryLayout<FourMomentum>.stride + 4 * MemoryLayout<Double>.stride

    /// One event's 27 raw (unstandardised) features, in HEPMASS order, into `f`: the five
    /// stages of the type's description, in order, all drawing from `random`.
    /// `signal` nil means background.
    /// `scratch` must hold `scratchSize` bytes (room for four jets and their tags).
    func simulateEvent(signal: SignalPoint?, random: inout EventRandom, features f: UnsafeMutablePointer<Double>,
                       scratch: UnsafeMutableRawPointer) {
        let jets = UnsafeMutableBufferPointer(start: scratch.bindMemory(to: FourMomentum.self, capacity: 4), count: 4)
        let tags = UnsafeMutableBufferPointer(start: (scratch + 4 * MemoryLayout<FourMomentum>.stride).bindMemory(to: Double.self, capacity: 4), count: 4)
        let masses = drawMasses(signal: signal, random: &random)
        let partons = produceAndDecay(masses, isSignal: signal != nil, random: &random)
        let detected = detect(partons, jets: jets, tags: tags, random: &random)
        let candidates = reconstruct(detected)
        writeFeatures(detected, candidates, into: f)
    }

    // Each stage below draws its random numbers in a fixed order: changing that order (or
    // adding a draw) changes every later event of the chunk. The calls between stages
    // cost nothing measurable next to an event's libm calls (logarithms, trigonometric
    // and hyperbolic functions), whether or not the compiler inlines them.

    /// Stage 1, masses. t, t̄ and both W get masses from Breit–Wigners truncated to
    /// ±cut·Γ around their poles, so reconstructed peaks have their natural widths. The
    /// system mass M comes from the X line shape (Γ_X = the point's relative width · m_X) for signal;
    /// for background M = m_t1 + m_t2 + θ·Y with Y = G_a / G_b, G_k ~ Gamma(k, 1), i.e.
    /// Y ~ BetaPrime(a, b): a turn-on at threshold and a power-law tail across the whole
    /// signal range. M is kept 1 GeV above m_t1 + m_t2 so the decay to t t̄ is always open.
    @inline(__always)
    private func drawMasses(signal: SignalPoint?, random: inout EventRandom) -> DecayChainMasses {
        let p = parameters
        let mt1 = random.breitWigner(pole: p.topMass, width: p.topWidth, cut: p.lineShapeCut)
        let mt2 = random.breitWigner(pole: p.topMass, width: p.topWidth, cut: p.lineShapeCut)
        let mw1 = random.breitWigner(pole: p.wMass, width: p.wWidth, cut: p.lineShapeCut)
        let mw2 = random.breitWigner(pole: p.wMass, width: p.wWidth, cut: p.lineShapeCut)
        let threshold = mt1 + mt2
        var systemMass: Double
        if let signal {
            let mX = signal.mass
            systemMass = random.breitWigner(pole: mX, width: signal.relativeWidth * mX, cut: p.lineShapeCut)
        } else {
            let y = random.gammaInteger(p.backgroundShapeA) / random.gammaInteger(p.backgroundShapeB)
            systemMass = threshold + p.backgroundMassScale * y
        }
        systemMass = max(systemMass, threshold + 1)
        return DecayChainMasses(top1: mt1, top2: mt2, w1: mw1, w2: mw2, system: systemMass)
    }

    /// Stage 2, production and decay chain. The tt̄ system recoils against initial-state
    /// radiation: pT ~ Rayleigh(σ), drawn as σ·√(−2 ln u), uniform azimuth, rapidity
    /// y ~ N(0, σ_y); then E = m_T cosh y, pz = m_T sinh y with m_T = √(M² + pT²).
    /// In its rest frame it decays to t t̄ along cosθ*: uniform for the scalar X (no
    /// preferred direction), dσ/dcosθ* ∝ 1 + c·cos²θ* for the background. Each top decays
    /// to W b and each W to two massless fermions, isotropically in the parent's rest frame
    /// (spin correlations neglected); a fair coin picks the W that decays to ℓν.
    @inline(__always)
    private func produceAndDecay(_ masses: DecayChainMasses, isSignal: Bool, random: inout EventRandom) -> PartonLevelEvent {
        let p = parameters
        let systemMass = masses.system
        let systemPt = p.systemPtScale * (-2 * log(random.positiveUniform())).squareRoot()
        let systemPhi = 2 * Double.pi * random.uniform()
        let rapidity = p.systemRapiditySigma * random.gaussian()
        let mT = (systemMass * systemMass + systemPt * systemPt).squareRoot()
        let system = FourMomentum(e: mT * cosh(rapidity), px: systemPt * cos(systemPhi), py: systemPt * sin(systemPhi), pz: mT * sinh(rapidity))

        var cosTheta = 2 * random.uniform() - 1
        if !isSignal && p.backgroundAngularCoefficient > 0 {
            // 1 + c·cos²θ by acceptance–rejection under its maximum 1 + c.
            let c = p.backgroundAngularCoefficient
            while random.uniform() * (1 + c) > 1 + c * cosTheta * cosTheta { cosTheta = 2 * random.uniform() - 1 }
        }
        let (restT1, restT2) = twoBody(systemMass, masses.top1, masses.top2, cosTheta: cosTheta, phi: 2 * Double.pi * random.uniform())
        let top1 = restT1.boosted(by: system, parentMass: systemMass)
        let top2 = restT2.boosted(by: system, parentMass: systemMass)
        let (w1, b1) = decay(top1, mass: masses.top1, into: masses.w1, p.bQuarkMass, random: &random)
        let (w2, b2) = decay(top2, mass: masses.top2, into: masses.w2, p.bQuarkMass, random: &random)
        let firstIsLeptonic = random.chance(0.5)
        let (wLep, mwLep, wHad, mwHad) = firstIsLeptonic ? (w1, masses.w1, w2, masses.w2) : (w2, masses.w2, w1, masses.w1)
        let (lepton, neutrino) = decay(wLep, mass: mwLep, into: 0, 0, random: &random)
        let (q1, q2) = decay(wHad, mass: mwHad, into: 0, 0, random: &random)
        return PartonLevelEvent(systemPt: systemPt, b1: b1, b2: b2, quark1: q1, quark2: q2, lepton: lepton, neutrino: neutrino)
    }

    /// Stage 3, detector: every visible object is smeared with the resolutions of
    /// `SimulationParameters`, and what is lost or gained shows up as missing ET.
    /// - lepton: pT·(1 + σ·g), σ = a ⊕ b·pT (tracker and calorimeter terms), factor ≥ 0.2;
    /// - jets (b, b̄, q, q′ in that order): E·(JES + σ_E/E·g), σ_E/E = s/√E ⊕ c, the factor
    ///   clamped to [0.05, 3]; η and φ each + N(0, σ_θ). Each jet's b-tag is drawn right
    ///   after it: b jets with the tagging efficiency, W jets with the charm mistag rate if
    ///   the jet is charm (probability f_c), else the light rate. The jets are then ordered
    ///   by decreasing pT, as HEPMASS lists them, the tags moving with their jets;
    /// - missing ET = the neutrino pT minus the mismeasurement of the lepton and jets
    ///   (momentum balance), plus N(0, r·√ΣET) per component, ΣET counting the recoil too;
    /// - jet count 4 + Poisson(λ₀ + λ₁·pT_system): harder recoil, more extra radiation.
    /// The measured jets and tags are written to `jets` and `tags`, which the returned
    /// event refers to.
    @inline(__always)
    private func detect(_ truth: PartonLevelEvent, jets jet: UnsafeMutableBufferPointer<FourMomentum>,
                        tags tag: UnsafeMutableBufferPointer<Double>, random: inout EventRandom) -> DetectorLevelEvent {
        let p = parameters
        let lepton = truth.lepton
        let lepPt = lepton.pt
        let lepSigma = (p.leptonResolution * p.leptonResolution + (p.leptonResolutionSlope * lepPt) * (p.leptonResolutionSlope * lepPt)).squareRoot()
        let lepScale = max(0.2, 1 + lepSigma * random.gaussian())
        let recoLepton = lepton.scaled(lepScale)
        var dx = recoLepton.px - lepton.px, dy = recoLepton.py - lepton.py
        var sumEt = recoLepton.pt + truth.systemPt

        // Partons in jet order: b, b̄ (tagged with the b efficiency), then the W's quarks.
        jet[0] = truth.b1; jet[1] = truth.b2; jet[2] = truth.quark1; jet[3] = truth.quark2
        for k in 0..<4 {
            let q = jet[k]
            let sigmaE = (p.jetStochastic * p.jetStochastic / max(q.e, 1) + p.jetConstant * p.jetConstant).squareRoot()
            let scale = min(3, max(0.05, p.jetEnergyScale + sigmaE * random.gaussian()))
            let eta = q.eta + p.jetAngularResolution * random.gaussian()
            let phi = q.phi + p.jetAngularResolution * random.gaussian()
            let r = FourMomentum(pt: q.pt * scale, eta: eta, phi: phi, mass: q.mass * scale)
            jet[k] = r
            dx += r.px - q.px; dy += r.py - q.py; sumEt += r.pt
            let tagged: Bool
            if k < 2 {
                tagged = random.chance(p.bTagEfficiency)
            } else {
                let charm = random.chance(p.charmFraction)
                tagged = random.chance(charm ? p.charmMistagRate : p.lightMistagRate)
            }
            tag[k] = tagged ? 1 : 0
        }
        // Order jets by decreasing pT (4-element insertion sort).
        for i in 1..<4 {
            var j = i
            while j > 0 && jet[j - 1].pt < jet[j].pt {
                jet.swapAt(j - 1, j); tag.swapAt(j - 1, j); j -= 1
            }
        }
        let metResolution = p.metResolution * sumEt.squareRoot()
        let metX = truth.neutrino.px - dx + metResolution * random.gaussian()
        let metY = truth.neutrino.py - dy + metResolution * random.gaussian()
        let met = (metX * metX + metY * metY).squareRoot()
        let jetCount = 4 + random.poisson(p.extraJetMean + p.extraJetPerPt * truth.systemPt)
        return DetectorLevelEvent(lepton: recoLepton, metX: metX, metY: metY, met: met, jetCount: jetCount, jets: jet, tags: tag)
    }

    /// Stage 4, reconstruction as in Baldi et al., from measured quantities only:
    /// the neutrino from the W-mass constraint (`neutrinoFromWConstraint`); the hadronic W
    /// is the jet pair with mass closest to m_W, taken among untagged jets when at least
    /// two exist (b jets come from the tops, not the W); the hadronic top adds whichever
    /// of the two remaining jets brings m_jjj closer to m_t (the harder one on a tie), and the
    /// other one goes with ℓν into the leptonic top. WWbb is all four jets plus ℓν.
    @inline(__always)
    private func reconstruct(_ event: DetectorLevelEvent) -> ReconstructedCandidates {
        let p = parameters
        let nu = neutrinoFromWConstraint(lepton: event.lepton, metX: event.metX, metY: event.metY, wMass: p.wMass)
        let lepNu = event.lepton + nu
        let j = event.jets, t = event.tags
        let untagged = t.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        var best = (a: 0, b: 1, distance: Double.infinity)
        for a in 0..<3 {
            for b in (a + 1)..<4 where untagged < 2 || (t[a] == 0 && t[b] == 0) {
                let d = abs((j[a] + j[b]).mass - p.wMass)
                if d < best.distance { best = (a, b, d) }
            }
        }
        let wJets = j[best.a] + j[best.b]
        // The two jets not in the W pair (indices sum to 6).
        let restA = best.a == 0 ? (best.b == 1 ? 2 : 1) : 0
        let restB = 6 - best.a - best.b - restA
        let topA = wJets + j[restA], topB = wJets + j[restB]
        let hadFirst = abs(topA.mass - p.topMass) <= abs(topB.mass - p.topMass)
        let hadronicTop = hadFirst ? topA : topB
        let leptonicTop = lepNu + j[hadFirst ? restB : restA]
        let all = j[0] + j[1] + j[2] + j[3] + lepNu
        return ReconstructedCandidates(hadronicW: wJets, hadronicTop: hadronicTop, leptonicW: lepNu,
                                       leptonicTop: leptonicTop, wwbb: all)
    }

    /// Stage 5, the 27 raw features in HEPMASS order (`HEPMASSSchema`): lepton pT, η, φ;
    /// missing ET and its azimuth; the jet count; pT, η, φ and b-tag of the four jets by
    /// decreasing pT; then m_jj, m_jjj, m_ℓν, m_jℓν and m_WWbb.
    @inline(__always)
    private func writeFeatures(_ event: DetectorLevelEvent, _ candidates: ReconstructedCandidates, into f: UnsafeMutablePointer<Double>) {
        let j = event.jets, t = event.tags
        f[0] = event.lepton.pt; f[1] = event.lepton.eta; f[2] = event.lepton.phi
        f[3] = event.met; f[4] = atan2(event.metY, event.metX); f[5] = Double(event.jetCount)
        for k in 0..<4 {
            f[6 + 4 * k] = j[k].pt; f[7 + 4 * k] = j[k].eta; f[8 + 4 * k] = j[k].phi; f[9 + 4 * k] = t[k]
        }
        f[22] = candidates.hadronicW.mass; f[23] = candidates.hadronicTop.mass; f[24] = candidates.leptonicW.mass
        f[25] = candidates.leptonicTop.mass; f[26] = candidates.wwbb.mass
    }

    /// The neutrino four-momentum from the measured missing ET and the W-mass constraint
    /// (ℓ + ν)² = m_W² with a massless lepton and neutrino:
    ///   pz = (μ·pzℓ ± √Δ) / pTℓ²,  μ = m_W²/2 + pTℓ·pTν·cos Δφ,
    ///   Δ = μ²·pzℓ² − pTℓ²·(Eℓ²·pTν² − μ²);
    /// the root of smaller |pz|, and the real part when Δ < 0.
    @inline(__always)
    func neutrinoFromWConstraint(lepton l: FourMomentum, metX: Double, metY: Double, wMass: Double) -> FourMomentum {
        let ptl2 = l.px * l.px + l.py * l.py
        let ptn2 = metX * metX + metY * metY
        let el = l.p2.squareRoot()
        let mu = 0.5 * wMass * wMass + l.px * metX + l.py * metY
        let delta = mu * mu * l.pz * l.pz - ptl2 * (el * el * ptn2 - mu * mu)
        var pz = mu * l.pz / max(ptl2, 1e-9)
        if delta > 0 {
            let root = delta.squareRoot() / max(ptl2, 1e-9)
            pz = abs(pz - root) < abs(pz + root) ? pz - root : pz + root
        }
        return FourMomentum(e: (ptn2 + pz * pz).squareRoot(), px: metX, py: metY, pz: pz)
    }
}
