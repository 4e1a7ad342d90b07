import Foundation
import Testing
@testable import PNNBench

@Suite struct ReportTests {
    @Test func sameResultsGiveTheSameBytes() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite)
        let a = try CompareFixtures.temporaryDirectory(), b = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        // Two builders from scratch, as two runs of `bench report` would make them.
        try ReportFixtures.builder(results: results, suite: suite).write(to: a, render: false, gnuplot: nil)
        try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite).write(to: b, render: false, gnuplot: nil)
        let filesA = try ReportFixtures.files(a), filesB = try ReportFixtures.files(b)
        let tables = ["table3.csv", "table3-roc-auc.tex", "table4.csv", "table4-roc-auc.tex", "table4-sigma-ratio.tex",
                      "table5.csv", "table5-roc-auc.tex", "table5-sigma-ratio.tex"].map { "/tables/" + $0 }
        #expect(Set(filesA.keys) == Set(["/report.md", "/figures/fake-table3.gp", "/figures/fake-table3.dat"] + tables))
        #expect(filesA == filesB)
        // And writing again into the same folder changes nothing.
        try ReportFixtures.builder(results: results, suite: suite).write(to: a, render: false, gnuplot: nil)
        #expect(try ReportFixtures.files(a) == filesA)
    }

    @Test func reportHasNoClockTimeOrAbsolutePath() throws {
        let suite = try ReportFixtures.suite()
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite).write(to: directory, render: false, gnuplot: nil)
        let text = try String(contentsOf: output.reportURL, encoding: .utf8)
        #expect(!text.contains(directory.path))
        #expect(!text.contains(FileManager.default.temporaryDirectory.path))
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(!text.contains(String(year)))
    }

    @Test func simBannerSaysTheseAreNotHEPMASSNumbers() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite)
        let sim = try ReportFixtures.builder(results: results, suite: suite).banner()
        #expect(sim.contains("HEPMASS-SIM"))
        #expect(sim.contains("These are not HEPMASS numbers"))
        #expect(sim.contains("for orientation only"))
        #expect(sim.contains("scale `smoke`"))
        let real = try ReportFixtures.builder(results: results, suite: suite, data: .hepmass).banner()
        #expect(!real.contains("not HEPMASS numbers"))
        #expect(real.contains("**Data: HEPMASS**"))
    }

    @Test func environmentBlockListsMachineBuildAndWallTimes() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite, experiments: ["table3/single", "table3/individual"])
        let text = try ReportFixtures.builder(results: results, suite: suite).environmentSection()
        for expected in ["| CPU | Test CPU @ 1.00GHz |", "| logical CPUs | 2 |", "| training threads | 2 |", "| engine version | test-1 |",
                         "| target CPU | `x86-64` |", "| seed | 42 |", "| git commit | `abc1234` |",
                         "| table3/single | 10.0 s | 0.5 s | 10.5 s | 2 |", "| table3/individual | 11.0 s | 0.5 s | 11.5 s | 2 |",
                         "22.0 s in total over 2 experiments"] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    @Test func environmentBlockShowsTheLastRunsPhasesWhenStored() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite, experiments: ["table3/single"])
        let without = try ReportFixtures.builder(results: results, suite: suite).environmentSection()
        #expect(!without.contains("Phases of the last"))
        let phases = RunPhases.Summary(wallSeconds: 100, phases: [.init(phase: .data, seconds: 4), .init(phase: .training, seconds: 90),
                                                                  .init(phase: .evaluation, seconds: 5)])
        let text = try ReportFixtures.builder(results: results, suite: suite, runPhases: phases).environmentSection()
        for expected in ["Phases of the last `bench all`", "| data (generate or read, split) | 4.0 s | 4.0 % |",
                         "| training steps (incl. batch assembly) | 1 min 30 s | 90.0 % |", "| outside the phases | 1.0 s | 1.0 % |",
                         "| **wall time** | **1 min 40 s** |  |", "Not training: 10.0 % of the wall time."] {
            #expect(text.contains(expected), "missing: \(expected)\n\(text)")
        }
    }

    @Test func tableShowsOursBoldBestPaperDeltaAndMarks() throws {
        let suite = try ReportFixtures.suite()
        // Paper, Table 3: Single-NN 68.55 … (avg 90.21), Individual-NNs 77.35 … (avg 93.14).
        let results = ReportFixtures.results(suite, experiments: ["table3/single", "table3/individual"], overrides: [
            "table3/single": [0.70, 0.8937, 0.9638, 0.9807, 0.9869],
            "table3/individual": [0.7785, 0.9259, 0.9742, 0.9889, 0.9945],
        ])
        let report = try ReportFixtures.builder(results: results, suite: suite).comparison
        let table = try #require(report.baseline.tables.first { $0.file.hasSuffix("table3.yaml") })
        let section = PaperTableSection(table: table, cells: report.cells)
        let ours = section.oursTable(.rocAUC).text
        #expect(ours.contains("| Single-NN \\| None | 70.00 | 89.37 | 96.38 | 98.07 | 98.69 | 90.50 |"), "\(ours)")
        #expect(ours.contains("| Individual-NNs \\| None | **77.85** | **92.59** | **97.42** | **98.89** | **99.45** | **93.24** |"), "\(ours)")
        #expect(ours.contains("| Affine \\| Identical (fixed) | — | — | — | — | — | — |"))
        let paper = section.paperTable(.rocAUC).text
        #expect(paper.contains("| Single-NN \\| None | 68.55 (+1.45 ✗) | 89.37 (+0.00 ✓) |"), "\(paper)")
        #expect(paper.contains("90.21 (+0.29 ✓) |"))
        #expect(paper.contains("| Individual-NNs \\| None | 77.35 (+0.50 ✓) |"))
        // Rows that did not run still show the paper's values.
        #expect(paper.contains("| Affine \\| Identical (fixed) | 77.34 | 92.80 | 97.55 | 98.96 | 99.49 | 93.23 |"))
        #expect(section.summary(.rocAUC) == "ROC-AUC: 11 of 12 compared cells within ±1.00 points of the paper; 9 rows not run.")
        #expect(section.metrics == [.rocAUC])
        // Table 5 carries both metrics, each with its own pair of tables.
        let table5 = try #require(report.baseline.tables.first { $0.file.hasSuffix("table5.yaml") })
        #expect(PaperTableSection(table: table5, cells: report.cells).metrics == [.rocAUC, .sigmaRatio])
    }

    @Test func tiesAtThePrintedPrecisionAreAllBold() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite, experiments: ["table3/single", "table3/individual"], overrides: [
            "table3/single": [0.80001, 0.9, 0.9, 0.9, 0.9],
            "table3/individual": [0.79999, 0.8, 0.8, 0.8, 0.8],
        ])
        let report = try ReportFixtures.builder(results: results, suite: suite).comparison
        let table = try #require(report.baseline.tables.first { $0.file.hasSuffix("table3.yaml") })
        let ours = PaperTableSection(table: table, cells: report.cells).oursTable(.rocAUC).text
        #expect(ours.contains("| Single-NN \\| None | **80.00** |"))
        #expect(ours.contains("| Individual-NNs \\| None | **80.00** |"))
    }

    @Test func claimsAreListedWithTheirVerdicts() throws {
        let suite = try ReportFixtures.suite()
        let results = ReportFixtures.results(suite, experiments: ["table3/single", "table3/individual"], overrides: [
            "table3/single": [0.70, 0.89, 0.96, 0.98, 0.98],
            "table3/individual": [0.77, 0.92, 0.97, 0.99, 0.99],
        ])
        let text = try ReportFixtures.builder(results: results, suite: suite).claimsSection()
        #expect(text.contains("- ✓ holds (one seed) — `individual-beat-single-hepmass`: Individual NNs beat the single NN at every mass (HEPMASS)."))
        #expect(text.contains("· not run — `individual-beat-single-imb`"))
        #expect(text.contains("  \n  ROC-AUC 500 GeV: 77.00 vs 70.00"))
    }

    @Test func figuresUnrenderedSayHowToRenderAndListOmitted() throws {
        let suite = try ReportFixtures.suite()
        let builder = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite)
        let outcome = try builder.makeFigures()
        let plain = builder.figuresSection(outcome, rendering: .notRequested)
        #expect(plain.contains("**The figures are not rendered** (`bench report --render` renders them)"))
        #expect(plain.contains("for f in *.gp; do gnuplot \"$f\" && gnuplot -e \"fmt='png'\" \"$f\" && gnuplot -e \"fmt='pdf'\" \"$f\"; done"))
        #expect(plain.contains("Script: [`figures/fake-table3.gp`](figures/fake-table3.gp)"))
        #expect(!plain.contains("!["))
        #expect(plain.contains("### Figures left out\n\n- `fake-fig99`: experiment fig99/nothing was not run\n"))
        let missing = builder.figuresSection(outcome, rendering: .gnuplotMissing)
        #expect(missing.contains("gnuplot was not found"))
        #expect(missing.contains("apt-get install gnuplot-nox"))
        let rendered = builder.figuresSection(outcome, rendering: .rendered)
        #expect(rendered.contains("![Fake: Table 3 averages](figures/fake-table3.png)\n\nAverage ROC-AUC of every Table 3 row."))
        #expect(!rendered.contains("not rendered"))
    }

    @Test func aFigureWithoutDataIsLeftOutNotDrawn() throws {
        let suite = try ReportFixtures.suite()
        let builder = try ReportFixtures.builder(results: ReportFixtures.results(suite, experiments: ["table5/single"]), suite: suite)
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try builder.write(to: directory, render: false, gnuplot: nil)
        #expect(output.figures.isEmpty)
        #expect(output.omitted.map(\.name) == ["fake-table3", "fake-fig99"])
        #expect(try ReportFixtures.files(directory).keys.filter { !$0.hasPrefix("/tables/") }.sorted() == ["/report.md"])
        let text = try String(contentsOf: output.reportURL, encoding: .utf8)
        #expect(text.contains("- `fake-table3`: no Table 3 results"))
        #expect(!text.contains("not rendered"))
    }

    @Test func duplicateFigureNamesAreAnError() throws {
        let suite = try ReportFixtures.suite()
        let builder = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite,
                                                 builders: [ReportFixtures.fakeBuilder, ReportFixtures.fakeBuilder])
        #expect(throws: ReportBuilder.Failure.self) { try builder.makeFigures() }
    }

    @Test func staleFiguresAreRemoved() throws {
        let suite = try ReportFixtures.suite()
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let figures = directory.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: figures.appendingPathComponent("gone.png"))
        try Data("keep".utf8).write(to: figures.appendingPathComponent("README.txt"))
        try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite).write(to: directory, render: false, gnuplot: nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: figures.path).sorted()
        #expect(names == ["README.txt", "fake-table3.dat", "fake-table3.gp"])
    }

    @Test func folderName() {
        #expect(ReportBuilder.folderName(suite: "paper", data: "sim", scale: "smoke") == "paper-sim-smoke")
    }
}
