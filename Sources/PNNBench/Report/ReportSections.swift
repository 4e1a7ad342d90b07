import Foundation

/// The body of report.md: the paper's tables, its claims, and the figures.
extension ReportBuilder {
    func tablesSection() -> String {
        var out = "## Tables 3, 4 and 5\n\n"
        out += "Values in percent. ROC-AUC per signal mass and averaged over masses; σ_ratio is the significance ratio "
        out += "max_t AMS(t)/√s_max of the paper's eq. (4), exact (unbinned). Each table appears twice per metric: our "
        out += "values, then the paper's with Δ = ours − paper and ✓ when |Δ| is within the tolerance "
        out += "(`Baselines/README.md`)" + (isSimulated ? " — on HEPMASS-SIM for orientation only" : "") + ".\n\n"
        let tables = comparison.baseline.tables
        if tables.isEmpty { return out + "No paper tables were loaded.\n" }
        out += "Each table is also in `tables/`: `<table>.csv` with every cell at full precision (ours, paper, Δ, "
        out += "tolerance, status) and `<table>-<metric>.tex`, our values as a LaTeX `booktabs` table.\n\n"
        for table in tables {
            out += PaperTableSection(table: table, cells: comparison.cells).markdown()
        }
        return out
    }

    func claimsSection() -> String {
        var out = "## The paper's claims\n\n"
        if comparison.claims.isEmpty { return out + "No claims were loaded (`Baselines/paper/claims.yaml`).\n" }
        out += "Each claim of `Baselines/paper/claims.yaml` checked on these results"
        out += isSimulated ? " (on HEPMASS-SIM a claim that fails is a finding about the simulator or the method, not a regression).\n\n" : ".\n\n"
        for outcome in comparison.claims {
            let word: String
            switch outcome.status {
            case .holds: word = "✓ holds"
            case .fails: word = "✗ **fails**"
            case .notRun: word = "· not run"
            }
            out += "- \(word) — `\(outcome.claim.id)`: \(outcome.claim.statement)  \n  \(outcome.detail)\n"
        }
        return out
    }

    /// The command that renders every script of `figures/`, shown when the report has no images.
    static let renderCommands = """
        ```sh
        cd figures
        for f in *.gp; do gnuplot "$f" && gnuplot -e "fmt='png'" "$f" && gnuplot -e "fmt='pdf'" "$f"; done
        ```
        """

    func figuresSection(_ outcome: FigureOutcome, rendering: Rendering) -> String {
        var out = "## Figures\n\n"
        if outcome.figures.isEmpty && outcome.omitted.isEmpty {
            return out + "No figure builders produced figures.\n"
        }
        if !outcome.figures.isEmpty {
            switch rendering {
            case .rendered:
                out += "Each figure is a gnuplot script with its data in `figures/` (SVG, PNG and PDF renders beside them).\n\n"
            case .notRequested, .gnuplotMissing:
                out += rendering == .gnuplotMissing
                    ? "**The figures are not rendered: gnuplot was not found** (Debian/Ubuntu: `apt-get install gnuplot-nox`). "
                    : "**The figures are not rendered** (`bench report --render` renders them). "
                out += "Their gnuplot scripts and data files are in `figures/`; to render them by hand, from the report's folder:\n\n"
                out += Self.renderCommands + "\n\nor run `bench report --render` with the same options.\n\n"
            }
        }
        for figure in outcome.figures {
            out += "### \(figure.title)\n\n"
            if rendering == .rendered {
                out += "![\(MarkdownTable.escape(figure.title))](\(Self.figuresFolderName)/\(figure.name).png)\n\n"
            } else {
                out += "Script: [`\(Self.figuresFolderName)/\(figure.scriptName)`](\(Self.figuresFolderName)/\(figure.scriptName))\n\n"
            }
            out += figure.caption.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
        if !outcome.omitted.isEmpty {
            out += "### Figures left out\n\n"
            for item in outcome.omitted { out += "- `\(item.name)`: \(item.reason)\n" }
        }
        return out
    }
}
