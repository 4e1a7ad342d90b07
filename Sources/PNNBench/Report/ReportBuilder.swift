import Foundation
import PNNEngine

/// Writes the paper-style report of one suite, data set and scale:
/// `<directory>/report.md` and `<directory>/figures/` (gnuplot scripts, their data and,
/// when rendered, SVG, PNG and PDF files) and `<directory>/tables/` (each paper table as
/// CSV and LaTeX, see `PaperTableExport`).
///
/// report.md holds, in order: a banner with the data set and scale (on HEPMASS-SIM, that
/// these are not HEPMASS numbers); the environment (CPU, threads, engine version, target
/// CPU, seeds, git commit, wall time per experiment and total); for a suite with declared
/// data sets, their events per point and process (`DeclaredDataTable`); Tables 3, 4 and 5 (see
/// `PaperTableSection`; mean ± sd with several seeds); the paper's claims with their
/// verdicts (with several seeds, effects with 95 % intervals); with several seeds, the
/// seeds that collapsed; the figures, and the figures left out with their reason.
///
/// It is a pure function of its inputs — results, timings, environment, whether figures
/// were rendered — with no clock time and no absolute path (but that of a suite file
/// loaded from outside the working folder, as `Suite.file` gives it), so the same inputs
/// give the same bytes.
public struct ReportBuilder {
    public typealias FigureBuilder = (FigureContext) throws -> FigureOutcome

    public var context: FigureContext
    /// The comparison of `context.results` with the paper's baseline.
    public var comparison: ComparisonReport
    public var figureBuilders: [FigureBuilder]
    public var environment: ReportEnvironment
    /// The data the results come from (the `--data` choice).
    public var data: DataChoice

    public init(context: FigureContext, comparison: ComparisonReport, figureBuilders: [FigureBuilder],
                environment: ReportEnvironment, data: DataChoice) {
        self.context = context
        self.comparison = comparison
        self.figureBuilders = figureBuilders
        self.environment = environment
        self.data = data
    }

    public static let reportFileName = "report.md"
    public static let figuresFolderName = "figures"

    /// `Reports/<suite>-<data>-<scale>` below the project root.
    public static func folderName(suite: String, data: String, scale: String) -> String {
        "\(suite)-\(data)-\(scale)"
    }

    /// Whether the figures have SVG, PNG and PDF renders next to their scripts.
    public enum Rendering: Equatable, Sendable {
        /// `--render` was not asked for.
        case notRequested
        /// `--render` was asked for but gnuplot is not on PATH.
        case gnuplotMissing
        case rendered
    }

    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// What `write` produced.
    public struct Output {
        public var directory: URL
        public var figures: [GnuplotFigure]
        public var omitted: [(name: String, reason: String)]
        public var rendering: Rendering
        public var reportURL: URL { directory.appendingPathComponent(ReportBuilder.reportFileName) }
    }

    /// Runs every figure builder. Two figures of one name, or two data files of one name
    /// with different contents, would overwrite each other in `figures/`: an error.
    public func makeFigures() throws -> FigureOutcome {
        var outcome = FigureOutcome()
        for builder in figureBuilders { outcome.append(try builder(context)) }
        var names = Set<String>()
        var dataFiles: [String: (figure: String, text: String)] = [:]
        for figure in outcome.figures {
            guard names.insert(figure.name).inserted else {
                throw Failure(message: "two figures are named \(figure.name)")
            }
            for (file, table) in figure.dataFiles {
                if let other = dataFiles[file], other.text != table.text {
                    throw Failure(message: "figures \(other.figure) and \(figure.name) write different data to \(file)")
                }
                dataFiles[file] = (figure.name, table.text)
            }
        }
        return outcome
    }

    /// Writes figures and report into `directory`. With `render` and a `gnuplot`, every
    /// script is rendered to SVG, PNG and PDF; the first script gnuplot rejects stops the
    /// report with `GnuplotRenderer.Failure` naming it (report.md is then left in its
    /// unrendered form, which says how to render).
    @discardableResult
    public func write(to directory: URL, render: Bool, gnuplot: URL?) throws -> Output {
        let outcome = try makeFigures()
        let dataTables = try declaredDataTables()
        try Self.writeFigures(outcome.figures, in: directory)
        try writeTables(to: directory.appendingPathComponent(Self.tablesFolderName))
        let rendering = try Self.writeReport(figures: outcome.figures, in: directory, render: render, gnuplot: gnuplot) {
            markdown(outcome, rendering: $0, dataTables: dataTables)
        }
        return Output(directory: directory, figures: outcome.figures, omitted: outcome.omitted, rendering: rendering)
    }

