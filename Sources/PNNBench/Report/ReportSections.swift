import Foundation

/// The body of report.md: the paper's tables, its claims, and the figures.
extension ReportBuilder {
    func tablesSection() -> String {
        let tables = comparison.baseline.tables
        let results = resultTables()
        guard reproducesPaper else { return suiteTablesSection(tables, results) }
        var out = "## Tables 3, 4 and 5\n\n"
        out += "Values in percent. ROC-AUC per signal mass and averaged over masses; σ_ratio is the significance ratio "
        out += "max_t AMS(t)/√s_max of the paper's eq. (4), exact (unbinned). Each table appears twice per metric: our "
        out += "values, then the paper's with Δ = ours − paper and ✓ when |Δ| is within the tolerance "
        out += "(`Baselines/README.md`)" + (isSimulated ? " — on HEPMASS-SIM for orientation only" : "") + ".\n\n"
        if tables.isEmpty && results.isEmpty { return out + "No paper tables were loaded.\n" }
        out += "Each table is also in `tables/`: `<table>.csv` with every cell at full precision (ours, paper, Δ, "
        out += "tolerance, status) and `<table>-<metric>.tex`, our values as a LaTeX `booktabs` table.\n\n"
        for table in tables {
            out += PaperTableSection(table: table, cells: comparison.cells, conditions: comparison.conditions).markdown()
        }
        return out + results.map { $0.markdown() }.joined()
    }

    /// The tables of a suite other than the paper's: its published numbers (`Baselines/<suite>/`),
    /// then our results of every artifact those do not cover per mass.
    func suiteTablesSection(_ tables: [BaselineTable], _ results: [ResultTableSection]) -> String {
        var out = "## Tables\n\n"
        if isDeclaredOnly {
            out += "Values in percent. ROC-AUC, PR-AUC and σ_ratio per signal point and averaged over the points, each "
            out += "computed with the events' weights; σ_ratio is the significance ratio max_t AMS(t)/√s_max of the paper's "
            out += "eq. (4), exact (unbinned).\n\n"
        } else {
            out += "Values in percent. ROC-AUC and PR-AUC per signal mass and averaged over masses; σ_ratio is the significance "
            out += "ratio max_t AMS(t)/√s_max of the paper's eq. (4), exact (unbinned).\n\n"
        }
        if !tables.isEmpty {
            out += "The published numbers of this suite (`Baselines/\(context.suite.name)/`) appear twice per metric: our "
            out += "values, then the published ones with Δ = ours − published and ✓ when |Δ| is within the tolerance"
            out += (isSimulated ? " — on HEPMASS-SIM for orientation only" : "") + ". "
            out += "Each is also in `tables/` as CSV and LaTeX.\n\n"
            for table in tables {
                out += PaperTableSection(table: table, cells: comparison.cells, reference: "published", conditions: comparison.conditions).markdown()
            }
        }
        if tables.isEmpty && results.isEmpty { out += "No results of a table.\n" }
        return out + results.map { $0.markdown() }.joined()
    }

    /// Our results of the artifacts no published table covers per mass.
    func resultTables() -> [ResultTableSection] {
        ResultTableSection.artifacts(of: context.suite, baseline: comparison.baseline).map {
            ResultTableSection(artifact: $0, suite: context.suite, replicates: context.replicates)
        }
    }

    func claimsSection() -> String {
        let file = "`Baselines/\(context.suite.name)/claims.yaml`"
        var out = reproducesPaper ? "## The paper's claims\n\n" : "## Claims\n\n"
        if comparison.claims.isEmpty { return out + "No claims were loaded (\(file)).\n" }
        out += "Each claim of \(file) checked on these results"
        out += isSimulated ? " (on HEPMASS-SIM a claim that fails is a finding about the simulator or the method, not a regression). " : ". "
        let n = comparison.seeds.count
        if n == 1 {
            out += "With one seed each verdict is a point estimate: it says nothing about whether another seed would agree "
            out += "(`--seeds 3` or more gives intervals).\n\n"
        } else {
            out += "A claim's effect (Δ, in points, positive in the claimed direction) is computed per seed — both sides "
            out += "train on the same data with the same seed, so they are paired — and gets a 95 % Student-t interval over "
            out += "the n = \(n) seeds. **Holds**: the interval lies beyond the claim's margin in the claimed direction; "
            out += "**fails**: it lies entirely on the other side; **inconclusive**: it contains the margin.\n\n"
        }
        if n > 1 { out += claimsTable().text + "\n" }
        for outcome in comparison.claims {
            out += "- \(Self.verdict(outcome)) — `\(outcome.claim.id)`: \(outcome.claim.statement)  \n  \(outcome.detail)\n"
        }
        return out
    }

    /// The verdict in words, marked as a point estimate with one seed.
    static func verdict(_ outcome: ClaimOutcome) -> String {
        let word: String
        switch outcome.status {
        case .holds: word = "✓ holds"
        case .fails: word = "✗ **fails**"
        case .inconclusive: word = "? inconclusive"
        case .notRun: word = "· not run"
        }
        return outcome.isPointEstimate ? word + " (one seed)" : word
    }

