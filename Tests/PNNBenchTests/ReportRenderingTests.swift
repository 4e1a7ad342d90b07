import Foundation
import Testing
@testable import PNNBench

/// Rendering with the real gnuplot (skipped without it, failing without it under CI; see
/// `GnuplotAvailability`), and the report without gnuplot.
@Suite struct ReportRenderingTests {
    @Test(.enabled(if: GnuplotAvailability.testsRun, GnuplotAvailability.skipReason))
    func rendersEveryFigureToSVGPNGAndPDF() throws {
        let gnuplot = try GnuplotAvailability.required()
        let suite = try ReportFixtures.suite()
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite)
            .write(to: directory, render: true, gnuplot: gnuplot)
        #expect(output.rendering == .rendered)
        let figures = directory.appendingPathComponent("figures")
        for ext in ["svg", "png", "pdf"] {
            let data = try Data(contentsOf: figures.appendingPathComponent("fake-table3.\(ext)"))
            #expect(data.count > 1000)
        }
        // Rendered again, the PDF has the same bytes: cairo's creation time is replaced.
        let pdf = try Data(contentsOf: figures.appendingPathComponent("fake-table3.pdf"))
        #expect(pdf.firstRange(of: Array("/CreationDate (D:19700101000000".utf8)) != nil)
        try GnuplotRenderer.render(script: "fake-table3.gp", in: figures, gnuplot: gnuplot)
        #expect(try Data(contentsOf: figures.appendingPathComponent("fake-table3.pdf")) == pdf)
        let text = try String(contentsOf: output.reportURL, encoding: .utf8)
        #expect(text.contains("![Fake: Table 3 averages](figures/fake-table3.png)"))
    }

    @Test(.enabled(if: GnuplotAvailability.testsRun, GnuplotAvailability.skipReason))
    func aBrokenScriptFailsNamingIt() throws {
        let gnuplot = try GnuplotAvailability.required()
        let broken: ReportBuilder.FigureBuilder = { _ in
            FigureOutcome(figures: [GnuplotFigure(name: "broken", title: "Broken", caption: "", body: "plot \"missing.dat\" using 1:2\n",
                                                  dataFiles: [:])])
        }
        let suite = try ReportFixtures.suite()
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let builder = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite, builders: [broken])
        do {
            try builder.write(to: directory, render: true, gnuplot: gnuplot)
            Issue.record("rendering a broken script should fail")
        } catch let failure as GnuplotRenderer.Failure {
            #expect(failure.script == "broken.gp")
            #expect(failure.description.contains("broken.gp"))
        }
        // The report is still there, in its unrendered form that says how to render.
        let text = try String(contentsOf: directory.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(text.contains("The figures are not rendered"))
    }

    @Test func withoutGnuplotTheReportSaysSo() throws {
        let suite = try ReportFixtures.suite()
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite)
            .write(to: directory, render: true, gnuplot: nil)
        #expect(output.rendering == .gnuplotMissing)
        let text = try String(contentsOf: output.reportURL, encoding: .utf8)
        #expect(text.contains("gnuplot was not found"))
    }
}
