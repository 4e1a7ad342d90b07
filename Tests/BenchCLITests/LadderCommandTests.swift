import Foundation
import Testing

/// `--scale ladder` end to end: list, run in shards, status, reuse by the rungs' own
/// scales, the convergence report, and the cluster scripts, on a two-rung ladder of tiny
/// scales in a copy of the repository's Suites/ and Baselines/paper.
@Suite(.serialized)
struct LadderCommandTests {
    static let scales = """
    tiny:
      trainEvents: 12000
      testEvents: 3000
      epochs: 1
      batchSize: 256
    small:
      trainEvents: 24000
      testEvents: 3000
      epochs: 2
      batchSize: 256
    ladder: [tiny, small]

    """

    static func project() throws -> URL {
        let root = try BenchProcess.temporaryDirectory()
        let fm = FileManager.default
        let repository = ReportCommandTests.repository
        try fm.createDirectory(at: root.appendingPathComponent("Baselines"), withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("Baselines/paper"), to: root.appendingPathComponent("Baselines/paper"))
        try fm.copyItem(at: repository.appendingPathComponent("Suites"), to: root.appendingPathComponent("Suites"))
        try fm.removeItem(at: root.appendingPathComponent("Suites/scales.yaml"))
        try scales.write(to: root.appendingPathComponent("Suites/scales.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func runsShardsReportsAndSubmitsTheLadder() throws {
        let root = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let common = ["--seeds", "2", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path]
        let rows = ["table4"]

        let list = try BenchProcess.run(["list", "--scale", "ladder", "--shards", "2", "--seeds", "2", "--root", root.path] + rows, in: root)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("6 experiment(s) × 2 seed(s) × 2 rungs = 24 trainings on the 2 rungs of the ladder (tiny, small)"), "\(list.stdout)")
        #expect(list.stdout.contains("table4/pnn-none [seed 42, small]"))

        let first = try BenchProcess.run(["run", "--scale", "ladder", "--shard", "1/2"] + common + rows, in: root)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("convergence ladder (tiny, small):"))
        let half = try BenchProcess.run(["status", "--scale", "ladder", "--shards", "2"] + common + rows, in: root)
        #expect(half.status == 0, "\(half.stderr)")
        #expect(half.stdout.contains("shard 2/2: 0 of"), "\(half.stdout)")
        #expect(half.stdout.contains("(incomplete)"))

        let second = try BenchProcess.run(["run", "--scale", "ladder", "--shard", "2/2"] + common + rows, in: root)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let done = try BenchProcess.run(["status", "--scale", "ladder"] + common + rows, in: root)
        #expect(done.stdout.contains("24 of 24 trainings done (convergence ladder: tiny, small"), "\(done.stdout)")
        #expect(done.stdout.contains("rung tiny: 12 of 12") && done.stdout.contains("rung small: 12 of 12"))

        // The ladder's results are the rungs' own: a run at one rung trains nothing.
        let again = try BenchProcess.run(["run", "--scale", "small"] + common + rows, in: root)
        #expect(again.status == 0)
        #expect(again.stdout.components(separatedBy: "(stored result)").count - 1 == 12, "\(again.stdout)")

        let report = try BenchProcess.run(["report", "--scale", "ladder"] + common, in: root)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        let folder = root.appendingPathComponent("Reports/convergence-sim")
        let text = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        // Rows of Table 4 and of the figures that reuse its experiments (Figure 14c), × 2 seeds.
        #expect(text.contains("| tiny | 12000 | 3000 | 1 | 9k | 16 | 42, 43 |"), "\(text)")
        #expect(text.contains("| small | 24000 | 3000 | 2 | 36k | 16 | 42, 43 |"))
        #expect(text.contains("| `affine-interpolates-better-average` |"))
        #expect(text.contains("(n = 2) |"))
        #expect(text.contains("## Collapsed seeds"))
        #expect(text.contains("Rungs of the ladder without results") == false)
        let figures = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("figures").path)
        #expect(figures.contains("conv-claims.gp"))
        #expect(figures.contains("conv-table4-pnn-identical-sampled-roc-auc.gp"))
        #expect(figures.contains("conv-table4-affine-identical-sampled-sigma-ratio.dat"))
        let cells = try String(contentsOf: folder.appendingPathComponent("tables/convergence-cells.csv"), encoding: .utf8)
        let lines = cells.split(separator: "\n")
        #expect(lines.first == "table,row,metric,mass,rung,budget_event_epochs,n,mean,sd,paper,delta,status,short_points")
        // Six rows × two metrics × (5 masses + average) × two rungs.
        #expect(lines.count == 1 + 6 * 2 * 6 * 2, "\(cells)")
        // Tables are named as in the report's own CSV files, with no path of this machine.
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("table4,") }, "\(cells)")
        let claims = try String(contentsOf: folder.appendingPathComponent("tables/convergence-claims.csv"), encoding: .utf8)
        #expect(claims.contains("affine-interpolates-better-average,small,36000,"))
        // The same results give the same report.
        let second2 = try BenchProcess.run(["report", "--scale", "ladder"] + common, in: root)
        #expect(second2.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8) == text)

        // Commands of one scale refuse the ladder, naming it.
        let compare = try BenchProcess.run(["compare", "--scale", "ladder"] + common, in: root)
        #expect(compare.status == 2)
        #expect(compare.stderr.contains("'ladder' is the convergence ladder"), "\(compare.stderr)")

        // A cluster job over the ladder: every task runs `--scale ladder`, the collect job only the report.
        let submit = try BenchProcess.run(["submit", "slurm", "--scale", "ladder", "--shards", "2", "--dry-run"] + common + rows, in: root)
        #expect(submit.status == 0, "\(submit.stdout)\(submit.stderr)")
        let job = root.appendingPathComponent("work/submit/slurm-001")
        let train = try String(contentsOf: job.appendingPathComponent("train.sbatch"), encoding: .utf8)
        #expect(train.contains("'--scale' 'ladder'") && train.contains("--shard ${SLURM_ARRAY_TASK_ID}/2"), "\(train)")
        let collect = try String(contentsOf: job.appendingPathComponent("collect.sbatch"), encoding: .utf8)
        #expect(collect.contains(" report ") && !collect.contains(" compare "), "\(collect)")
        let resume = try BenchProcess.run(["submit", "slurm", "--scale", "ladder", "--shards", "2", "--resume", "--dry-run"] + common + rows, in: root)
        #expect(resume.stdout.contains("24 of 24 trainings are done; shards with missing results: none"), "\(resume.stdout)")
    }
}
