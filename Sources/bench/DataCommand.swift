import ArgumentParser
import Foundation
import PNNBench
import PNNData
import PNNEngine

/// `bench data sim|import|inspect|export`: the HEPMASS-SIM generator (a HEPMASS-format file, or
/// a weighted signal/background sample on a mass × width grid), the binary cache, data
/// set statistics and one experiment's exact training inputs (`DataExportCommand.swift`), for HEPMASS's files and the published HEPMASS-IMB files alike. Bad input
/// (a malformed row, a missing or corrupt file, a bad grid) prints one
/// `error:` line naming the file, the line and what was expected, and exits with status 2;
/// outputs are written to a temporary file and renamed, so nothing is half-written.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "HEPMASS readers, the binary cache and the HEPMASS-SIM generator.",
        subcommands: [Sim.self, Import.self, Inspect.self, Export.self]
    )

    /// Runs `body`, turning data errors into a message on stderr and exit status 2.
    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as DataError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }

    static func loadDataset(_ path: String, mass: Float?, threads: Int) throws -> EventDataset {
        try HEPMASSFiles.read(path, fixedMass: mass, threads: threads)
    }

    struct Sim: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sim",
            abstract: "Generate HEPMASS-SIM events: one UCI HEPMASS CSV file, or a weighted signal/background sample on any mass (× width) grid.",
            discussion: """
            --out FILE: balanced by default (half signal, the five masses equally, background masses likewise, \
            as HEPMASS); --imbalanced uses HEPMASS-IMB's ratios (13 % signal, 350k:140k:35k:7k:2k). \
            The file equals the in-memory training set the runner generates for the same seed and size.

            --masses M1,M2,… --out-dir DIR: an example data set with separate signal and background files, \
            per-event weights (some negative) and a parameter column, written as DIR/signal.csv \
            (lep_pt,…,m_wwbb, mX, width if --widths, weight) and DIR/background.csv (lep_pt,…,m_wwbb, weight, \
            process = ttbar); features standardised with 6 decimals, parameters as their shortest text (500, 0.06), weights %.9g. \
            Half the events are signal, split evenly over the grid points masses × widths (or the masses alone, \
            at resonanceRelativeWidth, default 0.06), half are background, which has no parameter. \
            Signal rows go point by point (mass, then width, ascending).

            Weights, a toy model in events (cross sections in fb): L = 140 fb^-1; \
            signal σ_X(m) = 1000 fb × (500 GeV / m)^4 for every width, each of the N_p events of a point \
            weighs σ_X(m)·L / N_p; background σ_tt = 800 pb, each of the N_b events weighs ±c with \
            c = σ_tt·L / (N_b·(1 − 2F)), round(F·N_b) of them negative (chosen by a seeded stream of their own), \
            so that the background weights sum to σ_tt·L = 1.12e8 up to the rounding of that count. \
            Output depends on the seed, not on --threads.
            """
        )
        @Option(help: "Output CSV file (UCI HEPMASS format; not with --masses).") var out: String?
        @Option(help: "Number of events (with --masses: in all, at least 2 × grid points).") var events: Int
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Flag(help: "HEPMASS-IMB class and mass ratios (--out only).") var imbalanced = false
        @Option(help: ArgumentHelp("Signal masses m_X in GeV, comma-separated, > 0 and distinct (e.g. 400,500,600); writes a weighted grid sample to --out-dir. Below the tt threshold (≈ 345 GeV) signal sits at threshold.", valueName: "M1,M2,…"))
        var masses: String?
        @Option(help: ArgumentHelp("Relative widths Γ/m of the resonance, comma-separated, > 0 and distinct (e.g. 0.03,0.06,0.12): a second parameter, the grid is masses × widths (needs --masses).", valueName: "W1,W2,…"))
        var widths: String?
        @Option(help: "Folder for signal.csv and background.csv (created if needed; with --masses).") var outDir: String?
        @Option(help: "Fraction F of background events with a negative weight, 0 ≤ F < 0.5 (with --masses; default 0.05).")
        var negativeFraction: Double?
        @Option(name: .customLong("set"), help: ArgumentHelp("Override a simulation parameter (NAME=VALUE, repeatable; see SimulationParameters).", valueName: "NAME=VALUE"))
        var overrides: [String] = []
        @Option(help: "Worker threads (default: all cores).") var threads: Int?

        func run() throws {
            guard events > 0 else { throw DataCommand.fail("--events must be positive, got \(events)") }
            if let masses {
                try runGrid(masses)
                return
            }
            if widths != nil { throw DataCommand.fail("--widths needs --masses: the signal grid is masses × widths") }
            if outDir != nil { throw DataCommand.fail("--out-dir needs --masses (a weighted signal/background sample); for one HEPMASS-format file use --out FILE") }
            if negativeFraction != nil { throw DataCommand.fail("--negative-fraction needs --masses: only the weighted grid sample has weights") }
            guard let out else { throw DataCommand.fail("--out FILE is required, or --masses M1,M2,… with --out-dir DIR for a weighted signal/background sample") }
            try DataCommand.guarded {
                let threads = max(1, self.threads ?? WorkerPool.availableCores)
                let parameters = try SimulationParameters.default.setting(overrides)
                let simulator = HEPMASSSimulator(parameters: parameters)
                let composition = imbalanced ? EventComposition.imbalanced(events: events) : .balanced(events: events)
                let t0 = MonotonicClock.now()
                let dataset = simulator.generate(composition, seed: seed, threads: threads)
                let t1 = MonotonicClock.now()
                try CSVWriter.write(dataset, to: out, threads: threads)
                let t2 = MonotonicClock.now()
                let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
                print("generated \(events) events in \(fmt(t1 - t0)) s (\(Int(Double(events) / max(t1 - t0, 1e-9))) events/s, \(threads) threads)")
                print("wrote \(out): \(fmt(Double(size) / 1e6)) MB in \(fmt(t2 - t1)) s")
            }
        }

        /// `--masses … --out-dir DIR`: every input is checked before DIR is created or
        /// anything is generated, so bad input leaves no file behind.
        private func runGrid(_ massesText: String) throws {
            if out != nil { throw DataCommand.fail("--out writes one HEPMASS-format file and cannot be combined with --masses; use --out-dir DIR (signal.csv, background.csv)") }
            if imbalanced { throw DataCommand.fail("--imbalanced applies to --out; a --masses sample is half signal, half background") }
            guard let outDir else { throw DataCommand.fail("--masses needs --out-dir DIR, the folder for signal.csv and background.csv") }
            let massList = try Self.numbers(massesText, option: "--masses")
            let widthList = try widths.map { try Self.numbers($0, option: "--widths") }
            try DataCommand.guarded {
                let threads = max(1, self.threads ?? WorkerPool.availableCores)
                let parameters = try SimulationParameters.default.setting(overrides)
                let grid = try SignalGrid(masses: massList, widths: widthList, defaultRelativeWidth: parameters.resonanceRelativeWidth)
                let weightModel = try ToyWeightModel(negativeFraction: negativeFraction ?? 0.05)
                _ = try grid.composition(events: events)
                do {
                    try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
                } catch {
                    throw DataError.unwritable(file: outDir, reason: "cannot create directory")
                }
                let t0 = MonotonicClock.now()
                let sample = try GridSample(simulator: HEPMASSSimulator(parameters: parameters), grid: grid, events: events,
                                            weightModel: weightModel, seed: seed, threads: threads)
                let t1 = MonotonicClock.now()
                let paths = try GridSampleWriter.write(sample, to: outDir, threads: threads)
                let t2 = MonotonicClock.now()
                print(GridSampleSummary(sample: sample, signalPath: paths.signal, backgroundPath: paths.background,
                                        generateSeconds: t1 - t0, writeSeconds: t2 - t1, threads: threads).text())
            }
        }

        /// A comma-separated list of numbers; an entry that is not one is named in the error.
        static func numbers(_ text: String, option: String) throws -> [Double] {
            try text.split(separator: ",", omittingEmptySubsequences: false).map { entry in
                let trimmed = entry.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { throw DataCommand.fail("\(option) `\(text)` has an empty entry (expected a comma-separated list such as \(option == "--widths" ? "0.03,0.06,0.12" : "400,500,600"))") }
                guard let value = Double(trimmed) else {
                    throw DataCommand.fail("\(option): `\(trimmed)` is not a number (expected a comma-separated list such as \(option == "--widths" ? "0.03,0.06,0.12" : "400,500,600"))")
                }
                return value
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read a HEPMASS CSV (.csv or .csv.gz), validate every row and write the binary cache.",
            discussion: """
            The cache is DIR/NAME.pnncache (NAME = the file name without .csv/.gz); see BinaryCache for its layout. \
            The published HEPMASS-IMB files, imbalanced_signal.csv and imbalanced_background.csv, are recognised \
            by their names and read by their header (columns type, f0…f26, mass in any order; type must be the file's class).
            """
        )
        @Argument(help: "HEPMASS-schema CSV file (or a published HEPMASS-IMB file), optionally gzip-compressed.") var file: String
        @Option(help: "Directory for the cache (created if needed).") var out: String
        @Option(help: "Mass (GeV) for files without a mass column (default: from the file name, e.g. 1000_train.csv).") var mass: Float?
        @Flag(help: "Also build HEPMASS-IMB from this (training) file: DIR/NAME_imb.pnncache.") var imbalanced = false
        @Option(help: "Seed of the HEPMASS-IMB signal subsampling.") var seed: UInt64 = 1
        @Option(help: "Worker threads (default: all cores).") var threads: Int?

        func run() throws {
            if imbalanced, let part = HEPMASSIMBFiles.Part(path: file) {
                throw DataCommand.fail("--imbalanced builds HEPMASS-IMB from HEPMASS's training file; \(file) is already the \(part.className) file of the published HEPMASS-IMB")
            }
            try DataCommand.guarded {
                let threads = max(1, self.threads ?? WorkerPool.availableCores)
                let t0 = MonotonicClock.now()
                let dataset = try DataCommand.loadDataset(file, mass: mass, threads: threads)
                let t1 = MonotonicClock.now()
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                print("read \(dataset.count) rows from \(file) in \(fmt(t1 - t0)) s (\(fmt(Double(size) / 1e6 / max(t1 - t0, 1e-9))) MB/s)")
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    throw DataError.unwritable(file: out, reason: "cannot create directory")
                }
                let path = BinaryCache.cachePath(for: file, in: out)
                try BinaryCache.write(dataset, to: path, threads: threads)
                print("wrote \(path) in \(fmt(MonotonicClock.now() - t1)) s")
                if imbalanced {
                    let imb = try HEPMASSIMBBuilder().build(from: dataset, seed: seed)
                    let imbPath = String(path.dropLast(BinaryCache.fileExtension.count + 1)) + "_imb." + BinaryCache.fileExtension
                    try BinaryCache.write(imb, to: imbPath, threads: threads)
                    print("wrote \(imbPath): HEPMASS-IMB, \(imb.count) rows, \(imb.signalCount) signal")
                }
            }
        }
    }

    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inspect",
            abstract: "Counts, correlations and histograms of a HEPMASS data file, or the points, processes and weights of a data set a suite declares.",
            discussion: """
            FILE: HEPMASS files, files of `bench data sim` without --masses, and the published HEPMASS-IMB files \
            (imbalanced_signal.csv, imbalanced_background.csv, recognised by name): class and mass counts, Pearson \
            correlations and per-mass histograms.

            --suite FILE.yaml --dataset NAME: reads a data set declared under `datasets:` exactly as a run reads it \
            (relative paths beside the suite, then in --data-dir) and prints its files with checksums, features, how the \
            parameters are scaled, and per signal point and background process the training and test events, the signed \
            weight sum Σw and the number of negative weights. Bad rows are reported with file and line (exit status 2).
            """
        )
        @Argument(help: "HEPMASS data file (.csv, .csv.gz or .pnncache).") var file: String?
        @Option(help: "Suite file (or name) declaring --dataset.") var suite: String?
        @Option(help: "Name of a data set under the suite's `datasets:`.") var dataset: String?
        @Option(help: "Folder where a declared data set's relative paths are looked up after the suite's folder.") var dataDir: String?
        @Option(help: "Folder holding Suites/ (for a suite given by name).") var root: String = "."
        @Option(help: "Feature to histogram (0…26; 26 = m_WWbb).") var feature = HEPMASSSchema.mWWbb
        @Option(help: "Histogram bins.") var bins = 20
        @Option(help: "Mass (GeV) for files without a mass column.") var mass: Float?
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "Worker threads (default: all cores).") var threads: Int?

        func run() throws {
            if suite != nil || dataset != nil {
                try inspectDeclared()
                return
            }
            guard let file else { throw DataCommand.fail("give a data FILE, or --suite FILE.yaml --dataset NAME") }
            guard (0..<HEPMASSSchema.featureCount).contains(feature) else { throw DataCommand.fail("--feature must be in 0…26, got \(feature)") }
            guard bins > 0 && bins <= 1000 else { throw DataCommand.fail("--bins must be in 1…1000, got \(bins)") }
            try DataCommand.guarded {
                let threads = max(1, self.threads ?? WorkerPool.availableCores)
                let t0 = MonotonicClock.now()
                let dataset = try DataCommand.loadDataset(file, mass: mass, threads: threads)
                let loadTime = MonotonicClock.now() - t0
                let stats = DatasetStatistics(dataset, threads: threads)
                let histogram = FeatureHistogram(dataset, feature: feature, bins: bins)
                if json {
                    print(DataInspection(file: file, loadSeconds: loadTime, stats: stats, histogram: histogram).jsonText())
                } else {
                    print(DataInspection(file: file, loadSeconds: loadTime, stats: stats, histogram: histogram).text())
                }
            }
        }

        private func inspectDeclared() throws {
            guard let suite, let dataset else { throw DataCommand.fail("--suite and --dataset go together") }
            guard file == nil else { throw DataCommand.fail("give either a data FILE or --suite/--dataset, not both") }
            let loadedSuite: Suite
            do {
                loadedSuite = try SuiteRegistry.load(suite: suite, directory: URL(fileURLWithPath: root).appendingPathComponent("Suites"))
            } catch let error as SuiteError {
                throw DataCommand.fail("\(error)")
            }
            guard let declaration = loadedSuite.datasets[dataset] else {
                let names = loadedSuite.datasets.keys.sorted()
                throw DataCommand.fail("\(loadedSuite.file) declares no data set '\(dataset)'" + (names.isEmpty ? " (it has no 'datasets:')" : "; it declares \(names.joined(separator: ", "))"))
            }
            try DataCommand.guarded {
                let t0 = MonotonicClock.now()
                let loaded = try DeclaredDatasetReader.load(declaration, directories: [loadedSuite.directory, dataDir].compactMap { $0 })
                let inspection = DeclaredDataInspection(declaration: declaration, loaded: loaded, loadSeconds: MonotonicClock.now() - t0)
                print(json ? inspection.jsonText() : inspection.text())
            }
        }
    }
}

