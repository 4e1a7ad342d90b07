/// Results of several seeds: at most one result per (experiment, seed), as
/// `BenchPipeline.storedResults` reads them by key.
///
/// Code that looks at one training at a time (a claim on one seed, a figure of one
/// network) takes `results(seed:)`, a list with one result per experiment as before
/// replicates existed; statistics over seeds take `replicates(of:)`.
public struct ReplicateResults: Sendable {
    /// The seeds asked for, in order, whether or not they have results.
    public let seeds: [UInt64]
    /// Every result, experiments in the order they first appear in the input (suite order
    /// after `Suite.rowResults`, id order after `ResultSelection.ordered`), each experiment's
    /// results in `seeds` order.
    public let all: [RunResult]

    public init(seeds: [UInt64], results: [RunResult]) {
        self.seeds = seeds
        let rank = Dictionary(seeds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var place: [String: Int] = [:]
        for result in results where place[result.spec.id] == nil { place[result.spec.id] = place.count }
        all = results.filter { rank[$0.seed] != nil }.sorted { a, b in
            a.spec.id != b.spec.id ? place[a.spec.id]! < place[b.spec.id]! : rank[a.seed]! < rank[b.seed]!
        }
    }

    /// `results` with their seeds in order of first appearance.
    public init(_ results: [RunResult]) {
        var seen = Set<UInt64>()
        self.init(seeds: results.map(\.seed).filter { seen.insert($0).inserted }, results: results)
    }

    public var isEmpty: Bool { all.isEmpty }

    /// One result per experiment: those trained with `seed`.
    public func results(seed: UInt64) -> [RunResult] { all.filter { $0.seed == seed } }

    /// The results of experiment `id`, in `seeds` order (missing seeds left out).
    public func replicates(of id: String) -> [RunResult] { all.filter { $0.spec.id == id } }

    /// The experiment ids with at least one result, in the order of `all`.
    public var experimentIDs: [String] {
        var seen = Set<String>()
        return all.map(\.spec.id).filter { seen.insert($0).inserted }
    }

    /// The seeds that have a result for every experiment of `ids`; a paired comparison
    /// of those experiments uses these.
    public func commonSeeds(_ ids: [String]) -> [UInt64] {
        seeds.filter { seed in ids.allSatisfy { id in all.contains { $0.spec.id == id && $0.seed == seed } } }
    }

    /// The same results mapped seed by seed (e.g. through `Suite.rowResults`).
    public func mapSeeds(_ transform: ([RunResult]) -> [RunResult]) -> ReplicateResults {
        ReplicateResults(seeds: seeds, results: seeds.flatMap { transform(results(seed: $0)) })
    }
}
