import Foundation
import PNNEngine

/// t-SNE embeddings kept in `<work-dir>/cache/tsne/`, so that a report written again from
/// the same results reuses them instead of spending half a minute per figure.
///
/// A file is named by FNV-1a 64 of everything the embedding is a function of: the input
/// points' bytes and shape, every t-SNE setting and seed, `TSNE.version` and the engine
/// version. Equal names therefore mean equal embeddings, and a changed network, sample or
/// setting simply gives a new name. Numbers are stored as the shortest decimal that
/// reads back to the same Double, so a cached embedding is the computed one, bit for bit.
/// A file that cannot be read is recomputed and rewritten.
struct EmbeddingCache {
    let directory: URL

    /// The folder below `<work-dir>/cache/`.
    static let folderName = "tsne"

    /// The embedding of the `rows` × `cols` points `x` by `tsne`: from the cache, or
    /// computed (on `threads` threads, which do not change it) and stored.
    func embedding(_ x: [Double], rows: Int, cols: Int, tsne: TSNE, threads: Int) -> TSNE.Result {
        let url = directory.appendingPathComponent(Self.name(x, rows: rows, cols: cols, tsne: tsne) + ".json")
        if let data = FileManager.default.contents(atPath: url.path),
           let stored = try? CanonicalJSON.decoder().decode(Stored.self, from: data),
           stored.embedding.count == rows * stored.dimensions {
            return TSNE.Result(embedding: stored.embedding, dimensions: stored.dimensions,
                               klHistory: zip(stored.klIterations, stored.kl).map { (iteration: $0, kl: $1) })
        }
        let result = tsne.embed(x, rows: rows, cols: cols, threads: threads)
        let stored = Stored(embedding: result.embedding, dimensions: result.dimensions,
                            klIterations: result.klHistory.map(\.iteration), kl: result.klHistory.map(\.kl))
        // A cache that cannot be written costs time, not correctness.
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let data = try? CanonicalJSON.encoder(pretty: false).encode(stored) {
            try? AtomicFile.write(data, to: url.path)
        }
        return result
    }

    /// `tsne-<16 hex digits>`.
    static func name(_ x: [Double], rows: Int, cols: Int, tsne: TSNE) -> String {
        // Every stored property of the settings, so a new setting is part of the name.
        let fields = Mirror(reflecting: tsne).children.map { "\($0.label ?? "?")=\($0.value)" }.joined(separator: " ")
        let settings = "tsne v\(TSNE.version) engine \(EngineVersion.current) rows \(rows) cols \(cols) \(fields)"
        var bytes = Array(settings.utf8)
        x.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return "tsne-" + FNV1a64.hex(FNV1a64.hash(bytes))
    }

    struct Stored: Codable {
        var embedding: [Double]
        var dimensions: Int
        var klIterations: [Int]
        var kl: [Double]
    }
}
