import Foundation

/// Which stored results a comparison looks at, in words and order: one scale, data
/// sources and set of seeds (optionally one engine version). The results themselves are
/// read by key (`BenchPipeline.storedResults`), one per experiment and seed.
public struct ResultSelection: Sendable {
    public var scale: String?
    /// `DataIdentity.source`s the data choice gives: ["sim"], ["hepmass"], or
    /// ["hepmass-imb", "hepmass"] (published HEPMASS-IMB, HEPMASS for the rest); nil: any.
    public var dataSources: [String]?
    /// The replicates, in order; nil: every seed found.
    public var seeds: [UInt64]?
    public var engineVersion: String?

    public init(scale: String? = nil, dataSources: [String]? = nil, seeds: [UInt64]? = nil, engineVersion: String? = nil) {
        self.scale = scale
        self.dataSources = dataSources
        self.seeds = seeds
        self.engineVersion = engineVersion
    }

    /// In words, for report headers: "scale smoke, data sim, seed 42" or "…, seeds 42, 43, 44".
    public var summary: String {
        var parts: [String] = []
        if let scale { parts.append("scale \(scale)") }
        if let dataSources { parts.append("data \(dataSources.joined(separator: " or "))") }
        if let seeds { parts.append((seeds.count == 1 ? "seed " : "seeds ") + seeds.map(String.init).joined(separator: ", ")) }
        if let engineVersion { parts.append("engine \(engineVersion)") }
        return parts.isEmpty ? "all results" : parts.joined(separator: ", ")
    }

    /// `results` (at most one per experiment id and seed: the pipeline reads each by its
    /// key) sorted by id, then by the seed's place in `seeds` (ascending seed when `seeds`
    /// is nil).
    public func ordered(_ results: [RunResult]) -> [RunResult] {
        let rank = Dictionary((seeds ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return results.sorted { a, b in
            if a.spec.id != b.spec.id { return a.spec.id < b.spec.id }
            let ra = rank[a.seed] ?? Int.max, rb = rank[b.seed] ?? Int.max
            return ra != rb ? ra < rb : a.seed < b.seed
        }
    }
}