    /// Replaces the scripts and data of `directory/figures/` by those of `figures`.
    static func writeFigures(_ figures: [GnuplotFigure], in directory: URL) throws {
        let figuresDirectory = directory.appendingPathComponent(figuresFolderName)
        try clearFigures(in: figuresDirectory)
        try FileManager.default.createDirectory(at: figuresDirectory, withIntermediateDirectories: true)
        for figure in figures { try figure.write(to: figuresDirectory) }
    }

    /// Writes `directory/report.md` from `markdown` of the rendering reached: with `render`
    /// and `gnuplot`, every figure is rendered first (report.md written unrendered before,
    /// so that a failed render leaves a report saying how to render); without gnuplot,
    /// `.gnuplotMissing`.
    static func writeReport(figures: [GnuplotFigure], in directory: URL, render: Bool, gnuplot: URL?,
                            markdown: (Rendering) -> String) throws -> Rendering {
        let reportURL = directory.appendingPathComponent(reportFileName)
        var rendering: Rendering = render ? .gnuplotMissing : .notRequested
        if render, let gnuplot {
            try AtomicFile.write(Data(markdown(.notRequested).utf8), to: reportURL.path)
            for figure in figures {
                try GnuplotRenderer.render(script: figure.scriptName, in: directory.appendingPathComponent(figuresFolderName), gnuplot: gnuplot)
            }
            rendering = .rendered
        }
        try AtomicFile.write(Data(markdown(rendering).utf8), to: reportURL.path)
        return rendering
    }

    public static let tablesFolderName = "tables"

    /// Each published table as CSV and one LaTeX table per metric, and our results of the
    /// artifacts they do not cover (`ResultTableSection`) as CSV, replacing what an earlier
    /// report wrote there.
    func writeTables(to directory: URL) throws {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for name in names where ["csv", "tex"].contains((name as NSString).pathExtension) {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
        let sections = comparison.baseline.tables.map { PaperTableSection(table: $0, cells: comparison.cells, conditions: comparison.conditions) }
        let results = resultTables()
        guard !sections.isEmpty || !results.isEmpty else { return }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for section in results {
            try AtomicFile.write(Data(section.csv().utf8), to: directory.appendingPathComponent(section.fileStem + ".csv").path)
        }
        for section in sections {
            try AtomicFile.write(Data(section.csv().utf8), to: directory.appendingPathComponent(section.fileStem + ".csv").path)
            for metric in section.metrics {
                try AtomicFile.write(Data(section.latex(metric).utf8),
                                     to: directory.appendingPathComponent(section.latexFileName(metric)).path)
            }
        }
    }

    /// Removes what an earlier report wrote (scripts, data, renders), so that a figure
    /// no longer produced does not linger; other files are left alone.
    static func clearFigures(in directory: URL) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where ["gp", "dat"].contains((name as NSString).pathExtension)
            || GnuplotRenderer.formats.contains((name as NSString).pathExtension) {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// The whole report.md; `dataTables` list the declared data sets' events (`declaredDataTables`).
    func markdown(_ outcome: FigureOutcome, rendering: Rendering, dataTables: [DeclaredDataTable] = []) -> String {
        let stability = comparison.seeds.count > 1 ? [stabilitySection()] : []
        let data = context.suite.usesDeclaredData ? [dataSetsSection(dataTables)] : []
        return ([banner(), environmentSection()] + data + [tablesSection(), claimsSection()] + stability
                + [figuresSection(outcome, rendering: rendering)]).joined(separator: "\n")
    }

    /// The events of every declared data set the experiments use, from `context.provider`
    /// (read once per process); none without a provider.
    func declaredDataTables() throws -> [DeclaredDataTable] {
        guard let provider = context.provider else { return [] }
        return try Set(context.suite.experiments.map(\.dataset).filter(\.isDeclared)).sorted().map {
            DeclaredDataTable(name: $0.rawValue, data: try provider.data($0))
        }
    }

    /// "## Data sets": what each declared data set holds, where HEPMASS's report has its data figures.
    func dataSetsSection(_ tables: [DeclaredDataTable]) -> String {
        var out = "## Data sets\n\n"
        guard !tables.isEmpty else { return out + "Not listed: the report was written without the experiment data.\n" }
        out += "The events the runs used (capped at the scale's event counts), per signal point and per background process: "
        out += "their number and summed weight Σw (weights as given, negative ones included). Training events are those of "
        out += "the training files before each run's 75/25 training/validation split.\n\n"
        return out + tables.map { $0.markdown() }.joined()
    }
}
