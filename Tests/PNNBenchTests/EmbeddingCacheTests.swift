import Foundation
import PNNEngine
import Testing
@testable import PNNBench

/// Stored t-SNE embeddings are the computed ones, bit for bit, and named by their inputs.
@Suite struct EmbeddingCacheTests {
    static func points(_ n: Int, shift: Double = 0) -> [Double] {
        (0..<(n * 3)).map { (i: Int) -> Double in
            let wave: Double = sin(Double(i) * 0.7) + Double(i % 3)
            return i < 3 ? wave + shift : wave
        }
    }

    @Test func cachedEmbeddingIsTheComputedOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-tsne-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var tsne = TSNE(seed: 42)
        tsne.iterations = 60
        tsne.exaggerationIterations = 15
        tsne.perplexity = 5
        let x = Self.points(40)
        let direct = tsne.embed(x, rows: 40, cols: 3, threads: 2)
        let cache = EmbeddingCache(directory: dir)
        let first = cache.embedding(x, rows: 40, cols: 3, tsne: tsne, threads: 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.count == 1 && files[0].hasPrefix("tsne-"))
        // Read back from the file: the same bits, KL history included.
        let second = cache.embedding(x, rows: 40, cols: 3, tsne: tsne, threads: 1)
        for r in [first, second] {
            #expect(r.embedding == direct.embedding)
            #expect(r.klHistory.map(\.iteration) == direct.klHistory.map(\.iteration))
            #expect(r.klHistory.map(\.kl) == direct.klHistory.map(\.kl))
        }
        // Other inputs or settings get other names; an unreadable file is recomputed.
        var other = tsne
        other.seed = 43
        #expect(EmbeddingCache.name(x, rows: 40, cols: 3, tsne: other) != EmbeddingCache.name(x, rows: 40, cols: 3, tsne: tsne))
        #expect(EmbeddingCache.name(Self.points(40, shift: 1e-12), rows: 40, cols: 3, tsne: tsne) != EmbeddingCache.name(x, rows: 40, cols: 3, tsne: tsne))
        try Data("{".utf8).write(to: dir.appendingPathComponent(files[0]))
        #expect(cache.embedding(x, rows: 40, cols: 3, tsne: tsne, threads: 2).embedding == direct.embedding)
    }
}
