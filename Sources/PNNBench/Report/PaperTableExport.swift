import Foundation

/// The paper's tables as files that go into a paper or a spreadsheet without retyping:
///
/// * CSV, one line per cell (table, metric, row, mass or "average", ours = mean over
///   seeds, paper, Δ, tolerance, status, n, sd, 95 % interval, z, collapsed seeds, the
///   per-seed values, whether it is budget-limited and its short training points as
///   "mass:events/paper's events"), numbers in percent written as the shortest decimal that reads
///   back to the same Double, so the file holds the exact values the report rounds;
/// * LaTeX, one `booktabs` tabular per metric: our values as in report.md (two decimals,
///   or mean $\pm$ sd with several seeds; best bold, tied italic), "--" where a row did
///   not run.
extension PaperTableSection {
    /// "table3" for `Baselines/paper/table3.yaml`.
    public var fileStem: String { table.stem }

    public static let csvHeader = "table,metric,row,mass,ours,paper,delta,tolerance,status,n,sd,ci95_low,ci95_high,z,collapsed_seeds,values,budget_limited,short_points"

    /// Every cell of the table, metrics in `BaselineMetric` order, rows and columns as
    /// printed. "ours" is the mean over seeds; "values" lists each seed's value as
    /// "seed:value" separated by spaces.
    public func csv() -> String {
        var lines = [Self.csvHeader]
        func exact(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        for metric in metrics {
            for row in table.rows {
                for mass in columns {
                    guard let c = cell(row, metric, mass) else { continue }
                    let statistics = c.statistics
                    let fields = [fileStem, metric.rawValue, row.reference.row, mass.map(String.init) ?? "average",
                                  exact(c.ours), "\(c.reference)", exact(c.delta), "\(c.tolerance)", c.status.rawValue,
                                  String(c.count), exact(statistics?.standardDeviation), exact(statistics?.interval?.lowerBound),
                                  exact(statistics?.interval?.upperBound), exact(c.zScore),
                                  c.collapsedSeeds.map(String.init).joined(separator: " "),
                                  zip(c.seeds, c.values).map { "\($0.0):\($0.1)" }.joined(separator: " "),
                                  c.isBudgetLimited ? "true" : "false",
                                  c.shortfalls.map { "\($0.mass):\($0.trainingSignal)/\($0.paperTrainingSignal)" }.joined(separator: " ")]
                    lines.append(fields.map(Self.csvField).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Our values of `metric` as a booktabs table (needs `\usepackage{booktabs}`).
    public func latex(_ metric: BaselineMetric) -> String {
        let title = Self.latexEscape(table.title ?? fileStem)
        let metricName = metric == .sigmaRatio ? "$\\sigma_{\\mathrm{ratio}}$" : "ROC-AUC"
        var out = "% \(fileStem), \(metric.label) (%), written by `bench report`; needs \\usepackage{booktabs}\n"
        out += "\\begin{tabular}{l" + String(repeating: "r", count: columns.count) + "}\n\\toprule\n"
        out += (["\(metricName) (\\%)"] + table.masses.map { "\($0)\\,GeV" } + ["average"]).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for line in oursCells(metric) {
            let cells = line.cells.map { cell -> String in
                guard let cell else { return "--" }
                let text = Self.latexValue(cell.text)
                switch cell.emphasis {
                case .best: return "\\textbf{\(text)}"
                case .tied: return "\\textit{\(text)}"
                case .none: return text
                }
            }
            out += ([Self.latexEscape(line.row)] + cells).joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n"
        out += "% \(title)\n"
        return out
    }

    /// A printed value in LaTeX: "93.41 ± 0.12 (n=2) †" → "93.41 $\pm$ 0.12 (n=2) $\dagger$".
    static func latexValue(_ text: String) -> String {
        text.replacingOccurrences(of: "±", with: "$\\pm$").replacingOccurrences(of: "†", with: "$\\dagger$")
    }

    /// Text safe in LaTeX's text mode.
    static func latexEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "|": out += "\\textbar{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\" + String(ch)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            default: out.append(ch)
            }
        }
        return out
    }

    /// File name of the LaTeX table of `metric`: "table3-roc-auc.tex".
    public func latexFileName(_ metric: BaselineMetric) -> String { "\(fileStem)-\(metric.rawValue).tex" }
}
