import Foundation

/// The top of report.md: title, the data-set banner, a one-line verdict, and the
/// environment with the wall time of every experiment.
extension ReportBuilder {
    /// Whether the HEPMASS results come from the embedded simulator rather than HEPMASS
    /// files (false for a suite on declared data sets only: `--data` does not touch those).
    var isSimulated: Bool { data == .sim && context.suite.usesHEPMASS }

    /// Whether every experiment uses a data set the suite declares: the report then
    /// speaks of those, not of HEPMASS.
    var isDeclaredOnly: Bool { context.suite.usesDeclaredData && !context.suite.usesHEPMASS }

    /// The declared data sets the experiments use, as "`toy`" names, in name order.
    var declaredNames: [String] {
        Set(context.suite.experiments.map(\.dataset).filter(\.isDeclared)).sorted().map { "`\($0.rawValue)`" }
    }

    /// The data of the title: `--data`'s name, the declared data sets, or both.
    var dataTitle: String {
        guard context.suite.usesDeclaredData else { return data.displayName }
        let declared = (declaredNames.count == 1 ? "data set " : "data sets ") + Self.list(declaredNames)
        return isDeclaredOnly ? declared : "\(data.displayName) and \(declared)"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The suite file as the report names it: a suite of the project's `Suites/` folder
    /// as `Suites/<name>.yaml` (the same whatever the working folder), any other as the
    /// path it was loaded from.
    var suiteFileShown: String {
        let file = context.suite.file
        let url = URL(fileURLWithPath: file)
        if url.lastPathComponent == context.suite.name + ".yaml" && url.deletingLastPathComponent().lastPathComponent == "Suites" {
            return "Suites/\(context.suite.name).yaml"
        }
        return file
    }

    /// Whether the suite reproduces a publication (its `publication:` key, as
    /// `Suites/paper.yaml` does), whose report speaks of the paper's tables; other suites'
    /// reports speak of their published numbers.
    var reproducesPaper: Bool { context.suite.publication != nil }

    /// Whether the suite has published tables or claims to be compared with.
    var hasBaseline: Bool { !comparison.baseline.tables.isEmpty || !comparison.baseline.claims.isEmpty }

    static func events(_ count: Int?) -> String {
        count.map { "\($0)" } ?? "all"
    }

    func banner() -> String {
        let scale = context.scale
        var out = "# PNNBench report — suite `\(context.suite.name)`, \(dataTitle), scale `\(scale.name)`\n\n"
        if let publication = context.suite.publication {
            out += "Reproduction of \(publication). Written by `bench report` from the stored results.\n\n"
        } else {
            out += "Suite `\(context.suite.name)` (`\(suiteFileShown)`)"
            out += context.suite.description.map { ": \($0)" } ?? ""
            out += " Written by `bench report` from the stored results.\n\n"
        }
        if isDeclaredOnly {
            out += "> **Data: the suite's own \(declaredNames.count == 1 ? "data set" : "data sets") \(Self.list(declaredNames))**, "
            out += "declared under `datasets:` in the suite file and read from its files (`--data` does not apply to them). "
            out += hasBaseline ? "Cells are compared with the suite's published numbers within their tolerances; the claims gate `bench compare`.\n\n"
                : "There are no published numbers for this suite: the tables give our results.\n\n"
        } else if isSimulated && context.suite.usesDeclaredData {
            out += "> **The HEPMASS rows are not HEPMASS numbers.** Every network of this suite on HEPMASS or HEPMASS-IMB was "
            out += "trained and tested on **HEPMASS-SIM**, events of PNNBench's embedded, seeded generator in HEPMASS's schema. "
            out += "Published values are shown for orientation only: a Δ or ✗ against them is expected and is not a failure. "
            out += "The rows on \(Self.list(declaredNames)) use the suite's own data, read from its files.\n\n"
        } else if isSimulated && !reproducesPaper {
            out += "> **These are not HEPMASS numbers.** Every network here was trained and tested on **HEPMASS-SIM**, "
            out += "events of PNNBench's embedded, seeded generator in HEPMASS's schema. Published values are shown for "
            out += "orientation only: a Δ or ✗ against them is expected and is not a failure. What can carry over are "
            out += "the qualitative claims.\n\n"
        } else if isSimulated {
            out += "> **These are not HEPMASS numbers.** Every network here was trained and tested on **HEPMASS-SIM**, "
            out += "events of PNNBench's embedded, seeded generator in HEPMASS's schema — not on the HEPMASS data the "
            out += "paper used. The paper's values are shown for orientation only: a Δ or ✗ against them is expected "
            out += "and is not a failure. What can carry over are the paper's qualitative claims.\n\n"
        } else if !reproducesPaper {
            out += "> **Data: \(data.displayName)** (files on disk). Cells are compared with the suite's published numbers "
            out += "within their tolerances; the claims gate `bench compare`.\n\n"
        } else {
            out += "> **Data: \(data.displayName)** (files on disk). Cells are compared with the paper's Tables 3–5 within the "
            out += "tolerances of `Baselines/README.md`; the claims gate `bench compare`.\n\n"
        }
        let declared = Set(context.results.filter { $0.spec.dataset.isDeclared }.map(\.data.description)).sorted()
        if context.suite.usesHEPMASS {
            let descriptions = Set(context.results.filter { !$0.spec.dataset.isDeclared }.map(\.data.description)).sorted()
            out += "- **Data set:** \(data.displayName)" + (descriptions.isEmpty ? "" : " — " + descriptions.joined(separator: "; ")) + "\n"
        }
        if context.suite.usesDeclaredData {
            out += "- **\(isDeclaredOnly ? "Data" : "Declared data") \(declaredNames.count == 1 ? "set" : "sets"):** "
            out += (declared.isEmpty ? Self.list(declaredNames) + " (no results)" : declared.joined(separator: "; ")) + "\n"
        }
        if let origin = imbalancedOrigin() { out += "- **HEPMASS-IMB:** \(origin)\n" }
        out += "- **Scale:** `\(scale.name)` — \(isDeclaredOnly && scale.trainEvents != nil ? "at most " : "")"
        out += "\(Self.events(scale.trainEvents)) training / \(Self.events(scale.testEvents)) test events, "
        out += "\(scale.epochs) epochs, batch \(scale.batchSize)\n"
        let experiments = Set(context.results.map(\.key)).count
        out += "- **Results:** \(context.results.count) of \(context.suite.entries.count) table and figure rows "
        out += "(\(experiments) of \(context.suite.experiments.count) trainings)\n"
        let count = { (s: CellComparison.Status) in comparison.cells.filter { $0.status == s }.count }
        let claim = { (s: ClaimOutcome.Status) in comparison.claims.filter { $0.status == s }.count }
        guard hasBaseline || reproducesPaper else {
            return out + "- **Published numbers:** none for this suite (no `Baselines/\(context.suite.name)/`): nothing compared, no claims\n"
        }
        out += "- **Against \(reproducesPaper ? "the paper" : "the published numbers"):** \(count(.pass)) of \(count(.pass) + count(.fail)) compared cells within tolerance"
        out += (count(.missing) > 0 ? " (\(count(.missing)) not run)" : "")
        let seeds = comparison.seeds.count
        out += "; claims: \(claim(.holds)) hold, \(claim(.fails)) fail, "
        out += seeds == 1 ? "\(claim(.notRun)) not run (one seed: point estimates)\n"
            : "\(claim(.inconclusive)) inconclusive, \(claim(.notRun)) not run (n = \(seeds) seeds, 95 % intervals)\n"
        return out
    }

    /// Where the HEPMASS-IMB results' training events came from with real data, read off
    /// their data identities (`source` "hepmass-imb": the published files; "hepmass":
    /// built from HEPMASS's training file); nil on the simulator or without such results.
    func imbalancedOrigin() -> String? {
        // One entry per trained result: rows reusing another row's training share its key.
        let imbalanced = Dictionary(context.replicates.all.filter { $0.spec.dataset == .hepmassIMB && $0.data.source != "sim" }
            .map { ($0.key, $0.data.source) }, uniquingKeysWith: { a, _ in a })
        guard !imbalanced.isEmpty else { return nil }
        let published = imbalanced.values.filter { $0 == "hepmass-imb" }.count
        let built = "built from HEPMASS's training file with the paper's signal counts (350k, 140k, 35k, 7k, 2k at 500…1500 GeV)"
        let files = "the authors' published files (Zenodo record 6453048: imbalanced_signal.csv, imbalanced_background.csv)"
        switch published {
        case imbalanced.count: return files + "; test set HEPMASS's all_test"
        case 0: return built + (data == .hepmassIMB ? " — the published files were not in the data folder" : "")
        default: return "mixed — \(published) of \(imbalanced.count) trained results from \(files), the others \(built)"
        }
    }

    /// "12.3 %" of `total`.
    static func percent(_ part: Double, of total: Double) -> String {
        String(format: "%.1f %%", total > 0 ? 100 * part / total : 0)
    }

    /// "1 h 02 min 03 s", "8 min 54 s", "12.3 s".
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        let h = whole / 3600, m = (whole % 3600) / 60, s = whole % 60
        return h > 0 ? String(format: "%d h %02d min %02d s", h, m, s) : String(format: "%d min %02d s", m, s)
    }

