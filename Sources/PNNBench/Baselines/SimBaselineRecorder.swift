import Foundation
import PNNEngine
import PNNMetrics

/// Writes `Baselines/sim/<scale>/<suite>.yaml`: our own results on HEPMASS-SIM at one
/// scale, as the reference of a regression check (`bench compare --baseline sim`).
///
/// The file depends only on the results (no dates, fixed number format, rows sorted by
/// experiment id), so recording the same results twice gives the same bytes and a
/// re-recording shows in `git diff` exactly the numbers that moved.
public enum SimBaselineRecorder {
    /// Allowed |ours − recorded| in points, and why.
    public struct Tolerance: Equatable, Sendable {
        public var rocAUC: Double
        public var sigmaRatio: Double

        public init(rocAUC: Double, sigmaRatio: Double) {
            self.rocAUC = rocAUC
            self.sigmaRatio = sigmaRatio
        }

        /// The engine is deterministic: the same build on the same kind of CPU reproduces
        /// every bit, and any tolerance > 0 would do. The tolerance exists for builds whose
        /// kernels round differently (another `PNNBENCH_TARGET_CPU`, e.g. AVX2 vs AVX-512
        /// FMA, or another compiler): a last-bit difference in one step grows through a
        /// chaotic training, and can also move the best-epoch choice. That drift is largest
        /// where trainings are short and test sets small — `smoke` — so it gets ±0.5 AUC and
        /// ±1.0 σ_ratio points; longer scales with larger test sets get ±0.3 and ±0.6. A
        /// real regression (a broken balance mode, a mass feature not fed, a metric bug)
        /// moves numbers by whole points. σ_ratio is a maximum over cuts, about twice as
        /// sensitive as the AUC, hence twice the tolerance.
        public static func standard(scale: String) -> Tolerance {
            scale == "smoke" ? Tolerance(rocAUC: 0.5, sigmaRatio: 1.0) : Tolerance(rocAUC: 0.3, sigmaRatio: 0.6)
        }
    }

    /// The text of the baseline file for `results` (already selected: one per experiment
    /// and seed, all of one scale on simulated data): one row per experiment and seed,
    /// then the replicate statistics of each experiment (mean and sd of its averages over
    /// the seeds, and the collapsed seeds), which `compare` reads but does not check —
    /// each seed's row is checked on its own.
    public static func render(results: ReplicateResults, scale: String, tolerance: Tolerance) -> String {
        let rank = Dictionary(results.seeds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = results.all.sorted { a, b in a.spec.id != b.spec.id ? a.spec.id < b.spec.id : rank[a.seed]! < rank[b.seed]! }
        let masses = Array(Set(sorted.flatMap { $0.perMass.map(\.mass) })).sorted()
        func distinct(_ values: [String]) -> String { Array(Set(values)).sorted().joined(separator: "; ") }
        let seeds = results.seeds.filter { seed in sorted.contains { $0.seed == seed } }
        var out: [String] = []
        out.append("# Recorded by `bench baseline record --scale \(scale) --seeds \(seeds.map(String.init).joined(separator: ","))` from \(sorted.count) result(s) in the store.")
        // Declared data sets are named by the metadata's data line, not as HEPMASS-SIM.
        let simulator = sorted.allSatisfy { $0.data.source == "sim" }
        out.append("# Our own \(simulator ? "HEPMASS-SIM " : "")results, the reference of `bench compare --baseline sim --scale \(scale)`:")
        out.append("# a regression check of this engine, not the paper's numbers. Values in percent; one row per")
        out.append("# experiment and seed, each checked exactly. Re-record after an intended change of results;")
        out.append("# the tolerance reasoning is in Baselines/README.md.")
        out.append("")
        out.append("title: \(quote("\(simulator ? "HEPMASS-SIM, scale" : "Scale") \(scale): recorded results"))")
        out.append("masses: [\(masses.map(String.init).joined(separator: ", "))]")
        out.append("tolerance:")
        out.append("  roc-auc: \(number(tolerance.rocAUC))")
        out.append("  sigma-ratio: \(number(tolerance.sigmaRatio))")
        out.append("metadata:")
        out.append("  scale: \(quote(scale))")
        out.append("  data: \(quote(distinct(sorted.map(\.data.description))))")
        out.append("  data-fingerprint: \(quote(distinct(sorted.map(\.data.fingerprint))))")
        out.append("  seeds: \(quote(seeds.map(String.init).joined(separator: ", ")))")
        out.append("  engine: \(quote(distinct(sorted.map(\.engineVersion))))")
        out.append("rows:")
        for result in sorted {
            out.append("  - experiment: \(quote(result.spec.id))")
            out.append("    seed: \(result.seed)")
            out.append("    artifact: \(quote(result.spec.reproduces.artifact))")
            out.append("    row: \(quote(result.spec.reproduces.row))")
            for metric in BaselineMetric.recorded {
                let values = masses.map { mass in metric.percent(result, mass: mass).flatMap { $0.isFinite ? number($0) : nil } ?? "~" }
                out.append("    \(metric.rawValue): [\(values.joined(separator: ", "))]")
                let average = metric.percent(result.average)
                if average.isFinite { out.append("    \(metric.rawValue)-average: \(number(average))") }
            }
        }
        if seeds.count > 1 {
            let stability = ReplicateStability(results)
            out.append("replicates:")
            for id in results.experimentIDs.sorted() {
                let runs = results.replicates(of: id)
                out.append("  - experiment: \(quote(id))")
                out.append("    n: \(runs.count)")
                for metric in BaselineMetric.recorded {
                    let values = runs.map { metric.percent($0.average) }
                    guard let statistics = try? ReplicateStatistics(values) else { continue }
                    let sd = statistics.standardDeviation.map(number) ?? "~"
                    out.append("    \(metric.rawValue)-average: {mean: \(number(statistics.mean)), sd: \(sd)}")
                }
                let collapsed = stability.collapsedSeeds(of: id)
                out.append("    collapsed: [\(results.seeds.filter(collapsed.contains).map(String.init).joined(separator: ", "))]")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Writes the file of `suite` for `scale` below `baselines` (the `Baselines/` folder),
    /// atomically; returns its path.
    @discardableResult
    public static func record(results: ReplicateResults, suite: String, scale: String, baselines: URL, tolerance: Tolerance) throws -> URL {
        let folder = BaselineSet.Kind.sim(scale: scale).folder(in: baselines, suite: suite)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(BaselineSet.simFileName(suite: suite))
        try AtomicFile.write(Data(render(results: results, scale: scale, tolerance: tolerance).utf8), to: url.path)
        return url
    }

    /// Four decimals of a percentage: 1e-4 points, far below any tolerance, and the same
    /// text for the same `Double` on every platform.
    static func number(_ x: Double) -> String {
        let text = String(format: "%.4f", x)
        return text == "-0.0000" ? "0.0000" : text
    }

    /// A YAML double-quoted scalar.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
