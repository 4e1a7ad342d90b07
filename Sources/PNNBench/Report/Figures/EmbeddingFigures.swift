import Foundation
import PNNData
import PNNEngine

/// Paper Figs. 11 and 12: t-SNE of the last hidden layer of the individual NNs (one
/// network g_i per mass, "considered as a whole") and of the pNN, on HEPMASS, each
/// coloured by mass (left) and by label (right).
///
/// Networks: Table 3's "Individual-NNs | None" and "pNN | Identical (fixed)" — the
/// paper's pNN of §5.2 is Baldi's setting, whose background carries a fixed mass as in
/// HEPMASS's own files. Events: `EmbeddingSample` (balanced over masses and classes, from
/// the test set). Each event has a mass m: its signal mass, or for background the mass it
/// is assigned to in the sample. Event (x, m) goes through g_m (individual NNs: the
/// network that would score it at that hypothesis, as in the test protocol) or through
/// the pNN with mass feature m/1000 (§6: background is evaluated at the hypothesis m_i).
/// The last hidden layer's activations (Model.hiddenRepresentation) are embedded with
/// exact t-SNE (perplexity 30, 1000 iterations), seeded with the suite seed, and kept in
/// the context's cache folder when it has one (`EmbeddingCache`).
public enum EmbeddingFigures {
    public static let artifact = "table3"
    public static let individualRow = "Individual-NNs | None"
    public static let parametricRow = "pNN | Identical (fixed)"
    /// Events embedded per figure (split evenly over masses × classes).
    public static let defaultEvents = 2000

    public static func make(_ context: FigureContext) throws -> FigureOutcome {
        try make(context, events: defaultEvents, iterations: TSNE(seed: 0).iterations)
    }

    /// `events` and t-SNE `iterations` are parameters so tests can run a small version.
    public static func make(_ context: FigureContext, events: Int, iterations: Int) throws -> FigureOutcome {
        var outcome = FigureOutcome()
        // Figures 11 and 12 embed two of Table 3's HEPMASS networks: a suite without Table 3 has none.
        guard context.suite.usesHEPMASS, context.suite.artifacts.contains(where: { $0.id == artifact }) else { return outcome }
        let specs: [(name: String, row: String, figure: String)] = [
            ("fig11-tsne-individual-nns", individualRow, "11"),
            ("fig12-tsne-pnn", parametricRow, "12"),
        ]
        guard let provider = context.provider else {
            for s in specs { outcome.omitted.append((s.name, "no data provider: the t-SNE needs the test events")) }
            return outcome
        }
        guard let models = context.modelsDirectory else {
            for s in specs { outcome.omitted.append((s.name, "no models directory: the t-SNE needs the trained networks' checkpoints")) }
            return outcome
        }
        var sample: EmbeddingSample?
        // The run's threads (`--threads`); the embedding does not depend on them.
        let pool = context.pool ?? WorkerPool(threads: provider.threads)
        for s in specs {
            guard let result = context.result(artifact, s.row) else {
                outcome.omitted.append((s.name, "experiment \"\(s.row)\" of \(artifact) was not run"))
                continue
            }
            let individual = result.spec.model == .individual
            let masses = result.perMass.map(\.mass)
            let paths = individual
                ? masses.map { models.appendingPathComponent(ExperimentRunner.checkpointName(key: result.key, mass: $0)).path }
                : [models.appendingPathComponent(ExperimentRunner.checkpointName(key: result.key, mass: nil)).path]
            let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
            if !missing.isEmpty {
                outcome.omitted.append((s.name, "checkpoint missing: \(missing.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")) (run with checkpoints kept in <work-dir>/models)"))
                continue
            }
            if sample == nil {
                let test = try provider.data(.hepmass)
                sample = EmbeddingSample(test.test, events: events, seed: context.seed,
                                         dataName: DataFigureText.dataName(test.identity, imbalanced: false))
            }
            let events = sample!
            let networks = try paths.map { try Checkpoint.load(from: $0, pool: pool).model }
            let hidden = EmbeddingSample.hidden(events, networks: networks, networkMasses: individual ? masses.map(Float.init) : nil, pool: pool)
            var tsne = TSNE(seed: context.seed)
            tsne.iterations = iterations
            tsne.exaggerationIterations = min(tsne.exaggerationIterations, iterations / 4)
            let embedding = context.cacheDirectory.map { EmbeddingCache(directory: $0.appendingPathComponent(EmbeddingCache.folderName)) }?
                .embedding(hidden.values, rows: events.count, cols: hidden.width, tsne: tsne, threads: pool.threadCount)
                ?? tsne.embed(hidden.values, rows: events.count, cols: hidden.width, threads: pool.threadCount)
            var plot = EmbeddingPlot.make(
                name: s.name, figure: s.figure, row: s.row, individual: individual, sample: events,
                embedding: embedding, hiddenWidth: hidden.width, perplexity: tsne.perplexity, iterations: tsne.iterations)
            plot.caption += ResultFigureStyle.firstSeedNote(context)
            outcome.figures.append(plot)
        }
        return outcome
    }
}
