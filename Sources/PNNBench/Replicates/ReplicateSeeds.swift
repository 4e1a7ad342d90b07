import Foundation

/// The training seeds of a run: its replicates. Every seed trains each experiment once on
/// the same data; only the training's random streams (initialisation, shuffling, dropout,
/// background-mass sampling, train/validation split) change.
///
/// Written on the command line as a count or a list:
///
///     "3"        → 42, 43, 44        (the paper's 42, then the next integers)
///     "1"        → 42                (the single-seed run the paper reports)
///     "42,7,9"   → 42, 7, 9          (exactly these, in this order)
///
/// A count n always means the first n of 42, 43, 44, …, so a run with more seeds reuses the
/// results of a run with fewer. Seeds are mixed through SplitMix64 before use
/// (`RandomStream.key`), so neighbouring integers give unrelated streams.
public struct ReplicateSeeds: Equatable, Sendable, CustomStringConvertible {
    /// Distinct, in the order given; the first is the one single-seed figures use.
    public let seeds: [UInt64]

    /// The seed the paper used, and the first of every counted sequence.
    public static let paperSeed: UInt64 = 42
    /// Replicates of `bench all` unless told otherwise.
    public static let defaultCount = 3
    public static let standard = ReplicateSeeds(count: defaultCount)

    /// 42, 43, …, 41 + count.
    public init(count: Int) {
        precondition(count >= 1, "at least one seed")
        seeds = (0..<UInt64(count)).map { Self.paperSeed + $0 }
    }

    /// Exactly `seeds`; they must be distinct and at least one.
    public init(_ seeds: [UInt64]) throws {
        guard !seeds.isEmpty else { throw PipelineError("--seeds needs at least one seed") }
        var seen = Set<UInt64>()
        for seed in seeds where !seen.insert(seed).inserted {
            throw PipelineError("--seeds lists seed \(seed) twice; each seed is one replicate")
        }
        self.seeds = seeds
    }

    /// Parses "n" (a count, 1…1000) or "a,b,c" (a list of seeds; a single seed `s` is
    /// written "s," or with `--seed s`).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains(",") {
            guard let count = Int(trimmed), (1...Self.maximumCount).contains(count) else {
                throw PipelineError("--seeds expects a count from 1 to \(Self.maximumCount) (e.g. 5: seeds 42…46) or a comma-separated list of seeds (e.g. 42,7,9), got \"\(text)\"")
            }
            self.init(count: count)
            return
        }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var seeds: [UInt64] = []
        for (i, part) in parts.enumerated() {
            // One trailing comma marks a one-seed list: "7," is seed 7, "7" is seven seeds.
            if part.isEmpty && i == parts.count - 1 && i > 0 { continue }
            guard let seed = UInt64(part) else {
                throw PipelineError("--seeds: \"\(part)\" is not a seed (a non-negative integer) in \"\(text)\"")
            }
            seeds.append(seed)
        }
        try self.init(seeds)
    }

    public static let maximumCount = 1000

    public var count: Int { seeds.count }
    /// The seed of figures that show one training (t-SNE, training curves).
    public var first: UInt64 { seeds[0] }

    /// "seed 42" or "3 seeds (42, 43, 44)".
    public var description: String {
        count == 1 ? "seed \(first)" : "\(count) seeds (\(seeds.map(String.init).joined(separator: ", ")))"
    }
}
