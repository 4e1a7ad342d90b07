import ArgumentParser
import Foundation
import PNNBench
import PNNData
import PNNEngine

/// `bench list`: the experiments of a suite, expanded and validated, grouped by the table
/// or figure they reproduce; also the scales. A bad suite or scale file prints one
/// `error:` line naming the file, the line and what was expected, and exits with status 2.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments of a suite (Suites/<name>.yaml) and the scales.",
        discussion: """
        Every row of the paper's tables and figures is listed under its artifact (table3, …, fig15) \
        with its dataset, model, background-mass mode, balancing and training masses. A row marked \
        "= ID" reuses the experiment ID (trained once). Patterns select rows as `bench run` does: an \
        id, a glob (table5/*, */affine-*) or an artifact id (table4). --json prints the expanded \
        experiment specs, the rows and the scales. Suites/README.md documents the file format.
        """
    )

    /// The subset of `SuiteOptions` that listing uses (same names, defaults and help).
    struct Options: ParsableArguments {
        @Option(help: "Suite name: the file Suites/<name>.yaml.")
        var suite: String = "paper"

        @Option(help: "Scale from Suites/scales.yaml to mark as selected: smoke, default, medium, large or paper, or ladder (every rung, with --shards).")
        var scale: String = "default"

        @Option(help: "Folder holding Suites/, Baselines/ and Reports/ (default: the current folder).")
        var root: String = "."

        var suitesDirectory: URL { URL(fileURLWithPath: root).appendingPathComponent("Suites") }
    }

    @OptionGroup var options: Options

    @Flag(help: "Print the expanded suite as JSON (experiments, rows, scales) instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Show how `bench run --shard i/N` splits the trainings (experiments × --seeds, at --scale) into N shards.",
                               valueName: "N"))
    var shards: Int?

    @Option(help: ArgumentHelp("With --shards: the seeds, as for `bench run` (a count or a list).", valueName: "n|list"))
    var seeds: String = String(ReplicateSeeds.defaultCount)

    @Argument(help: ArgumentHelp("Ids, globs or artifact ids to list (default: all).", valueName: "pattern"))
    var patterns: [String] = []

    func validate() throws {
        if let shards, shards < 1 { throw ValidationError("--shards must be at least 1") }
        do { _ = try ReplicateSeeds(parsing: seeds) } catch let error as PipelineError { throw ValidationError(error.message) }
    }

    func run() throws {
        do {
            let suite = try SuiteRegistry.load(suite: options.suite, directory: options.suitesDirectory)
            let (scales, ladder) = try ScaleRegistry.loadFile(directory: options.suitesDirectory)
            let entries = patterns.isEmpty ? suite.entries : try suite.selectEntries(patterns: patterns)
            let experiments = patterns.isEmpty ? suite.experiments : try suite.select(patterns: patterns)
            if let shards {
                // Without a ladder, loadLadder throws the error naming the file.
                let rungs = options.scale == ConvergenceLadder.name ? try (ladder ?? ScaleRegistry.loadLadder(directory: options.suitesDirectory)).rungs
                    : [try ScaleRegistry.load(scale: options.scale, directory: options.suitesDirectory)]
                let seedList = try ReplicateSeeds(parsing: seeds).seeds
                try ShardPlan.check(count: shards, trainings: experiments.count * seedList.count * rungs.count)
                printShards(ShardPlan(specs: experiments, seeds: seedList, scales: rungs, count: shards),
                            experiments: experiments.count, scales: rungs)
            } else if json {
                try printJSON(suite, entries: entries, experiments: experiments, scales: scales, ladder: ladder)
            } else {
                printTable(suite, entries: entries, experiments: experiments, scales: scales, ladder: ladder)
            }
        } catch let error as SuiteError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    // MARK: - Table

    /// One line per shard: its trainings and its share of the expected cost.
    private func printShards(_ plan: ShardPlan, experiments: Int, scales: [Scale]) {
        let trainings = plan.shards.reduce(0) { $0 + $1.count }
        let total = plan.costs.reduce(0, +)
        let ladder = scales.count > 1
        let at = ladder ? "on the \(scales.count) rungs of the ladder (\(scales.map(\.name).joined(separator: ", ")))" : "at scale \(scales[0].name)"
        print("\(experiments) experiment(s) × \(trainings / max(experiments * scales.count, 1)) seed(s)\(ladder ? " × \(scales.count) rungs" : "") = \(trainings) trainings \(at), "
              + "in \(plan.shards.count) shard(s); the largest costs \(String(format: "%.2f", plan.imbalance))× the mean (expected cost: TrainingCost)")
        for (k, shard) in plan.shards.enumerated() {
            let share = total > 0 ? 100 * plan.costs[k] / total : 0
            print("shard \(k + 1)/\(plan.shards.count): \(shard.count) training(s), \(String(format: "%.1f", share)) % of the cost — "
                  + shard.map { "\($0.spec.id) [seed \($0.seed)\(ladder ? ", \($0.scale.name)" : "")]" }.joined(separator: ", "))
        }
    }

    private func printTable(_ suite: Suite, entries: [SuiteEntry], experiments: [ExperimentSpec], scales: [Scale], ladder: ConvergenceLadder?) {
        let reused = entries.filter(\.isAlias).count
        let artifactCount = Set(entries.map(\.reproduces.artifact)).count
        print("Suite \(suite.name) (\(suite.file))")
        if let description = suite.description { print(description) }
        print("\(count(entries.count, "row")) in \(count(artifactCount, "table or figure", plural: "tables and figures")); "
              + "\(count(experiments.count, "experiment")) to train"
              + (reused > 0 ? " (\(count(reused, "row")) reuse another experiment's result)" : ""))

        let header = ["id", "row", "dataset", "model", "background mass", "balance", "train masses", "notes"]
        var groups: [(Suite.Artifact, [[String]], Int)] = []
        for artifact in suite.artifacts {
            let rows = entries.filter { $0.reproduces.artifact == artifact.id }
            guard !rows.isEmpty else { continue }
            let cells = rows.compactMap { entry -> [String]? in
                guard let spec = suite.experiment(id: entry.experimentID) else { return nil }
                var notes: [String] = []
                if entry.isAlias { notes.append("= \(entry.experimentID)") }
                if !spec.regularized { notes.append("unregularized") }
                if let batch = spec.batchSize { notes.append("batch \(batch)") }
                return [entry.id, entry.reproduces.row, spec.dataset.rawValue, spec.model.rawValue,
                        spec.model.isParametric ? spec.backgroundMass.description : "—",
                        spec.balance.rawValue, spec.trainPoints.map { Self.trainPoints($0, declaration: suite.datasets[spec.dataset.rawValue]) }
                            ?? trainMasses(spec.trainMasses, all: suite.masses), notes.joined(separator: ", ")]
            }
            groups.append((artifact, cells, rows.filter { !$0.isAlias }.count))
        }
        for (artifact, cells, trained) in groups {
            print("")
            let reusing = cells.count - trained
            print("\(artifact.id) — \(artifact.title) [\(count(cells.count, "row"))\(reusing > 0 ? ", \(reusing) reused" : "")]")
            printColumns(header, cells, indent: "  ")
        }

        print("")
        let selected = scales.contains { $0.name == options.scale } || options.scale == ConvergenceLadder.name ? "--scale \(options.scale) is selected" : "no scale is named '\(options.scale)'"
        print("Scales (\(suiteFile("scales.yaml"))); \(selected):")
        let scaleCells = scales.map { s in
            ["\(s.name == options.scale ? "*" : " ") \(s.name)",
             "train \(s.trainEvents.map(String.init) ?? "all")", "test \(s.testEvents.map(String.init) ?? "all")",
             count(s.epochs, "epoch"), "batch \(s.batchSize)", s.description ?? ""]
        }
        printColumns(nil, scaleCells, indent: "")
        if let ladder {
            print("Convergence ladder (--scale \(ConvergenceLadder.name)\(options.scale == ConvergenceLadder.name ? ", selected" : "")): "
                  + ladder.rungs.map { "\($0.name) (\(Int(ConvergenceLadder.eventEpochs($0))) event-epochs)" }.joined(separator: ", "))
        }
    }

    /// Left-aligned columns two spaces apart, under an optional header.
    private func printColumns(_ header: [String]?, _ rows: [[String]], indent: String) {
        for line in TextColumns.lines((header.map { [$0] } ?? []) + rows, indent: indent) { print(line) }
    }

    /// "all", "all but 750", "500, 1500".
    private func trainMasses(_ masses: [Int]?, all: [Int]) -> String {
        guard let masses else { return "all" }
        let missing = all.filter { !masses.contains($0) }
        if missing.count == 1 && masses.count > 1 { return "all but \(missing[0])" }
        return masses.map(String.init).joined(separator: ", ")
    }

    /// The training points, or "all but …" when fewer points of a declared grid are left out.
    static func trainPoints(_ chosen: [[Double]], declaration: DatasetDeclaration?) -> String {
        guard case .declared(let grid)? = declaration?.points else { return points(chosen) }
        let chosenFloat = chosen.map { $0.map(Float.init) }
        let missing = grid.filter { !chosenFloat.contains($0) }.map { $0.map(ParameterPoint.decimal) }
        return missing.count < chosen.count ? "all but " + points(missing) : points(chosen)
    }

    /// "400, 600" or "(400, 0.02), (800, 0.1)".
    static func points(_ points: [[Double]]) -> String {
        let text: (Double) -> String = ParameterPoint.text
        return points.map { $0.count == 1 ? text($0[0]) : "(" + $0.map(text).joined(separator: ", ") + ")" }.joined(separator: ", ")
    }

    private func suiteFile(_ name: String) -> String {
        let path = options.suitesDirectory.appendingPathComponent(name).standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    private func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    // MARK: - JSON

    struct Output: Encodable {
        let suite: String
        let file: String
        let description: String?
        let masses: [Int]
        let artifacts: [Suite.Artifact]
        /// The experiments to train, each once (sameAs rows resolve to these).
        let experiments: [ExperimentSpec]
        /// Every row of the selected tables and figures and the experiment that fills it.
        let entries: [SuiteEntry]
        let scales: [Scale]
        /// The convergence ladder's rungs (`--scale ladder`), when the scales file has one.
        let ladder: [String]?
    }

    private func printJSON(_ suite: Suite, entries: [SuiteEntry], experiments: [ExperimentSpec], scales: [Scale], ladder: ConvergenceLadder?) throws {
        let used = Set(entries.map(\.reproduces.artifact))
        let output = Output(suite: suite.name, file: suite.file, description: suite.description, masses: suite.masses,
                            artifacts: suite.artifacts.filter { used.contains($0.id) },
                            experiments: experiments, entries: entries, scales: scales,
                            ladder: ladder?.rungs.map(\.name))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}
