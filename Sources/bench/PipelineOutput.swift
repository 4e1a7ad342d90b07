import Foundation
import PNNBench
import PNNEngine

/// What `run` and `all` print while the pipeline trains, and what `all` and `report`
/// print about a written report.
extension BenchPipeline {
    /// Trains (or reuses) `specs` — or one shard of their trainings — with a progress line
    /// per training.
    @discardableResult
    func trainShowingProgress(_ specs: [ExperimentSpec], force: Bool, shard: ShardSelection? = nil) throws -> [RunResult] {
        if let shard { try ShardPlan.check(count: shard.count, trainings: specs.count * configuration.seeds.count, option: "--shard \(shard)") }
        let mine = trainings(specs, shard: shard)
        let shardText = shard.map { ", shard \($0): \(mine.count) of \(specs.count * configuration.seeds.count) trainings" } ?? ""
        return try trainShowingProgress(mine, of: specs, shardText: shardText, force: force)
    }

    /// Trains (or reuses) `trainings` of `specs` at this scale with a progress line per
    /// training; `shardText` ends the first line.
    @discardableResult
    func trainShowingProgress(_ trainings: [ShardPlan.Training], of specs: [ExperimentSpec], shardText: String, force: Bool) throws -> [RunResult] {
        let provider = try datasetProvider()
        let seeds = configuration.seeds
        let printer = ProgressPrinter(total: trainings.count)
        let threads = pool.threadCount
        // HEPMASS's source when some experiment uses it; declared data sets by name.
        let declared = Set(specs.map(\.dataset).filter(\.isDeclared)).sorted().map(\.rawValue)
        var data = specs.contains { !$0.dataset.isDeclared } ? [try provider.summary()] : []
        if !declared.isEmpty { data.append("\(declared.joined(separator: ", ")) (declared in \(suite.file))") }
        print("\(specs.count) experiment\(specs.count == 1 ? "" : "s") × \(seeds)\(shardText), scale \(scale.name) (\(scale.epochs) epochs, batch \(scale.batchSize)), data \(data.joined(separator: " and ")), \(threads) thread\(threads == 1 ? "" : "s")")
        let label = { (id: String, seed: UInt64) in seeds.count == 1 ? id : "\(id) [seed \(seed)]" }
        let results = try run(trainings: trainings, force: force, events: { event in
            switch event {
            case let .started(k, _, spec, seed):
                printer.begin(k, id: label(spec.id, seed))
            case let .progress(p):
                printer.update(p)
            case let .finished(_, _, result, timing):
                printer.finish(summary: Self.summary(result) + String(format: "  (%@, %.0fk samples/s)",
                                                                      ProgressPrinter.duration(timing.trainingSeconds + timing.evaluationSeconds),
                                                                      timing.samplesPerSecond / 1000))
            case let .reused(k, _, result):
                printer.skip(k, id: label(result.spec.id, result.seed), reason: Self.summary(result) + "  (stored result)")
            }
        }, removed: { paths in
            if !paths.isEmpty { print("removed \(paths.count) temporary file(s) left by killed runs: \(paths.joined(separator: ", "))") }
        })
        print("done in \(printer.elapsed); results in \(store.directory.path)")
        return results
    }

    /// One line per result: ROC-AUC per mass, its mean and the mean σ_ratio (percent).
    static func summary(_ r: RunResult) -> String {
        let masses = r.perMass.map { String(format: "%d:%.2f", $0.mass, 100 * $0.rocAUC) }.joined(separator: " ")
        return String(format: "ROC-AUC %% %@ | mean %.2f, σ_ratio %.2f", masses, 100 * r.average.rocAUC, 100 * r.average.sigmaRatio)
    }
}

extension LadderPipeline {
    /// Trains (or reuses) `specs` at every rung — or one shard of the ladder's trainings —
    /// rung by rung, with the progress of each.
    func trainShowingProgress(_ specs: [ExperimentSpec], force: Bool, shard: ShardSelection? = nil) throws {
        let mine = try trainings(specs, shard: shard)
        let names = ladder.rungs.map(\.name).joined(separator: ", ")
        print("convergence ladder (\(names)): \(mine.count) of \(trainingCount(specs)) trainings\(shard.map { " in shard \($0)" } ?? "")")
        for (pipeline, trainings) in byRung(mine) {
            print("")
            try pipeline.trainShowingProgress(trainings, of: specs, shardText: ", \(trainings.count) trainings at this rung", force: force)
        }
    }
}

extension ReportBuilder.Output {
    /// One line saying where the report is and what it holds.
    var summary: String {
        var line = "report: \(reportURL.path) — \(figures.count) figure(s)"
        if !omitted.isEmpty { line += ", \(omitted.count) left out" }
        switch rendering {
        case .rendered: line += ", rendered to SVG, PNG and PDF"
        case .notRequested: line += " (scripts only; --render renders them)"
        case .gnuplotMissing: line += " (not rendered: gnuplot not found)"
        }
        return line
    }
}

extension RunPhases {
    /// The phases of this process since `start` (a `MonotonicClock` reading), as `run`
    /// and `all` print them at their end.
    func printTable(since start: Double) {
        print("\nWhere the time went (this process):")
        print(summary(wallSeconds: MonotonicClock.now() - start).table)
    }
}
