import Foundation
import Testing
@testable import PNNBench

/// The figures drawn from results: which are made, which are left out and why, that they
/// are deterministic, and that gnuplot renders every one of them.
@Suite struct ResultFigureTests {
    static let allNames = ["fig09-single-mass-interpolation", "fig10-extrapolation", "fig13-baselines-roc-pr",
                           "fig13-baselines-sigma-ratio", "fig14a-half-mass-interpolation", "fig14b-half-mass-interpolation",
                           "fig14c-half-mass-interpolation", "fig15-class-separation", "training-curves"]

    @Test func everyFigureIsDrawnWhenEveryExperimentRan() throws {
        let outcome = try ResultFigures.make(ResultFigureFixtures.fullContext())
        #expect(outcome.figures.map(\.name) == Self.allNames)
        #expect(outcome.omitted.isEmpty)
        for figure in outcome.figures {
            #expect(!figure.caption.isEmpty)
            #expect(figure.script.contains("title"))
            // Every data file the script names is shipped with it.
            for file in figure.dataFiles.keys { #expect(figure.script.contains("\"\(file)\"")) }
        }
    }

    @Test func figuresWithoutResultsAreOmittedWithAReason() throws {
        let outcome = try ResultFigures.make(ResultFigureFixtures.context(try ResultFigureFixtures.suite, []))
        #expect(outcome.figures.isEmpty)
        #expect(outcome.omitted.map(\.name) == Self.allNames)
        for omitted in outcome.omitted { #expect(omitted.reason.contains("result") || omitted.reason.contains("run")) }
    }

    @Test func missingReferenceOmitsFigure9ButPartialRowsAreDrawnWithANote() throws {
        // Without the all-mass pNN (Table 3's identical-sampled pNN) Figures 9 and 10 have no reference.
        let noReference = try ResultFigures.make(ResultFigureFixtures.fullContext { $0.id == "table3/pnn-identical-sampled" })
        #expect(noReference.omitted.map(\.name).contains("fig09-single-mass-interpolation"))
        #expect(noReference.omitted.map(\.name).contains("fig10-extrapolation"))
        #expect(noReference.omitted.first { $0.name == "fig09-single-mass-interpolation" }!.reason.contains("trained on all masses"))

        // Two left-out masses not run: four… three columns, and the caption says so.
        let partial = try ResultFigures.make(ResultFigureFixtures.fullContext { ["fig9/pnn-without-750", "fig9/pnn-without-1250"].contains($0.id) })
        let fig9 = try #require(partial.figures.first { $0.name == "fig09-single-mass-interpolation" })
        #expect(fig9.caption.contains("2 column(s)"))
        #expect(!fig9.script.contains("without 750 GeV"))
        #expect(fig9.script.contains("without 1000 GeV"))
    }

    @Test func figure14MarksTheMissingMasses() throws {
        let outcome = try ResultFigures.make(ResultFigureFixtures.fullContext())
        let a = try #require(outcome.figures.first { $0.name == "fig14a-half-mass-interpolation" })
        let b = try #require(outcome.figures.first { $0.name == "fig14b-half-mass-interpolation" })
        #expect(a.script.contains("M̄ = {750, 1000, 1250}"))
        #expect(b.script.contains("M̄ = {500, 1000, 1500}"))
        let c = try #require(outcome.figures.first { $0.name == "fig14c-half-mass-interpolation" })
        #expect(c.script.contains(ResultFigureStyle.pnnUnregularized))
    }

    @Test func scriptsAndDataAreDeterministic() throws {
        let first = try ResultFigures.make(ResultFigureFixtures.fullContext())
        let second = try ResultFigures.make(ResultFigureFixtures.fullContext())
        #expect(first.figures.map(\.script) == second.figures.map(\.script))
        #expect(first.figures.map { $0.dataFiles.mapValues(\.text) } == second.figures.map { $0.dataFiles.mapValues(\.text) })
        // Written twice, the folder has the same bytes.
        let a = try CompareFixtures.temporaryDirectory(), b = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for f in first.figures { try f.write(to: a) }
        for f in second.figures { try f.write(to: b) }
        let files = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
        #expect(files == (try FileManager.default.contentsOfDirectory(atPath: b.path).sorted()))
        for file in files {
            #expect(try Data(contentsOf: a.appendingPathComponent(file)) == (try Data(contentsOf: b.appendingPathComponent(file))))
        }
    }

    @Test(.enabled(if: GnuplotAvailability.testsRun, GnuplotAvailability.skipReason))
    func everyScriptRendersWithGnuplot() throws {
        let gnuplot = try GnuplotAvailability.required()
        let outcome = try ResultFigures.make(ResultFigureFixtures.fullContext())
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for figure in outcome.figures {
            try figure.write(to: directory)
            try GnuplotRenderer.render(script: figure.scriptName, in: directory, gnuplot: gnuplot)
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(figure.name + ".png").path))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(figure.name + ".svg").path))
        }
    }
}
