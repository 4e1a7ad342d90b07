import Foundation
import PNNData
import Testing
@testable import PNNBench

/// Writes small real-data folders: HEPMASS's files from the simulator, and the published
/// HEPMASS-IMB files in the authors' format (`type`, features, `mass`; `name` in the
/// background file, columns in another order there).
enum PublishedIMBFixtures {
    static let scale = Scale(name: "files", trainEvents: nil, testEvents: nil, epochs: 1, batchSize: 256)

    /// A folder with all_train.csv and all_test.csv, and the published files when `published`.
    static func folder(published: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-imb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let simulator = HEPMASSSimulator()
        try CSVWriter.write(simulator.generate(.balanced(events: 3000), seed: 1, threads: 2), to: dir + "/all_train.csv")
        try CSVWriter.write(simulator.generate(.balanced(events: 2000), seed: 2, threads: 2), to: dir + "/all_test.csv")
        if published { try writePublished(simulator.generate(.imbalanced(events: 4034), seed: 3, threads: 2), in: dir) }
        return dir
    }

    static func writePublished(_ d: EventDataset, in dir: String) throws {
        let features = (0..<27).map { "f\($0)" }
        func row(_ i: Int) -> [String] { (0..<27).map { "\(d.feature(i, $0))" } }
        func mass(_ i: Int) -> String { d.mass[i] == 500 ? "499.99997" : "\(d.mass[i])" }
        var signal = [(["type"] + features + ["mass"]).joined(separator: ",")]
        var background = [(["name", "mass"] + features + ["type"]).joined(separator: ",")]
        for i in 0..<d.count {
            if d.label[i] == 1 {
                signal.append((["1.0"] + row(i) + [mass(i)]).joined(separator: ","))
            } else {
                background.append((["ttbar", mass(i)] + row(i) + ["0.0"]).joined(separator: ","))
            }
        }
        try (signal.joined(separator: "\n") + "\n").write(toFile: dir + "/imbalanced_signal.csv", atomically: true, encoding: .utf8)
        try (background.joined(separator: "\n") + "\n").write(toFile: dir + "/imbalanced_background.csv", atomically: true, encoding: .utf8)
    }
}

