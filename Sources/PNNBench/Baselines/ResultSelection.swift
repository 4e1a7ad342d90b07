import Foundation

/// Which stored results a comparison looks at: those of one scale, data source and seed
/// (optionally one engine version), one per experiment.
///
/// A store keeps every run ever made, so the same experiment may have several results —
/// typically from older engine versions. Unless an engine version is given, the newest
/// one (by `savedAt`) is used and a note says so.
public struct ResultSelection: Sendable {
    public var scale: String?
    /// `DataIdentity.source`: "sim" or "hepmass".
    public var dataSource: String?
    public var seed: UInt64?
    public var engineVersion: String?

    public init(scale: String? = nil, dataSource: String? = nil, seed: UInt64? = nil, engineVersion: String? = nil) {
        self.scale = scale
        self.dataSource = dataSource
        self.seed = seed
        self.engineVersion = engineVersion
    }

    /// In words, for report headers: "scale smoke, data sim, seed 42".
    public var summary: String {
        var parts: [String] = []
        if let scale { parts.append("scale \(scale)") }
        if let dataSource { parts.append("data \(dataSource)") }
        if let seed { parts.append("seed \(seed)") }
        if let engineVersion { parts.append("engine \(engineVersion)") }
        return parts.isEmpty ? "all results" : parts.joined(separator: ", ")
    }

    public func includes(_ r: RunResult) -> Bool {
        (scale == nil || r.scale.name == scale) && (dataSource == nil || r.data.source == dataSource)
            && (seed == nil || r.seed == seed) && (engineVersion == nil || r.engineVersion == engineVersion)
    }

    /// The selected results, one per experiment id, sorted by id; and notes on choices made.
    public func apply(_ results: [RunResult], savedAt: (RunResult) -> Date? = { _ in nil }) -> (results: [RunResult], notes: [String]) {
        let groups = Dictionary(grouping: results.filter(includes), by: { $0.spec.id })
        var chosen: [RunResult] = [], notes: [String] = []
        for id in groups.keys.sorted() {
            let group = groups[id]!
            // Newest first; without dates, the last key, so the choice is at least stable.
            let ordered = group.sorted { a, b in
                let da = savedAt(a) ?? .distantPast, db = savedAt(b) ?? .distantPast
                return da != db ? da > db : a.key > b.key
            }
            chosen.append(ordered[0])
            if group.count > 1 {
                let versions = Set(group.map(\.engineVersion)).sorted().joined(separator: ", ")
                notes.append("\(id): \(group.count) results (engine versions \(versions)); using the newest, \(ordered[0].key)")
            }
        }
        return (chosen, notes)
    }
}
