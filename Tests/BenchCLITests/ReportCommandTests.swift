import Foundation
import Testing

/// End-to-end tests of `bench report`: a temporary project folder with the repository's
/// Suites/ and Baselines/paper, two Table 3 experiments trained at the smoke scale, then
/// the report.
@Suite(.serialized)
struct ReportCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct TrainingFailed: Error, CustomStringConvertible {
        var output: BenchProcess.Output
        var description: String { "bench run exited \(output.status):\n\(output.stdout)\n\(output.stderr)" }
    }

    /// Trains table3/single and table3/individual (smoke) once for all tests of the suite;
    /// a failure (of the copy or of the training) fails every test that needs the project.
    static let trained: Result<URL, Error> = Result(catching: {
        let root = try BenchProcess.temporaryDirectory()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Baselines"), withIntermediateDirectories: true)
        try fm.copyItem(at: repository.appendingPathComponent("Baselines/paper"), to: root.appendingPathComponent("Baselines/paper"))
        try fm.copyItem(at: repository.appendingPathComponent("Suites"), to: root.appendingPathComponent("Suites"))
        let run = try BenchProcess.run(["run", "table3/single", "table3/individual", "--scale", "smoke", "--root", root.path,
                                        "--work-dir", root.appendingPathComponent("work").path], in: root)
        guard run.status == 0 else { throw TrainingFailed(output: run) }
        return root
    })

    static var project: URL { get throws { try trained.get() } }

    func report(_ root: URL, _ extra: [String]) throws -> BenchProcess.Output {
        try BenchProcess.run(["report", "--scale", "smoke", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path] + extra, in: root)
    }

    @Test func writesTheReportDeterministically() throws {
        let root = try ReportCommandTests.project
        let first = try report(root, [])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let url = root.appendingPathComponent("Reports/paper-sim-smoke/report.md")
        #expect(first.stdout.contains("Reports/paper-sim-smoke/report.md"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("These are not HEPMASS numbers"))
        // The opening sentence comes from the suite's `publication:`.
        #expect(text.contains("\n\nReproduction of Anzalone, Diotalevi & Bonacorsi, *Improving parametric neural networks for "
                              + "high-energy physics (and beyond)*, Mach. Learn.: Sci. Technol. 3 (2022) 035017: Tables 3, 4 and 5, "
                              + "the paper's claims, and its figures. Written by `bench report` from the stored results.\n\n"))
        #expect(text.contains("| Individual-NNs \\| None |"))
        #expect(text.contains("2 of 67 table and figure rows"))
        let second = try report(root, [])
        #expect(second.status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8) == text)
    }

    @Test func outOptionChoosesTheFolder() throws {
        let root = try ReportCommandTests.project
        let out = root.appendingPathComponent("elsewhere")
        let r = try report(root, ["--out", out.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.md").path))
    }

    @Test func renderWithOrWithoutGnuplot() throws {
        let root = try ReportCommandTests.project
        let out = root.appendingPathComponent("rendered")
        let r = try report(root, ["--render", "--out", out.path])
        let hasGnuplot = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/gnuplot") }
        if hasGnuplot {
            #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        } else {
            let underCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
            #expect(!underCI, "gnuplot is required when CI is set: install gnuplot-nox")
            #expect(r.status == 1)
            #expect(r.stderr.contains("gnuplot"))
        }
    }

    @Test func noResultsIsBadInput() throws {
        let root = try ReportCommandTests.project
        let r = try BenchProcess.run(["report", "--scale", "default", "--root", root.path, "--work-dir", root.appendingPathComponent("work").path], in: root)
        #expect(r.status == 2)
        #expect(r.stderr.contains("no results of scale default"))
    }

    @Test func helpDocumentsExitStatus() throws {
        let r = try BenchProcess.run(["report", "--help"])
        #expect(r.stdout.contains("--render"))
        #expect(r.stdout.contains("EXIT STATUS"))
    }
}
