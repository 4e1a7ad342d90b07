import Foundation
import Testing
@testable import PNNBench

/// The replicate spread of Figures 9, 10, 13 (σ_ratio) and 14: with several seeds the data
/// files hold mean, sd and n per mass and the scripts draw them; with one seed nothing
/// changes.
///
/// `ResultFigureFixtures.replicatedContext` gives seeds 42, 43, 44 the same results with
/// every AUC and σ_ratio raised by 0, +0.02 and −0.01: at each mass the mean is the seed-42
/// value + 0.01/3 and sd = √(((−1/300)² + (5/300)² + (−4/300)²) / 2) = √(7/30000) ≈ 0.01527525.
@Suite struct ResultFigureSpreadTests {
    static let offsetMean = 0.01 / 3
    static let offsetSD = (7.0 / 30000).squareRoot()

    /// The value of `column` at `mass` in block `block` (gnuplot `index`) of a data file.
    static func value(_ table: DataTable, _ column: String, mass: Int, block: Int = 0) throws -> Double {
        let c = try #require(table.columns.firstIndex(of: column), "no column \(column) in \(table.columns)")
        var current = 0, previousBlank = false
        for line in table.lines {
            if line.isEmpty {
                if !previousBlank { current += 1 }
                previousBlank = true
                continue
            }
            previousBlank = false
            let fields = line.split(separator: " ")
            if current == block, fields.first == Substring(String(mass)) { return try #require(Double(fields[c])) }
        }
        Issue.record("no row of mass \(mass) in block \(block)")
        return .nan
    }

    /// The gnuplot block of the panel of `id`, from the data file's "index i: id" notes.
    static func block(of id: String, in table: DataTable) throws -> Int {
        let note = try #require(table.notes.first { $0.hasSuffix(": " + id) })
        return try #require(Int(note.split(separator: ":")[0].split(separator: " ").last!))
    }

    static func figure(_ name: String, _ outcome: FigureOutcome) throws -> GnuplotFigure {
        try #require(outcome.figures.first { $0.name == name })
    }

    static func table(_ figure: GnuplotFigure) throws -> DataTable {
        try #require(figure.dataFiles[figure.name + ".dat"])
    }

    /// A context whose seed 44 of fig14c's unregularized pNN collapsed (ROC-AUC 0.5 at
    /// every mass) and whose seed 44 of fig14a's affine row has no result.
    static func collapsedContext() throws -> FigureContext {
        try ResultFigureFixtures.replicatedContext { seed, r in
            guard seed == 44 else { return r }
            if r.spec.id == "fig14a/affine-class-identical-sampled" { return nil }
            guard r.spec.id == "fig14c/pnn-uniform-unregularized" else { return r }
            var r = r
            for i in r.perMass.indices { r.perMass[i].rocAUC = 0.5 }
            return r
        }
    }

    @Test func figure9HoldsMeanSDAndNOfAUCAndPairedRatio() throws {
        let figure = try Self.figure("fig09-single-mass-interpolation", ResultFigures.make(ResultFigureFixtures.replicatedContext()))
        let t = try Self.table(figure)
        let i = try Self.block(of: "fig9/pnn-without-500", in: t)
        // Seed 42: reference 0.82, without-500 0.81 at 500 GeV.
        #expect(abs(try Self.value(t, "auc_reference", mass: 500, block: i) - 0.82) < 1e-6)
        #expect(abs(try Self.value(t, "auc_reference_mean", mass: 500, block: i) - (0.82 + Self.offsetMean)) < 1e-6)
        #expect(abs(try Self.value(t, "auc_reference_sd", mass: 500, block: i) - Self.offsetSD) < 1e-7)
        #expect(try Self.value(t, "auc_reference_n", mass: 500, block: i) == 3)
        #expect(abs(try Self.value(t, "auc_variant_mean", mass: 500, block: i) - (0.81 + Self.offsetMean)) < 1e-6)
        #expect(abs(try Self.value(t, "auc_variant_sd", mass: 500, block: i) - Self.offsetSD) < 1e-7)
        // Ratios per seed 0.81/0.82, 0.83/0.84, 0.80/0.81: mean 0.9878515, sd 0.0002241221.
        #expect(abs(try Self.value(t, "ratio_mean", mass: 500, block: i) - 0.9878515) < 1e-6)
        #expect(abs(try Self.value(t, "ratio_sd", mass: 500, block: i) - 0.0002241221) < 1e-9)
        #expect(try Self.value(t, "highlighted", mass: 500, block: i) == 1)
        #expect(try Self.value(t, "highlighted", mass: 750, block: i) == 0)
        // The curves are the means, with bars (and a band for the reference).
        #expect(figure.script.contains("using 1:7 with linespoints"))
        #expect(figure.script.contains("using 1:10:11 with yerrorbars"))
        #expect(figure.script.contains("using 1:($7 - $8):($7 + $8) with filledcurves"))
        #expect(figure.script.contains("using 1:13:14 with yerrorbars"))
        #expect(figure.script.contains("unset pointintervalbox"))
        #expect(figure.caption.contains("mean over 3 seeds, bars ±1 sd"))
    }

    @Test func figure10HoldsTheSpreadAndItsTitlesAverageTheChangeOverSeeds() throws {
        let figure = try Self.figure("fig10-extrapolation", ResultFigures.make(ResultFigureFixtures.replicatedContext()))
        let t = try Self.table(figure)
        let i = try Self.block(of: "fig10/pnn-only-1000", in: t)
        let first = try Self.value(t, "auc_variant", mass: 1250, block: i)
        #expect(abs(try Self.value(t, "auc_variant_mean", mass: 1250, block: i) - (first + Self.offsetMean)) < 1e-6)
        #expect(abs(try Self.value(t, "auc_variant_sd", mass: 1250, block: i) - Self.offsetSD) < 1e-7)
        #expect(figure.caption.contains("(averaged over the seeds)"))

        // Δ per seed: 0 (equal AUCs) and −10% (0.9 × the reference's): the title's mean −5%.
        let spec = CompareFixtures.spec("fig10/x", "fig10", "pNN | trained on 1000 only"),
            ref = CompareFixtures.spec("fig10/all", "fig10", "pNN | trained on all masses")
        let auc = [0.8, 0.85, 0.9, 0.92, 0.95]
        let variants = [CompareFixtures.result(spec, auc: auc, seed: 1), CompareFixtures.result(spec, auc: auc.map { 0.9 * $0 }, seed: 2)]
        let references = [CompareFixtures.result(ref, auc: auc, seed: 2), CompareFixtures.result(ref, auc: auc, seed: 1)]
        #expect(abs(Fig10Extrapolation.meanRelativeChange(variants, references: references) + 0.05) < 1e-12)
    }

    @Test func figure13SigmaRatioHoldsMeanSDAndNOfBothScans() throws {
        let figure = try Self.figure("fig13-baselines-sigma-ratio", ResultFigures.make(ResultFigureFixtures.replicatedContext()))
        let t = try Self.table(figure)
        // Seed 42 of the Single-NN at 500 GeV: binned 0.864, exact 0.865.
        #expect(abs(try Self.value(t, "sigma_binned_fig13-single", mass: 500) - 0.864) < 1e-6)
        #expect(abs(try Self.value(t, "sigma_binned_mean_fig13-single", mass: 500) - (0.864 + Self.offsetMean)) < 1e-6)
        #expect(abs(try Self.value(t, "sigma_binned_sd_fig13-single", mass: 500) - Self.offsetSD) < 1e-7)
        #expect(try Self.value(t, "sigma_binned_n_fig13-single", mass: 500) == 3)
        #expect(abs(try Self.value(t, "sigma_exact_mean_fig13-single", mass: 500) - (0.865 + Self.offsetMean)) < 1e-6)
        #expect(abs(try Self.value(t, "sigma_exact_sd_fig13-single", mass: 500) - Self.offsetSD) < 1e-7)
        #expect(figure.script.contains("with yerrorbars"))
        #expect(figure.caption.contains("mean over 3 seeds, bars ±1 sd on the binned curves"))
    }

    @Test func figure14KeepsACollapsedSeedAndGivesTheRangeOfN() throws {
        let outcome = try ResultFigures.make(Self.collapsedContext())
        let c = try Self.table(Self.figure("fig14c-half-mass-interpolation", outcome))
        // AUC at 500 GeV over the seeds 0.81, 0.83 and 0.5 (collapsed): mean 0.7133333, sd 0.1850225.
        #expect(abs(try Self.value(c, "auc_mean_fig14c-pnn-uniform-unregularized", mass: 500) - 0.7133333) < 1e-6)
        #expect(abs(try Self.value(c, "auc_sd_fig14c-pnn-uniform-unregularized", mass: 500) - 0.1850225) < 1e-6)
        #expect(try Self.value(c, "auc_n_fig14c-pnn-uniform-unregularized", mass: 500) == 3)
        #expect(try Self.figure("fig14c-half-mass-interpolation", outcome).caption.contains("mean over 3 seeds, bars ±1 sd"))

        // fig14a's affine row has two seeds: n = 2, sd of offsets {0, 0.02} = √2 · 0.01.
        let aFigure = try Self.figure("fig14a-half-mass-interpolation", outcome)
        let a = try Self.table(aFigure)
        let first = try Self.value(a, "auc_fig14a-affine-class-identical-sampled", mass: 1000)
        #expect(abs(try Self.value(a, "auc_mean_fig14a-affine-class-identical-sampled", mass: 1000) - (first + 0.01)) < 1e-6)
        #expect(abs(try Self.value(a, "auc_sd_fig14a-affine-class-identical-sampled", mass: 1000) - 0.01 * 2.0.squareRoot()) < 1e-7)
        #expect(try Self.value(a, "auc_n_fig14a-affine-class-identical-sampled", mass: 1000) == 2)
        #expect(aFigure.caption.contains("mean over 2–3 seeds, bars ±1 sd"))
    }

    @Test func oneSeedStatisticsHaveNoBar() {
        let one = ReplicateSpread([0.9])
        #expect(one.mean == 0.9 && one.n == 1 && one.sd.isNaN)
        #expect(one.extent == [0.9])
        #expect(ReplicateSpread([]).n == 0)
        // A value that is not finite is left out: n counts the others.
        let two = ReplicateSpread([0.8, .nan, 1.0])
        #expect(two.n == 2 && abs(two.mean - 0.9) < 1e-12 && abs(two.sd - 0.02.squareRoot()) < 1e-12)
        #expect(ReplicateSpread.captionNote([one, ReplicateSpread([0.8, 0.9])]).contains("mean over 1–2 seeds"))
        #expect(ReplicateSpread.captionNote([one]).contains("one seed"))
    }

    @Test func figuresOfOneTrainingNameTheirSeed() throws {
        let multi = try ResultFigures.make(ResultFigureFixtures.replicatedContext())
        #expect(try Self.figure("fig15-class-separation", multi).caption.hasSuffix(" Seed 42, the first of 3."))
        let single = try ResultFigures.make(ResultFigureFixtures.fullContext())
        #expect(!(try Self.figure("fig15-class-separation", single).caption.contains("Seed 42")))
        #expect(try Self.figure("training-curves", multi).caption.hasSuffix(" Seed 42, the first of 3."))
        #expect(!(try Self.figure("training-curves", single).caption.contains("Seed 42")))
    }

    /// `Fixtures/figures-single-seed`: the scripts, data files and captions these figures
    /// have with one seed. With one seed the spread code must not change a byte of them.
    @Test func oneSeedWritesTheSameFiguresAsBefore() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/figures-single-seed")
        let captions = try String(contentsOf: golden.appendingPathComponent("captions.txt"), encoding: .utf8)
        let context = try ResultFigureFixtures.fullContext()
        // The same results stated as the replicates of one seed, as `bench report --seeds 42` builds them.
        let explicit = FigureContext(suite: context.suite, results: context.results,
                                     replicates: ReplicateResults(seeds: [42], results: context.results), timings: [:],
                                     scale: context.scale, seed: 42, provider: nil, modelsDirectory: nil)
        for context in [context, explicit] {
            let outcome = try ResultFigures.make(context)
            #expect(outcome.figures.map { "\($0.name)\n\($0.title)\n\($0.caption)\n\($0.width)x\($0.height)\n" }.joined(separator: "\n") == captions)
            let names = ["fig09-single-mass-interpolation", "fig10-extrapolation", "fig13-baselines-sigma-ratio",
                         "fig14a-half-mass-interpolation", "fig14b-half-mass-interpolation", "fig14c-half-mass-interpolation"]
            for name in names {
                let figure = try Self.figure(name, outcome)
                #expect(figure.script == (try String(contentsOf: golden.appendingPathComponent(figure.scriptName), encoding: .utf8)), "\(name).gp")
                #expect(figure.dataFiles.keys.sorted() == [name + ".dat"])
                #expect(try Self.table(figure).text == (try String(contentsOf: golden.appendingPathComponent(name + ".dat"), encoding: .utf8)), "\(name).dat")
            }
        }
    }

    @Test(.enabled(if: GnuplotAvailability.testsRun, GnuplotAvailability.skipReason))
    func replicateFiguresRenderWithGnuplot() throws {
        let gnuplot = try GnuplotAvailability.required()
        let outcome = try ResultFigures.make(Self.collapsedContext())
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["fig09-single-mass-interpolation", "fig10-extrapolation", "fig13-baselines-sigma-ratio", "fig14c-half-mass-interpolation"] {
            let figure = try Self.figure(name, outcome)
            try figure.write(to: directory)
            try GnuplotRenderer.render(script: figure.scriptName, in: directory, gnuplot: gnuplot)
            for format in GnuplotRenderer.formats {
                let file = directory.appendingPathComponent(figure.name + "." + format)
                #expect((try? Data(contentsOf: file))?.isEmpty == false, "\(file.lastPathComponent)")
            }
        }
    }
}
