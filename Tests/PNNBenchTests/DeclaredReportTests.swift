import Foundation
import PNNData
import Testing
@testable import PNNBench

/// The report of a suite on declared data sets (`DeclaredDataFixture`: `mA` at 7 points,
/// or the 3 × 3 (mX, mY) grid), from hand-made results of two seeds whose AUC at every
/// point is known, with the fixture's real data behind the data-set tables.
@Suite struct DeclaredReportTests {
    static let seeds: [UInt64] = [42, 43]

    /// ROC-AUC of experiment `e` at point index `i` with seed `seed`: distinct everywhere,
    /// the two seeds 0.01 apart.
    static func auc(_ e: Int, _ i: Int, _ seed: UInt64) -> Double {
        0.70 + 0.02 * Double(i) + 0.03 * Double(e) + 0.01 * Double(seed - 42)
    }

    struct Built {
        var directory: URL
        var suite: Suite
        var output: ReportBuilder.Output
        var markdown: String
        /// The test points' values, in the data's order.
        var points: [[Double]]
    }

    /// Writes the fixture, makes a result per experiment and seed, and writes the report
    /// (not rendered) into `<folder>/report`.
    static func build(parameters: Int) throws -> Built {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-declared-report-\(UUID().uuidString)")
        try DeclaredDataFixture.write(to: directory, parameters: parameters)
        let suite = try SuiteRegistry.load(contentsOf: DeclaredDataFixture.writeSuite(to: directory, parameters: parameters))
        let provider = DatasetProvider(source: .simulator(), scale: DeclaredDatasetTests.tiny, threads: 1,
                                       declarations: suite.datasets, searchDirectories: [suite.directory!])
        let identity = try provider.identity(suite.experiments[0].dataset)
        let points: [[Double]] = parameters == 1 ? DeclaredDataFixture.masses.map { [$0] }
            : DeclaredDataFixture.gridX.flatMap { x in DeclaredDataFixture.gridY.map { [x, $0] } }
        let ids = parameters == 1 ? points.map { Int($0[0]) } : Array(1...points.count)
        let stored = seeds.flatMap { seed in
            suite.experiments.enumerated().map { e, spec in
                var result = CompareFixtures.result(spec, auc: points.indices.map { auc(e, $0, seed) }, masses: ids,
                                                    scale: DeclaredDatasetTests.tiny, data: identity, seed: seed)
                if parameters == 2 { for i in result.perMass.indices { result.perMass[i].point = points[i] } }
                return result
            }
        }
        let rows = ReplicateResults(seeds: seeds, results: stored).mapSeeds(suite.rowResults)
        let context = FigureContext(suite: suite, results: rows.results(seed: 42), replicates: rows,
                                    timings: ReportFixtures.timings(rows.all), scale: DeclaredDatasetTests.tiny, seed: 42,
                                    provider: provider, modelsDirectory: nil)
        let comparison = Comparison.compare(results: rows, baseline: BaselineSet(kind: .paper, tables: [], claims: []),
                                            selection: ResultSelection(seeds: seeds))
        let builder = ReportBuilder(context: context, comparison: comparison, figureBuilders: ReportFigureBuilders.standard,
                                    environment: ReportFixtures.environment, data: .sim)
        let output = try builder.write(to: directory.appendingPathComponent("report"), render: false, gnuplot: nil)
        return Built(directory: directory, suite: suite, output: output,
                     markdown: try String(contentsOf: output.reportURL, encoding: .utf8), points: points)
    }