func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

/// The printed form of `bench data inspect`.
struct DataInspection {
    let file: String
    let loadSeconds: Double
    let stats: DatasetStatistics
    let histogram: FeatureHistogram

    func text() -> String {
        var lines: [String] = []
        let s = stats
        lines.append("\(file): \(s.events) events (loaded in \(fmt(loadSeconds)) s)")
        lines.append("  signal \(s.signal) (\(fmt(100 * s.signalFraction, 1)) %), background \(s.background)")
        lines.append("")
        lines.append("  mass [GeV]      signal  background")
        for (k, m) in s.signalMasses.enumerated() {
            lines.append("  " + pad(String(Int(m)), 10) + pad(String(s.signalPerMass[k]), 12) + pad(String(s.backgroundPerMass[k]), 12))
        }
        lines.append("")
        lines.append("  Pearson correlations          vs m_WWbb   vs mass  vs label")
        for j in 0..<HEPMASSSchema.featureCount {
            let name = "f\(j) \(HEPMASSSchema.featureNames[j])"
            lines.append("  " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                + pad(fmt(s.correlationWithMWWbb[j], 3), 12) + pad(fmt(s.correlationWithMass[j], 3), 10) + pad(fmt(s.correlationWithLabel[j], 3), 10))
        }
        lines.append("  mass vs label: \(fmt(s.massLabelCorrelation, 3))")
        lines.append("")
        let h = histogram
        lines.append("  histogram of f\(h.feature) (\(HEPMASSSchema.featureNames[h.feature])), standardised units, fraction of each group per bin (%)")
        lines.append("  " + "bin from".padding(toLength: 10, withPad: " ", startingAt: 0) + h.groups.map { pad($0, 12) }.joined())
        let totals = h.counts.map { max(1, $0.reduce(0, +)) }
        for b in 0..<h.bins {
            var line = "  " + fmt(Double(h.edge(b)), 3).padding(toLength: 10, withPad: " ", startingAt: 0)
            for g in 0..<h.groups.count { line += pad(fmt(100 * Double(h.counts[g][b]) / Double(totals[g]), 1), 12) }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    func jsonText() -> String {
        let s = stats, h = histogram
        let object: [String: Any] = [
            "file": file, "events": s.events, "signal": s.signal, "background": s.background,
            "signal_masses": s.signalMasses.map(Double.init),
            "signal_per_mass": s.signalPerMass, "background_per_mass": s.backgroundPerMass,
            "feature_names": HEPMASSSchema.featureNames,
            "correlation_with_m_wwbb": s.correlationWithMWWbb, "correlation_with_mass": s.correlationWithMass,
            "correlation_with_label": s.correlationWithLabel, "mass_label_correlation": s.massLabelCorrelation,
            "histogram": ["feature": h.feature, "lower": Double(h.lower), "upper": Double(h.upper), "bins": h.bins,
                          "groups": h.groups, "counts": h.counts] as [String: Any],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Right-aligned in `width` characters, at least one space before it.
    private func pad(_ s: String, _ width: Int) -> String {
        " " + TextColumns.pad(s, width - 1, rightAligned: true)
    }
}
