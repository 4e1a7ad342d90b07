import Foundation
import Testing
@testable import PNNBench

@Suite struct RegistryScaleTests {
    @Test func parsesScales() throws {
        let text = try String(contentsOf: RegistryFixtures.url("scales-valid"), encoding: .utf8)
        let scales = try ScaleRegistry.parse(yaml: text, file: "scales-valid.yaml")
        #expect(scales == [
            Scale(name: "tiny", trainEvents: 1000, testEvents: 500, epochs: 1, batchSize: 64),
            Scale(name: "full", trainEvents: nil, testEvents: nil, epochs: 25, batchSize: 1024, description: "Whole files."),
        ])
    }

    @Test func badValueNamesLine() throws {
        let text = try String(contentsOf: RegistryFixtures.url("scales-bad"), encoding: .utf8)
        #expect {
            try ScaleRegistry.parse(yaml: text, file: "Suites/scales.yaml")
        } throws: { error in
            "\(error)" == "Suites/scales.yaml:4: 'epochs' of scale 'tiny' must be a whole number, found 'two'"
        }
    }

    @Test(arguments: [
        ("tiny:\n  trainEvents: 10\n  testEvents: 5\n  epochs: 1\n  batchSize: 8\n  epoch: 2\n", 6, "unknown key 'epoch' in scale 'tiny'"),
        ("tiny:\n  trainEvents: 10\n  epochs: 1\n  batchSize: 8\n", 2, "scale 'tiny' needs 'testEvents'"),
        ("tiny:\n  trainEvents: -10\n  testEvents: 5\n  epochs: 1\n  batchSize: 8\n", 2, "'trainEvents' of scale 'tiny' must be positive or null"),
        ("tiny:\n  trainEvents: 10\n  testEvents: 5\n  epochs: 1\n  batchSize: 0\n", 5, "'batchSize' of scale 'tiny' must be positive"),
        ("tiny: [1, 2]\n", 1, "scale 'tiny' must be a mapping"),
    ])
    func validation(yaml: String, line: Int, fragment: String) {
        do {
            _ = try ScaleRegistry.parse(yaml: yaml, file: "s.yaml")
            Issue.record("should fail: \(yaml)")
        } catch let e as SuiteError {
            #expect(e.line == line, "\(e)")
            #expect(e.message.contains(fragment), "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownScaleListsAvailable() {
        do {
            _ = try ScaleRegistry.load(scale: "smok", directory: RegistryFixtures.suitesDirectory)
            Issue.record("should fail")
        } catch {
            #expect("\(error)".hasSuffix("scales.yaml: no scale 'smok'; available: smoke, default, defaultpaperimb, medium, large, paper (did you mean 'smoke'?)"), "\(error)")
        }
    }
}