@Suite struct PublishedIMBTests {
    @Test func publishedFilesAreReadAndNamedInTheIdentity() throws {
        let dir = try PublishedIMBFixtures.folder(published: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let provider = DatasetProvider(source: .hepmassIMB(directory: dir), scale: PublishedIMBFixtures.scale, threads: 2)
        #expect(try provider.hepmassIMBOrigin() == .published(signal: dir + "/imbalanced_signal.csv", background: dir + "/imbalanced_background.csv"))
        let summary = try provider.summary()
        #expect(summary.hasPrefix("hepmass-imb (HEPMASS-IMB from the published files \(dir)/imbalanced_signal.csv and"), "\(summary)")

        let imb = try provider.data(.hepmassIMB)
        let published = try HEPMASSIMBFiles.load(signal: dir + "/imbalanced_signal.csv", background: dir + "/imbalanced_background.csv")
        #expect(imb.train.features == published.features && imb.train.label == published.label && imb.train.mass == published.mass)
        #expect(imb.train.signalCount == 350 + 140 + 35 + 7 + 2)
        #expect(imb.test.count == 2000)
        #expect(imb.identity.source == "hepmass-imb")
        #expect(imb.identity.description.contains("published files"))
        #expect(imb.identity.fingerprint.hasPrefix("hepmass-imb published train=4034 test=2000 "))

        // HEPMASS's own experiments read all_train as with --data hepmass: same identity, same results.
        let hepmass = DatasetProvider(source: .hepmass(directory: dir), scale: PublishedIMBFixtures.scale, threads: 2)
        #expect(try provider.identity(.hepmass) == hepmass.identity(.hepmass))
        #expect(try hepmass.hepmassIMBOrigin() == .built)
        #expect(try hepmass.summary() == "hepmass")
    }

    /// Without the published files HEPMASS-IMB is built from all_train as with --data
    /// hepmass — which these 3000 events are too few for, so both fail the same way.
    @Test func withoutPublishedFilesHEPMASSIMBIsBuilt() throws {
        let dir = try PublishedIMBFixtures.folder(published: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let provider = DatasetProvider(source: .hepmassIMB(directory: dir), scale: PublishedIMBFixtures.scale, threads: 2)
        #expect(try provider.hepmassIMBOrigin() == .built)
        #expect(try provider.summary() == "hepmass-imb (no published HEPMASS-IMB files in \(dir): HEPMASS-IMB built from HEPMASS's training file)")
        let hepmass = DatasetProvider(source: .hepmass(directory: dir), scale: PublishedIMBFixtures.scale, threads: 2)
        let built = try #require(throws: DataError.self) { try provider.data(.hepmassIMB) }
        let same = try #require(throws: DataError.self) { try hepmass.data(.hepmassIMB) }
        #expect(built == same)
        #expect(built.description.contains("HEPMASS-IMB needs 350000 signal events"))
    }

    @Test func halfAPublishedSetStopsTheRun() throws {
        let dir = try PublishedIMBFixtures.folder(published: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.removeItem(atPath: dir + "/imbalanced_background.csv")
        let provider = DatasetProvider(source: .hepmassIMB(directory: dir), scale: PublishedIMBFixtures.scale, threads: 2)
        let error = try #require(throws: DataError.self) { try provider.summary() }
        #expect(error.description.contains("imbalanced_signal.csv is there but its companion is not"), "\(error)")
    }

    @Test func resultSourcesFollowTheFolder() throws {
        let without = try PublishedIMBFixtures.folder(published: false)
        let with = try PublishedIMBFixtures.folder(published: true)
        defer { for dir in [without, with] { try? FileManager.default.removeItem(atPath: dir) } }
        #expect(DataChoice.sim.resultSources(dataDirectory: nil) == ["sim"])
        #expect(DataChoice.hepmass.resultSources(dataDirectory: with) == ["hepmass"])
        #expect(DataChoice.hepmassIMB.resultSources(dataDirectory: with) == ["hepmass-imb", "hepmass"])
        #expect(DataChoice.hepmassIMB.resultSources(dataDirectory: nil) == ["hepmass-imb", "hepmass"])
        #expect(DataChoice.hepmassIMB.resultSources(dataDirectory: without) == ["hepmass"])
        #expect(throws: PipelineError.self) { try DataChoice.hepmassIMB.source(dataDirectory: nil) }
        #expect(try DataChoice.hepmassIMB.source(dataDirectory: with) == .hepmassIMB(directory: with))
    }

    static let hepmass = DataIdentity(source: "hepmass", description: "HEPMASS-IMB from d", fingerprint: "built")
    static let published = DataIdentity(source: "hepmass-imb", description: "HEPMASS-IMB from the published files", fingerprint: "published")

    @Test func selectionSummaryNamesBothSources() {
        #expect(ResultSelection(scale: "smoke", dataSources: ["hepmass-imb", "hepmass"]).summary == "scale smoke, data hepmass-imb or hepmass")
    }

    @Test func bannerSaysWhereHEPMASSIMBCameFrom() throws {
        let suite = try ReportFixtures.suite()
        func results(_ source: (ExperimentSpec) -> DataIdentity) -> [RunResult] {
            ReportFixtures.results(suite).map { r in
                var r = r
                r.data = r.spec.dataset == .hepmassIMB ? source(r.spec) : DataIdentity(source: "hepmass", description: "HEPMASS from d", fingerprint: "h")
                return r
            }
        }
        let published = try ReportFixtures.builder(results: results { _ in Self.published }, suite: suite, data: .hepmassIMB).banner()
        #expect(published.contains("- **HEPMASS-IMB:** the authors' published files (Zenodo record 6453048"), "\(published)")
        let built = try ReportFixtures.builder(results: results { _ in Self.hepmass }, suite: suite, data: .hepmassIMB).banner()
        #expect(built.contains("- **HEPMASS-IMB:** built from HEPMASS's training file") && built.contains("the published files were not in the data folder"))
        let first = try #require(suite.experiments.first { $0.dataset == .hepmassIMB })
        let mixed = try ReportFixtures.builder(results: results { $0.id == first.id ? Self.published : Self.hepmass }, suite: suite, data: .hepmassIMB).banner()
        #expect(mixed.contains("- **HEPMASS-IMB:** mixed — 1 of "), "\(mixed)")
        let sim = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite).banner()
        #expect(!sim.contains("**HEPMASS-IMB:**"))
    }
}
