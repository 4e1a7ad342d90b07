/// Every physics and detector number of the HEPMASS-SIM generator, in one value type, so
/// that the detector can be re-tuned (`bench calibrate` measures trained individual NNs
/// against the paper's) without touching the generator code.
///
/// Units: GeV, radians. Defaults are textbook values for the particles and an
/// ATLAS/CMS-like detector; the detector and spectrum entries are the calibration knobs.
/// A change of parameters changes the standardisation constants too (they are
/// recomputed from the fixed reference sample, see `FeatureStandardization`).
///
/// Where each number enters (`HEPMASSSimulator`):
/// - resonance line shape: m ~ Breit–Wigner(m_X, Γ = `resonanceRelativeWidth`·m_X),
///   truncated to ±`lineShapeCut`·Γ; the same for t (`topMass`, `topWidth`) and W;
/// - background m_tt̄ = m_t1 + m_t2 + `backgroundMassScale`·Y, Y ~ BetaPrime(a, b)
///   (`backgroundShapeA`, `backgroundShapeB`): p(Y) ∝ Y^(a−1) (1+Y)^(−a−b), a threshold
///   turn-on and a power-law tail Y^(−b−1) that reaches past 1.5 TeV;
/// - background production angle: dσ/dcosθ* ∝ 1 + `backgroundAngularCoefficient`·cos²θ*
///   (signal, a scalar, is isotropic);
/// - recoil of the tt̄ system against initial-state radiation: pT ~ Rayleigh(`systemPtScale`),
///   rapidity ~ N(0, `systemRapiditySigma`);
/// - jets: E → E·(`jetEnergyScale` + σ_E/E · g), σ_E/E = `jetStochastic`/√E ⊕ `jetConstant`,
///   η and φ smeared by N(0, `jetAngularResolution`);
/// - lepton: pT → pT·(1 + σ·g), σ = `leptonResolution` ⊕ `leptonResolutionSlope`·pT;
/// - missing ET: neutrino pT minus the mismeasurement of every visible object, plus
///   N(0, `metResolution`·√ΣET) per component;
/// - b-tagging: b jets tagged with probability `bTagEfficiency`, jets from W → qq′ with
///   probability `charmMistagRate` if it is a charm jet (probability `charmFraction`:
///   W → cs̄ is about half of the hadronic decays, one jet of two is the c) and
///   `lightMistagRate` otherwise;
/// - jet count: 4 + Poisson(`extraJetMean` + `extraJetPerPt`·pT_system).
public struct SimulationParameters: Codable, Hashable, Sendable {
    // Particle properties (PDG).
    public var topMass = 172.5
    public var topWidth = 1.42
    public var wMass = 80.38
    public var wWidth = 2.09
    public var bQuarkMass = 4.8
    /// Γ_X / m_X of the hypothetical resonance.
    public var resonanceRelativeWidth = 0.06
    /// Breit–Wigner line shapes are truncated to ±cut·Γ around the pole.
    public var lineShapeCut = 5.0

    // Production.
    public var systemPtScale = 25.0
    public var systemRapiditySigma = 0.8
    public var backgroundMassScale = 300.0
    public var backgroundShapeA = 2
    public var backgroundShapeB = 4
    public var backgroundAngularCoefficient = 0.6

    // Detector.
    public var jetStochastic = 1.0
    public var jetConstant = 0.08
    public var jetAngularResolution = 0.04
    public var jetEnergyScale = 1.0
    public var leptonResolution = 0.015
    public var leptonResolutionSlope = 0.0002
    public var metResolution = 0.7
    public var bTagEfficiency = 0.7
    public var charmFraction = 0.25
    public var charmMistagRate = 0.15
    public var lightMistagRate = 0.01
    public var extraJetMean = 0.7
    public var extraJetPerPt = 0.01

    public init() {}

    /// The parameters the embedded default data set is generated with.
    public static let `default` = SimulationParameters()
}

extension SimulationParameters {
    /// The tunable entries by name, for calibration scripts and `bench data sim --set`.
    public static let realParameters: [(name: String, path: WritableKeyPath<SimulationParameters, Double>)] = [
        ("topMass", \.topMass), ("topWidth", \.topWidth), ("wMass", \.wMass), ("wWidth", \.wWidth),
        ("bQuarkMass", \.bQuarkMass), ("resonanceRelativeWidth", \.resonanceRelativeWidth), ("lineShapeCut", \.lineShapeCut),
        ("systemPtScale", \.systemPtScale), ("systemRapiditySigma", \.systemRapiditySigma),
        ("backgroundMassScale", \.backgroundMassScale), ("backgroundAngularCoefficient", \.backgroundAngularCoefficient),
        ("jetStochastic", \.jetStochastic), ("jetConstant", \.jetConstant), ("jetAngularResolution", \.jetAngularResolution),
        ("jetEnergyScale", \.jetEnergyScale), ("leptonResolution", \.leptonResolution),
        ("leptonResolutionSlope", \.leptonResolutionSlope), ("metResolution", \.metResolution),
        ("bTagEfficiency", \.bTagEfficiency), ("charmFraction", \.charmFraction), ("charmMistagRate", \.charmMistagRate),
        ("lightMistagRate", \.lightMistagRate), ("extraJetMean", \.extraJetMean), ("extraJetPerPt", \.extraJetPerPt),
    ]
    public static let integerParameters: [(name: String, path: WritableKeyPath<SimulationParameters, Int>)] = [
        ("backgroundShapeA", \.backgroundShapeA), ("backgroundShapeB", \.backgroundShapeB),
    ]

    /// A copy with `name` set to `value`; unknown names and out-of-range values are
    /// rejected with a message listing what is accepted.
    public func setting(_ name: String, to value: Double) throws -> SimulationParameters {
        var copy = self
        guard value.isFinite, value >= 0 else { throw DataError.invalidRequest("simulation parameter \(name) = \(value): expected a finite value ≥ 0") }
        if let entry = Self.realParameters.first(where: { $0.name == name }) {
            copy[keyPath: entry.path] = value
        } else if let entry = Self.integerParameters.first(where: { $0.name == name }) {
            guard value >= 1, value <= 20, value == value.rounded() else {
                throw DataError.invalidRequest("simulation parameter \(name) = \(value): expected an integer in 1…20")
            }
            copy[keyPath: entry.path] = Int(value)
        } else {
            let names = (Self.realParameters.map(\.name) + Self.integerParameters.map(\.name)).joined(separator: ", ")
            throw DataError.invalidRequest("unknown simulation parameter `\(name)`; expected one of \(names)")
        }
        return copy
    }

    /// A copy with every `name=value` assignment applied in order.
    public func setting(_ assignments: [String]) throws -> SimulationParameters {
        var copy = self
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1].trimmingSpaces) else {
                throw DataError.invalidRequest("simulation parameter `\(assignment)`: expected NAME=VALUE, e.g. jetStochastic=0.9")
            }
            copy = try copy.setting(parts[0].trimmingSpaces, to: value)
        }
        return copy
    }

    /// `name=value` for every entry, in declaration order (for logs and the README).
    public var assignments: [String] {
        Self.realParameters.map { "\($0.name)=\(self[keyPath: $0.path])" } + Self.integerParameters.map { "\($0.name)=\(self[keyPath: $0.path])" }
    }
}