    /// The lines of the first Markdown table after the line starting with `heading`.
    static func table(_ markdown: String, after heading: String) throws -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix(heading) })
        let first = try #require(lines[start...].firstIndex { $0.hasPrefix("|") })
        return Array(lines[first...].prefix { $0.hasPrefix("|") })
    }

    /// The cells of a Markdown table line.
    static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// "mean ± sd" of the two seeds' AUC of experiment `e` at point `i`, in percent.
    static func cell(_ e: Int, _ i: Int) -> String {
        let values = seeds.map { 100 * auc(e, i, $0) }
        let mean = values.reduce(0, +) / 2
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)).squareRoot()
        return String(format: "%.2f ± %.2f", mean, sd)
    }

    /// The non-comment lines of a figure's data file, split into numbers.
    static func dataLines(_ figure: GnuplotFigure, _ file: String) throws -> [[Double]] {
        let table = try #require(figure.dataFiles[file])
        return table.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: " ").map { Double($0) ?? .nan } }
    }

    @Test func oneParameterReportNamesItsDataAndTablesEveryPoint() throws {
        let built = try Self.build(parameters: 1)
        defer { try? FileManager.default.removeItem(at: built.directory) }
        let md = built.markdown
        #expect(md.hasPrefix("# PNNBench report — suite `toy`, data set `toy`, scale `test`\n"))
        #expect(md.contains("Suite `toy` (`\(built.suite.file)`)"))
        #expect(!md.contains("HEPMASS"), "a report on declared data only speaks of HEPMASS")
        #expect(md.contains("- **Data set:** toy (2 files, 12 features, parameters mA, 7 points)"))

        let roc = try Self.table(md, after: "**ROC-AUC (%)")
        #expect(Self.cells(roc[0]) == ["row", "300", "400", "500", "600", "700", "800", "900", "average"])
        #expect(roc.count == 2 + built.suite.entries.count)
        // Experiment 0 trains on 300, 500, 700, 900: 400, 600 and 800 are marked.
        let interp = Self.cells(try #require(roc.first { $0.hasPrefix("| pNN") && !$0.contains("all points") }))
        let first = built.suite.experiments[0]
        #expect(interp[0] == first.reproduces.row)
        for (i, mass) in DeclaredDataFixture.masses.enumerated() {
            let leftOut = [400.0, 600, 800].contains(mass)
            #expect(interp[1 + i] == Self.cell(0, i) + (leftOut ? "*" : ""), "\(mass)")
        }
        let all = Self.cells(try #require(roc.first { $0.hasPrefix("| pNN, all points |") }))
        #expect(all.dropFirst().allSatisfy { !$0.contains("*") })
        #expect(md.contains("**σ_ratio (%): mean ± sd over n = 2 seeds**"))
        let csv = try String(contentsOf: built.output.directory.appendingPathComponent("tables/interp-results.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("row,metric,point,point_id,trained,n,mean,sd,values\n"))
        #expect(csv.contains("\"\(first.reproduces.row)\",roc-auc,\"400\",400,0,2,"))
        #expect(csv.contains("\"\(first.reproduces.row)\",roc-auc,\"500\",500,1,2,"))

        // The parameter figure: one line per mA, left-out values flagged, ±1 sd bars.
        let names = built.output.figures.map(\.name)
        let figure = try #require(built.output.figures.first { $0.name == "interp-auc-vs-mA" })
        let lines = try Self.dataLines(figure, "interp-auc-vs-mA.dat")
        #expect(lines.map { $0[0] } == DeclaredDataFixture.masses)
        #expect(lines.map { $0[1] } == [0, 1, 0, 1, 0, 1, 0])
        #expect(abs(lines[1][2] - (Self.auc(0, 1, 42) + Self.auc(0, 1, 43)) / 2) < 1e-6)
        #expect(figure.body.contains("with yerrorbars") && figure.body.contains("set xlabel \"mA\""))
        #expect(figure.body.contains("\"400\" 400"))
        // Rows differ in what they left out ("all points" trained everywhere): per-row flags.
        #expect(figure.dataFiles["interp-auc-vs-mA.dat"]!.columns.contains("left_out_all-pnn"))
        #expect(FileManager.default.fileExists(atPath: built.output.directory.appendingPathComponent("figures/interp-auc-vs-mA.gp").path))

        // No HEPMASS data figure, drawn or listed as left out; the data set's table instead.
        for hepmass in ["fig03a", "fig05", "fig06", "fig11", "fig12", "training-curves"] {
            #expect(!names.contains { $0.hasPrefix(hepmass) } && !built.output.omitted.contains { $0.name.hasPrefix(hepmass) })
        }
        let data = try Self.table(md, after: "### Data set `toy`")
        #expect(Self.cells(data[0]) == ["events", "training events", "training Σw", "test events", "test Σw"])
        let signal400 = Self.cells(try #require(data.first { $0.hasPrefix("| signal 400 |") }))
        #expect(signal400[1] == "300" && signal400[3] == "100")
        let tt = Self.cells(try #require(data.first { $0.hasPrefix("| background tt |") }))
        let wjets = Self.cells(try #require(data.first { $0.hasPrefix("| background wjets |") }))
        #expect(Int(tt[1])! + Int(wjets[1])! == 3000 && Int(tt[3])! + Int(wjets[3])! == 1000)
        // Σw of wjets' training events, summed here from the data the report read.
        let prepared = try DatasetProvider(source: .simulator(), scale: DeclaredDatasetTests.tiny, threads: 1,
                                           declarations: built.suite.datasets, searchDirectories: [built.suite.directory!])
            .data(built.suite.experiments[0].dataset)
        let wjetsID = try #require(prepared.processNames.firstIndex(of: "wjets"))
        let sum = (0..<prepared.train.count).filter { prepared.train.label[$0] == 0 && Int(prepared.train.process[$0]) == wjetsID }
            .reduce(0.0) { $0 + Double(prepared.train.eventWeight($1)) }
        #expect(wjets[2] == DeclaredDataTable.weight(sum))
    }

    @Test func twoParameterReportHasAHeatMapOfTheGrid() throws {
        let built = try Self.build(parameters: 2)
        defer { try? FileManager.default.removeItem(at: built.directory) }
        let md = built.markdown
        #expect(!md.contains("HEPMASS"))
        let roc = try Self.table(md, after: "**ROC-AUC (%)")
        #expect(Self.cells(roc[0]) == ["row"] + built.points.map { "mX=\(Int($0[0])), mY=\(Int($0[1]))" } + ["average"])
        // Experiment 0 trains on (400, 50), (400, 150), (600, 100), (800, 50), (800, 150).
        let trained: Set<[Double]> = [[400, 50], [400, 150], [600, 100], [800, 50], [800, 150]]
        let interp = Self.cells(try #require(roc.first { $0.hasPrefix("| \(built.suite.experiments[0].reproduces.row) |") }))
        for (i, point) in built.points.enumerated() {
            #expect(interp[1 + i] == Self.cell(0, i) + (trained.contains(point) ? "" : "*"), "\(point)")
        }

        #expect(!built.output.figures.contains { $0.name.hasPrefix("interp-auc-vs") })
        let map = try #require(built.output.figures.first { $0.name == "interp-auc-map" })
        let lines = try Self.dataLines(map, "interp-auc-map.dat")
        #expect(lines.count == 9, "one line per grid point")
        let columns = map.dataFiles["interp-auc-map.dat"]!.columns
        let rows = built.suite.entries.count
        #expect(columns.count == 6 + 4 * rows)
        for (i, line) in lines.enumerated() {
            #expect(Array(line[0..<2]) == built.points[i])
            let (x, y) = (built.points[i][0], built.points[i][1])
            #expect(Array(line[2..<6]) == [x - 100, x + 100, y - 25, y + 25], "cells reach half way to the neighbouring values")
            for e in 0..<rows {
                let mean = (Self.auc(e, i, 42) + Self.auc(e, i, 43)) / 2
                #expect(abs(line[6 + 4 * e] - mean) < 1e-6, "row \(e), point \(built.points[i])")
                #expect(line[6 + 4 * e + 2] == 2)
                let leftOut = e < 4 && !trained.contains(built.points[i])
                #expect(line[6 + 4 * e + 3] == (leftOut ? 1 : 0))
            }
        }
        #expect(map.body.contains("with boxxyerror lc palette") && map.body.contains("set xlabel \"mX\"")
                && map.body.contains("set ylabel \"mY\""))
        #expect(map.body.components(separatedBy: "\nplot ").count - 1 == rows, "one panel per row")
        #expect(!built.output.figures.contains { $0.name.hasPrefix("fig") })
        #expect(md.contains("| signal mX=600, mY=100 | 300 |"))
    }

    /// On an irregular axis (0.02, 0.05, 0.1) each cell reaches half way to each neighbour,
    /// so neighbouring cells share an edge: no gap, no overlap.
    @Test func heatMapCellsTileAnIrregularAxis() {
        let points: [[Double]] = [0.02, 0.05, 0.1].map { [400, $0] }
        let edges = DeclaredHeatMap.edges(points, coordinate: 1)
        for (edge, expected) in zip(edges.map(\.low), [0.005, 0.035, 0.075]) { #expect(abs(edge - expected) < 1e-12) }
        for k in 0..<2 { #expect(abs(edges[k].high - edges[k + 1].low) < 1e-12) }
        #expect(abs(edges[2].high - 0.125) < 1e-12)
    }

    /// A suite with a HEPMASS experiment beside the declared ones keeps HEPMASS's wording
    /// for those and names the declared data set apart.
    @Test func mixedSuiteKeepsTheHEPMASSBannerForItsHEPMASSRows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-declared-mixed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = try DeclaredDataFixture.writeSuite(to: directory, parameters: 1)
        var yaml = try String(contentsOf: url, encoding: .utf8)
        yaml = "masses: [500, 750, 1000, 1250, 1500]\n" + yaml + """
          - id: hep/pnn
            artifact: interp
            row: "pNN on HEPMASS"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-sampled
            balance: class

        """
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        let suite = try SuiteRegistry.load(contentsOf: url)
        let context = FigureContext(suite: suite, results: [], timings: [:], scale: CompareFixtures.smoke, seed: 42,
                                    provider: nil, modelsDirectory: nil)
        let builder = ReportBuilder(context: context, comparison: Comparison.compare(results: [RunResult](), baseline: BaselineSet(kind: .paper, tables: [], claims: [])),
                                    figureBuilders: [], environment: ReportFixtures.environment, data: .sim)
        let banner = builder.banner()
        #expect(banner.hasPrefix("# PNNBench report — suite `toy`, HEPMASS-SIM and data set `toy`, scale `smoke`\n"))
        #expect(banner.contains("The HEPMASS rows are not HEPMASS numbers") && banner.contains("The rows on `toy` use the suite's own data"))
        #expect(banner.contains("- **Data set:** HEPMASS-SIM\n") && banner.contains("- **Declared data set:** `toy` (no results)\n"))
    }
}
