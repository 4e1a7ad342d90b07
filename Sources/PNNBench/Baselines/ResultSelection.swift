import Foundation

/// Which stored results a comparison looks at: those of one scale, data source and set of
/// seeds (optionally one engine version), one per experiment and seed.
///
/// A store keeps every run ever made, so the same experiment may have several results —
/// typically from older engine versions. Unless an engine version is given, the newest
/// one (by `savedAt`) is used and a note says so.
public struct ResultSelection: Sendable {
    public var scale: String?
    /// `DataIdentity.source`: "sim" or "hepmass".
    public var dataSource: String?
    /// The replicates, in order; nil: every seed found.
    public var seeds: [UInt64]?
    public var engineVersion: String?

    public init(scale: String? = nil, dataSource: String? = nil, seeds: [UInt64]? = nil, engineVersion: String? = nil) {
        self.scale = scale
        self.dataSource = dataSource
        self.seeds = seeds
        self.engineVersion = engineVersion
    }

    /// In words, for report headers: "scale smoke, data sim, seed 42" or "…, seeds 42, 43, 44".
    public var summary: String {
        var parts: [String] = []
        if let scale { parts.append("scale \(scale)") }
        if let dataSource { parts.append("data \(dataSource)") }
        if let seeds { parts.append((seeds.count == 1 ? "seed " : "seeds ") + seeds.map(String.init).joined(separator: ", ")) }
        if let engineVersion { parts.append("engine \(engineVersion)") }
        return parts.isEmpty ? "all results" : parts.joined(separator: ", ")
    }

    public func includes(_ r: RunResult) -> Bool {
        (scale == nil || r.scale.name == scale) && (dataSource == nil || r.data.source == dataSource)
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
        var chosen: [RunResult] = [], notes: [String] = []
        for replicate in order {
            let id = replicate.id
            let group = groups[replicate]!
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
        }
        return (chosen, notes)
    }
}
