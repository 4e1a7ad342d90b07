import Foundation

/// Which stored results a comparison looks at: those of one scale, data sources and set of
/// seeds (optionally one engine version), one per experiment and seed.
///
/// A store keeps every run ever made, so the same experiment may have several results —
/// typically from older engine versions. Of an experiment and seed, the results of the
/// first of `dataSources` that has any count; of those, unless an engine version is
/// given, the newest (by `savedAt`) is used and a note says so.
public struct ResultSelection: Sendable {
    public var scale: String?
    /// `DataIdentity.source`s accepted, most preferred first: ["sim"], ["hepmass"], or
    /// ["hepmass-imb", "hepmass"] (published HEPMASS-IMB before the built one); nil: any.
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

    /// A declared data set's results are included whatever `dataSources` says: `--data`
    /// chooses where HEPMASS comes from, and a declared data set has only its own files.
    public func includes(_ r: RunResult) -> Bool {
        (scale == nil || r.scale.name == scale) && (r.spec.dataset.isDeclared || (dataSources?.contains(r.data.source) ?? true))
            && (seeds?.contains(r.seed) ?? true) && (engineVersion == nil || r.engineVersion == engineVersion)
    }

    /// The selected results, one per experiment id and seed, sorted by id and then by the
    /// seed's place in `seeds` (ascending seed when `seeds` is nil); and notes on choices made.
    public func apply(_ results: [RunResult], savedAt: (RunResult) -> Date? = { _ in nil }) -> (results: [RunResult], notes: [String]) {
        struct Replicate: Hashable { var id: String; var seed: UInt64 }
        let groups = Dictionary(grouping: results.filter(includes), by: { Replicate(id: $0.spec.id, seed: $0.seed) })
        let rank = Dictionary((seeds ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let order = groups.keys.sorted { a, b in
            if a.id != b.id { return a.id < b.id }
            let ra = rank[a.seed] ?? Int.max, rb = rank[b.seed] ?? Int.max
            return ra != rb ? ra < rb : a.seed < b.seed
        }
        let preference = Dictionary((dataSources ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var chosen: [RunResult] = [], notes: [String] = []
        var passedOver: [(id: String, dataset: DatasetKind)] = []
        for replicate in order {
            let id = replicate.id
            let all = groups[replicate]!
            let best = all.map { preference[$0.data.source] ?? 0 }.min()!
            let group = all.filter { (preference[$0.data.source] ?? 0) == best }
            // Newest first; without dates, the last key, so the choice is at least stable.
            let ordered = group.sorted { a, b in
                let da = savedAt(a) ?? .distantPast, db = savedAt(b) ?? .distantPast
                return da != db ? da > db : a.key > b.key
            }
            chosen.append(ordered[0])
            if group.count > 1 {
                let versions = Set(group.map(\.engineVersion)).sorted().joined(separator: ", ")
                let seedText = (seeds?.count ?? 2) > 1 ? " seed \(replicate.seed)" : ""
                notes.append("\(id)\(seedText): \(group.count) results (engine versions \(versions)); using the newest, \(ordered[0].key)")
            }
            if best > 0 { passedOver.append((id, ordered[0].spec.dataset)) }
        }
        // The preferred source for some experiments of a data set and the fallback for
        // others (e.g. HEPMASS-IMB partly published, partly built): say which.
        let preferredKinds = Set(chosen.filter { $0.data.source == dataSources?.first }.map(\.spec.dataset))
        let ids = Array(Set(passedOver.filter { preferredKinds.contains($0.dataset) }.map(\.id))).sorted()
        if let first = dataSources?.first, !ids.isEmpty {
            notes.append("\(ids.count) experiment(s) have no result of data \(first) and use data \(dataSources![1...].joined(separator: " or ")): \(ids.joined(separator: ", "))")
        }
        return (chosen, notes)
    }
}
