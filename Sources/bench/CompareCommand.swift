import ArgumentParser
import Foundation
import PNNBench

/// `bench compare`: the regression gate. Every baseline cell and every paper claim,
/// exit status 1 when any falls outside.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare stored results with the paper's tables or a recorded baseline; exit 1 outside tolerance.",
        discussion: """
        Reads, for every experiment of the suite and every seed, the result stored
        under the key of the current definition: the suite's experiment, the --scale,
        the data's identity and this engine version. A result of the same experiment
        and seed under another key is stale: it is not used, a "stale:" line names the
        fields that differ (e.g. scale.epochs 2 -> 1), and its cells count as without a
        result. With --data hepmass or hepmass-imb the data's identity needs --data-dir;
        it is cached in <work-dir>/cache/data-identity, keyed by each file's path, size,
        times and inode, so only the first comparison after a change of the files reads
        them. Then checks every cell of the baseline: ours, reference, delta = ours - reference, tolerance, pass when
        |delta| <= tolerance. Values are percent (ROC-AUC and the significance ratio
        sigma_ratio).

        SEEDS
          With several seeds, a paper cell compares the mean over seeds: ours = mean,
          sd = sample standard deviation over seeds, pass when |delta| <=
          max(2 sd, tolerance) (the paper's single training lies within the
          replicate distribution), z = delta / sd. A recorded sim baseline holds one
          row per experiment and seed, each checked exactly as with one seed.
          Claims are decided on the per-seed effects, paired by seed: holds when the
          95% Student-t interval of the effect lies beyond the claim's margin, fails
          when it lies on the other side, inconclusive when it contains the margin
          (inconclusive does not fail the gate). With one seed, a verdict is a point
          estimate. Seeds whose training collapsed (a network's validation ROC-AUC
          ended at 0.5 +- 0.02 or never reached 0.55, or, with 3 or more seeds, mean
          test or best validation ROC-AUC below the seeds' median - max(3.5 MAD_sigma,
          5 points)) are flagged and kept in every statistic.

        BASELINES
          paper  Baselines/paper/table{3,4,5}.yaml, the paper's Tables 3-5, matched to
                 results by artifact and row (spec.reproduces). Rows without results
                 are listed as "not run" and do not fail (a partial run is normal);
                 the paper's claims (Baselines/paper/claims.yaml) do gate.
          sim    Baselines/sim/<scale>/<suite>.yaml, our own results recorded with
                 `bench baseline record`, matched by experiment id. A recorded
                 experiment without a result fails: it is a regression. Claims are
                 shown but do not gate.
          Default: sim for --data sim, paper otherwise.

        EXIT STATUS
          0 every cell within tolerance (and, against the paper, every claim holds
            is inconclusive or was not run); 1 some cell or claim fails, a recorded experiment has
            no result, or nothing matched at all; 2 a baseline file is invalid
            (the message names file and line) or the options are wrong.
        """)

    enum BaselineChoice: String, ExpressibleByArgument, CaseIterable {
        case paper, sim
    }

    @OptionGroup var options: SuiteOptions

    @Option(help: "Which baseline: paper or sim (default: sim for --data sim, paper otherwise).")
    var baseline: BaselineChoice?

    @Option(help: "Read the results an older engine version stored, by the keys it gave (default: this engine version).")
    var engineVersion: String?

    @Flag(help: "Print JSON: every cell with its per-seed values, n, mean, sd, 95% interval, z and verdict; every claim with its effect, interval, n and verdict.")
    var json = false

    func run() throws {
        let pipeline = try options.pipeline()
        let kind: BaselineSet.Kind = switch baseline {
        case .paper: .paper
        case .sim: .sim(scale: pipeline.scale.name)
        case nil: pipeline.defaultBaseline
        }
        let report: ComparisonReport
        do {
            report = try pipeline.compare(with: kind, engineVersion: engineVersion)
        } catch let error as BaselineError {
            FileHandle.standardError.write(Data("bench compare: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(json ? try ComparisonJSON(report).text() : report.render(), terminator: "")
        if !report.passed { throw ExitCode(1) }
    }
}