    /// Wall time of each trained experiment summed over its seeds (rows reusing it are not
    /// counted again), in suite order: (experiment id, training s, evaluation s, threads).
    func experimentTimes() -> [(id: String, training: Double, evaluation: Double, threads: Int)] {
        context.suite.experiments.compactMap { spec in
            let timings = context.replicates.replicates(of: spec.id).compactMap { context.timings[$0.key] }
            guard !timings.isEmpty else { return nil }
            return (spec.id, timings.reduce(0) { $0 + $1.trainingSeconds }, timings.reduce(0) { $0 + $1.evaluationSeconds },
                    timings.map(\.threads).max()!)
        }
    }

    func environmentSection() -> String {
        let times = experimentTimes()
        let total = times.reduce(0) { $0 + $1.training + $1.evaluation }
        let threads = Set(times.map(\.threads)).sorted().map(String.init).joined(separator: ", ")
        var out = "## Environment\n\n"
        var table = MarkdownTable(header: ["", ""], alignments: [.left, .left])
        table.append(["CPU", environment.cpuModel])
        table.append(["logical CPUs", "\(environment.logicalCPUs)"])
        table.append(["training threads", threads.isEmpty ? "—" : threads])
        table.append(["engine version", environment.engineVersion])
        table.append(["target CPU", "`\(environment.targetCPU)`"])
        let seeds = context.replicates.seeds
        if seeds.count == 1 {
            table.append(["seed", "\(context.seed)"])
        } else {
            table.append(["seeds", "\(seeds.map(String.init).joined(separator: ", ")) (n = \(seeds.count) per cell; "
                          + "figures of one training use seed \(context.seed))"])
        }
        table.append(["git commit", "`\(environment.gitCommit)`"])
        table.append(["wall time", times.isEmpty ? "no timings stored"
                      : "\(Self.duration(total)) in total over \(times.count) experiments"
                        + (seeds.count == 1 ? "" : " × \(seeds.count) seeds") + " (training + evaluation)"])
        out += table.text + "\n"
        if !comparison.notes.isEmpty {
            out += comparison.notes.map { "- note: \($0)" }.joined(separator: "\n") + "\n\n"
        }
        if !comparison.stale.isEmpty {
            // Stale results are not in the report; say which, so a gap is not mistaken for a result.
            out += comparison.stale.map { "- **stale, not shown:** \($0.message)" }.joined(separator: "\n") + "\n\n"
        }
        if !times.isEmpty {
            out += "<details><summary>Wall time per experiment\(seeds.count == 1 ? "" : " (all seeds)")</summary>\n\n"
            var perExperiment = MarkdownTable(header: ["experiment", "training", "evaluation", "total", "threads"])
            for t in times {
                perExperiment.append([t.id, Self.duration(t.training), Self.duration(t.evaluation),
                                      Self.duration(t.training + t.evaluation), "\(t.threads)"])
            }
            perExperiment.append(["**total**", Self.duration(times.reduce(0) { $0 + $1.training }),
                                  Self.duration(times.reduce(0) { $0 + $1.evaluation }), "**\(Self.duration(total))**", ""])
            out += perExperiment.text + "\n</details>\n"
        }
        if let phases = context.runPhases {
            out += "\n<details><summary>Phases of the last `bench all` (up to this report)</summary>\n\n"
            var table = MarkdownTable(header: ["phase", "wall time", "share"])
            for entry in phases.phases {
                table.append([entry.phase.rawValue, Self.duration(entry.seconds), Self.percent(entry.seconds, of: phases.wallSeconds)])
            }
            table.append(["outside the phases", Self.duration(phases.unaccountedSeconds), Self.percent(phases.unaccountedSeconds, of: phases.wallSeconds)])
            table.append(["**wall time**", "**\(Self.duration(phases.wallSeconds))**", ""])
            out += table.text + String(format: "\nNot training: %.1f %% of the wall time.\n</details>\n", 100 * phases.nonTrainingShare)
        }
        return out
    }
}
