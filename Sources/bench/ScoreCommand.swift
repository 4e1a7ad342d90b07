import ArgumentParser
import Foundation
import PNNEngine
import PNNMetrics

/// `bench score`: the paper's metrics for scores from any classifier, read from a CSV file.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Paper metrics (ROC-AUC, PR-AUC, significance ratio, best cut) for any classifier's scores.",
        discussion: """
        Reads a CSV file of scores and evaluates them with the protocol of
        Anzalone, Diotalevi & Bonacorsi (2022), sections 6 and 6.1. The scores
        can come from any framework (Keras, PyTorch, TMVA, XGBoost, ...).

        INPUT FILE
          A header line naming the columns, then one event per line, separated
          by commas, columns in any order:
            label   required  1 = signal, 0 = background
            score   required  classifier output, any finite number (the
                              binned scan assumes scores in [0, 1])
            weight  optional  event weight, any finite number (default 1;
                              0 = ignored; negative weights, e.g. from NLO
                              generators, are kept with their sign)
            mass    optional  signal mass hypothesis m_i the event was
                              scored at
          Example:
            label,score,mass
            1,0.93,750
            0,0.12,750
          Any other column is an error, so that a misspelt "weight" is not
          silently ignored; --ignore-extra-columns skips them instead.

        PROTOCOL (paper section 6)
          With a mass column, each signal mass m_i is evaluated on its own:
          the signal rows at m_i plus the background rows at m_i. A parametric
          network scores the whole background at every m_i, so list each
          background event once per mass, with its score at that mass and
          mass = m_i. Background rows at a mass without signal rows are not
          used (a warning says how many). Without a mass column all rows form
          one sample.
          At each mass the background weights are multiplied by one factor so
          that total background weight = total signal weight (paper eq. 2; on
          HEPMASS the factor is 1/5). --no-balance keeps the weights as given.

        METRICS (per mass, then the plain mean over masses)
          An event passes a cut t when score >= t; s_t and b_t are the signal
          and background weight passing it, s_max the total signal weight.
          ROC-AUC      area under signal efficiency vs background efficiency,
                       weighted, tied scores handled exactly (the same number
                       as scikit-learn's roc_auc_score).
          PR-AUC       average precision as scikit-learn's
                       average_precision_score: sum over thresholds of
                       (increase in recall) x precision.
          sigma_ratio  max over t of AMS(t) = s_t / sqrt(s_t + b_t), divided by
                       sqrt(s_max) (paper eq. 3-4): 1 = perfect separation,
                       0.707 = none (with balanced weights).
          best cut     the cut t* where AMS is largest.
          "exact" tries every distinct score as a cut; "binned" tries the lower
          edges of --bins equal bins on [0, 1] (0, 0.02, ..., 0.98 for 50), as
          the paper's published numbers were computed; scores outside [0, 1]
          count in the first or last bin.
          --bootstrap N adds percentile confidence intervals from N resamplings
          of the events (within each class), reproducible through --seed.

        NEGATIVE WEIGHTS
          Every sum is the true signed sum; the total signal weight and the
          total background weight must each be > 0. Efficiencies and precision
          may then step back or leave [0, 1]:
          ROC-AUC      the trapezoid sum over every threshold, as without
                       negative weights: the sum over (signal, background)
                       pairs of w_s x w_b x (1 if the signal scores higher,
                       1/2 if tied), divided by s_max x b_max. It may leave
                       [0, 1]; scikit-learn's roc_auc_score raises instead
                       when the background efficiency steps back.
          PR-AUC       the sum above, with precision = 0 where the passing
                       weight s_t + b_t is exactly 0 (as scikit-learn); a
                       negative sum is reported as it is (scikit-learn clips
                       it to 0).
          sigma_ratio  AMS(t) counts 0 unless s_t > 0 and s_t + b_t > 0; values
                       above 1 are possible.
          With --bootstrap, a resampling whose class total is <= 0 is an error.

        EXIT STATUS
          0 success; 2 bad input (missing column, label not 0/1, score or
          weight not finite, empty file, only one class, a class whose total
          weight is <= 0, bad option value), with a message naming the file
          and the line.
        """
    )

    @Option(name: .long, help: ArgumentHelp("CSV file with columns label, score[, weight][, mass].", valueName: "scores.csv"))
    var input: String

    @Option(name: .long, help: "Equal-width bins on [0, 1] for the binned significance ratio (the paper: 50).")
    var bins: Int = PaperProtocol.significanceBins

    @Flag(name: .long, help: "Print one JSON object (per-mass metrics, averages, downsampled curves) instead of a table.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Bootstrap resamplings for confidence intervals (0 = none).", valueName: "n"))
    var bootstrap: Int = 0

    @Option(name: .long, help: "Confidence level of the bootstrap intervals.")
    var confidence: Double = 0.95

    @Option(name: .long, help: "Seed of the bootstrap resampling.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Do not rescale background weights to the signal's total weight.")
    var noBalance = false

    @Flag(name: .long, help: "Skip columns other than label, score, weight, mass instead of failing.")
    var ignoreExtraColumns = false

    @Option(name: .long, help: ArgumentHelp("Points per ROC and PR curve in the JSON output (0 = no curves).", valueName: "n"))
    var curvePoints: Int = 200

    @Flag(name: .long, help: "Print the time spent reading and evaluating to stderr.")
    var timing = false

    func run() throws {
        do {
            try validateOptions()
            let start = DispatchTime.now().uptimeNanoseconds
            let file = try ScoreFile(path: input, ignoreExtraColumns: ignoreExtraColumns)
            let read = DispatchTime.now().uptimeNanoseconds
            let evaluation = PerMassEvaluation(
                bins: bins, curvePoints: json ? curvePoints : 0, balance: !noBalance,
                bootstrap: bootstrap > 0 ? Bootstrap(replicates: bootstrap, confidence: confidence, seed: seed) : nil)
            let report = try evaluation.evaluate(scores: file.scores, labels: file.labels,
                                                 masses: file.masses, weights: file.weights)
            let evaluated = DispatchTime.now().uptimeNanoseconds
            if timing {
                let r = Double(read - start) / 1e9, e = Double(evaluated - read) / 1e9
                printError(String(format: "timing: read %.3f s, evaluate %.3f s (%d rows)", r, e, file.count))
            }
            if report.ignoredBackgroundRows > 0 {
                printError("warning: \(report.ignoredBackgroundRows) background rows have a mass with no signal rows and were not used")
            }
            if !file.ignoredColumns.isEmpty {
                printError("note: ignored columns \(file.ignoredColumns.joined(separator: ", "))")
            }
            if json {
                try printJSON(report, file: file)
            } else {
                printTable(report, file: file)
            }
        } catch let error as ScoreFileError {
            printError("error: \(error)")
            throw ExitCode(2)
        } catch let error as MetricsError {
            printError("error: \(input): \(error)")
            throw ExitCode(2)
        }
    }

    private func validateOptions() throws {
        if bins < 1 { throw MetricsError.invalidParameter("--bins must be at least 1 (got \(bins))") }
        if bootstrap == 1 || bootstrap < 0 { throw MetricsError.invalidParameter("--bootstrap must be 0 or at least 2 (got \(bootstrap))") }
        if !(confidence > 0 && confidence < 1) { throw MetricsError.invalidParameter("--confidence must lie strictly between 0 and 1 (got \(confidence))") }
        if curvePoints < 0 { throw MetricsError.invalidParameter("--curve-points must be ≥ 0 (got \(curvePoints))") }
    }

    // MARK: - Table

    private func printTable(_ report: PerMassReport, file: ScoreFile) {
        let signal = file.labels.lazy.filter { $0 }.count
        print("\(file.name): \(file.count) rows (\(signal) signal, \(file.count - signal) background)")
        print(report.balanced
              ? "background weights scaled so that Σw_bkg = Σw_sig at each mass (paper eq. 2); cut: keep score ≥ t"
              : "weights as given (--no-balance); cut: keep score ≥ t")
        print("")
        let binned = "binned/\(report.bins)"
        // Two header lines per column, then one row per mass.
        let titles: [(String, String)] = [("mass", ""), ("n_sig", ""), ("n_bkg", ""), ("bkg scale", ""),
                                          ("ROC-AUC", ""), ("PR-AUC", ""), ("σ_ratio", "exact"), ("best cut", "exact"),
                                          ("σ_ratio", binned), ("best cut", binned)]
        var rows: [[String]] = report.points.map { p in
            let m = p.metrics
            return [p.mass.map(formatNumber) ?? "all", "\(m.signalCount)", "\(m.backgroundCount)",
                    formatNumber(p.backgroundScale), f4(m.rocAUC), f4(m.prAUC),
                    f4(m.exact.ratio), formatNumber(m.exact.bestCut), f4(m.binned.ratio), formatNumber(m.binned.bestCut)]
        }
        if report.points.count > 1 {
            let a = report.average
            rows.append(["mean", "", "", "", f4(a.rocAUC), f4(a.prAUC), f4(a.sigmaRatio), "", f4(a.sigmaRatioBinned), ""])
        }
        printColumns(titles, rows)
        let outside = report.points.map(\.metrics.scoresOutsideUnitInterval).reduce(0, +)
        if outside > 0 {
            print("\nnote: \(outside) scores lie outside [0, 1]; the binned scan counts them in the first or last bin")
        }
        if report.points.first?.intervals != nil {
            let c = report.points[0].intervals!.rocAUC
            print("\nbootstrap: \(c.replicates) resamplings within each class, seed \(seed), \(formatNumber(c.confidence * 100))% percentile intervals")
            let rows: [[String]] = report.points.compactMap { p in
                p.intervals.map { i in [p.mass.map(formatNumber) ?? "all", interval(i.rocAUC), interval(i.prAUC),
                                        interval(i.sigmaRatio), interval(i.sigmaRatioBinned)] }
            }
            printColumns([("mass", ""), ("ROC-AUC", ""), ("PR-AUC", ""), ("σ_ratio", "exact"), ("σ_ratio", binned)], rows)
        }
    }

    /// Left-aligned columns under a two-line header, two spaces apart.
    private func printColumns(_ titles: [(String, String)], _ rows: [[String]]) {
        for line in TextColumns.lines([titles.map(\.0), titles.map(\.1)] + rows) { print(line) }
    }

    private func interval(_ i: BootstrapInterval) -> String { "[\(f4(i.lower)), \(f4(i.upper))]" }
    private func f4(_ x: Double) -> String { String(format: "%.4f", x) }

    // MARK: - JSON

    struct Output: Encodable {
        struct Point: Encodable {
            let mass: Double?
            let backgroundScale: Double
            let signalEvents: Int
            let backgroundEvents: Int
            let signalWeight: Double
            let backgroundWeight: Double
            let rocAUC: Double
            let prAUC: Double
            let sigmaRatio: Double
            let bestCut: Double
            let sigmaRatioBinned: Double
            let bestCutBinned: Double
            let exact: SignificanceScan
            let binned: SignificanceScan
            let scoresOutsideUnitInterval: Int
            let intervals: Bootstrap.Intervals?
            let rocCurve: Curve?
            let prCurve: Curve?
        }
        let input: String
        let rows: Int
        let bins: Int
        let balanced: Bool
        let cut: String
        let ignoredBackgroundRows: Int
        let ignoredColumns: [String]
        let bootstrapSeed: UInt64?
        let masses: [Point]
        let average: PerMassReport.Average
    }

    private func printJSON(_ report: PerMassReport, file: ScoreFile) throws {
        let points = report.points.map { p -> Output.Point in
            let m = p.metrics
            return Output.Point(
                mass: p.mass, backgroundScale: p.backgroundScale,
                signalEvents: m.signalCount, backgroundEvents: m.backgroundCount,
                signalWeight: m.signalWeight, backgroundWeight: m.backgroundWeight,
                rocAUC: m.rocAUC, prAUC: m.prAUC,
                sigmaRatio: m.exact.ratio, bestCut: m.exact.bestCut,
                sigmaRatioBinned: m.binned.ratio, bestCutBinned: m.binned.bestCut,
                exact: m.exact, binned: m.binned, scoresOutsideUnitInterval: m.scoresOutsideUnitInterval,
                intervals: p.intervals,
                rocCurve: curvePoints > 0 ? m.rocCurve : nil, prCurve: curvePoints > 0 ? m.prCurve : nil)
        }
        let output = Output(input: file.name, rows: file.count, bins: report.bins, balanced: report.balanced,
                            cut: "score >= t", ignoredBackgroundRows: report.ignoredBackgroundRows,
                            ignoredColumns: file.ignoredColumns, bootstrapSeed: bootstrap > 0 ? seed : nil,
                            masses: points, average: report.average)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}

/// 750.0 → "750", 0.44 → "0.44".
private func formatNumber(_ x: Double) -> String {
    if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
    return String(format: "%.6g", x)
}

private func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