    /// One line per claim: verdict, the decisive point's effect with its interval, and n.
    func claimsTable() -> MarkdownTable {
        var table = MarkdownTable(header: ["claim", "verdict", "decisive point", "effect Δ (points)", "95 % interval", "n"])
        for outcome in comparison.claims {
            guard let point = outcome.decisivePoint, let statistics = point.statistics else {
                table.append([outcome.claim.id, Self.verdict(outcome), "—", "—", "—", "0"])
                continue
            }
            let interval = statistics.interval.map { "[\(Claim.signed($0.lowerBound)), \(Claim.signed($0.upperBound))]" } ?? "— (one seed)"
            let margin = point.margin > 0 ? " (needs > \(Claim.format(point.margin)))" : ""
            table.append([outcome.claim.id, Self.verdict(outcome), point.label, Claim.signed(statistics.mean) + margin,
                          interval, String(statistics.count)])
        }
        return table
    }

    /// Which experiments had a seed that failed to train (`ReplicateStability`).
    func stabilitySection() -> String {
        var out = "## Stability over seeds\n\n"
        out += "A seed collapsed (failed to train) when \(ReplicateStability.rulesSummary). Collapsed seeds stay in every "
        out += "mean ± sd above; the tables mark cells that include one with †, and the list below gives the mean without them.\n\n"
        return out + stabilityList()
    }

    private func stabilityList() -> String {
        let stability = comparison.stability
        let unstable = stability.unstable
        let out = "\(unstable.count) of \(stability.experiments.count) experiments had a collapsed seed.\n\n"
        guard !unstable.isEmpty else { return out }
        var table = MarkdownTable(header: ["experiment", "collapsed", "mean ROC-AUC per seed", "mean, all seeds", "mean, without collapsed", "why"])
        for experiment in unstable {
            let perSeed = zip(experiment.seeds, experiment.averageAUC).map { "\($0.0): \(Claim.format($0.1))" }.joined(separator: ", ")
            let all = experiment.averageAUC.reduce(0, +) / Double(experiment.averageAUC.count)
            let kept = zip(experiment.seeds, experiment.averageAUC).filter { experiment.collapsed[$0.0] == nil }.map(\.1)
            let without = kept.isEmpty ? "—" : Claim.format(kept.reduce(0, +) / Double(kept.count))
            let why = experiment.collapsed.keys.sorted().map { "seed \($0): " + experiment.collapsed[$0]!.joined(separator: "; ") }.joined(separator: "; ")
            table.append(["`\(experiment.id)`", experiment.summary, perSeed, Claim.format(all), without, why])
        }
        return out + table.text + "\n"
    }

    /// The command that renders every script of `figures/`, shown when the report has no images.
    static let renderCommands = """
        ```sh
        cd figures
        for f in *.gp; do gnuplot "$f" && gnuplot -e "fmt='png'" "$f" && gnuplot -e "fmt='pdf'" "$f"; done
        ```
        """

    func figuresSection(_ outcome: FigureOutcome, rendering: Rendering) -> String {
        Self.figuresSection(figures: outcome.figures, omitted: outcome.omitted, rendering: rendering, renderCommand: "bench report --render")
    }

    /// The figures section of a report: how to render them when they are not, then each
    /// figure (its PNG or its script) with its caption, then those left out.
    /// `renderCommand` is the `bench` command that renders them.
    static func figuresSection(figures: [GnuplotFigure], omitted: [(name: String, reason: String)], rendering: Rendering,
                               renderCommand: String) -> String {
        var out = "## Figures\n\n"
        if figures.isEmpty && omitted.isEmpty {
            return out + "No figure builders produced figures.\n"
        }
        if !figures.isEmpty {
            switch rendering {
            case .rendered:
                out += "Each figure is a gnuplot script with its data in `figures/` (SVG, PNG and PDF renders beside them).\n\n"
            case .notRequested, .gnuplotMissing:
                out += rendering == .gnuplotMissing
                    ? "**The figures are not rendered: gnuplot was not found** (Debian/Ubuntu: `apt-get install gnuplot-nox`). "
                    : "**The figures are not rendered** (`\(renderCommand)` renders them). "
                out += "Their gnuplot scripts and data files are in `figures/`; to render them by hand, from the report's folder:\n\n"
                out += renderCommands + "\n\nor run `\(renderCommand)` with the same options.\n\n"
            }
        }
        for figure in figures {
            out += "### \(figure.title)\n\n"
            if rendering == .rendered {
                out += "![\(MarkdownTable.escape(figure.title))](\(figuresFolderName)/\(figure.name).png)\n\n"
            } else {
                out += "Script: [`\(figuresFolderName)/\(figure.scriptName)`](\(figuresFolderName)/\(figure.scriptName))\n\n"
            }
            out += figure.caption.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
        if !omitted.isEmpty {
            out += "### Figures left out\n\n"
            for item in omitted { out += "- `\(item.name)`: \(item.reason)\n" }
        }
        return out
    }
}
