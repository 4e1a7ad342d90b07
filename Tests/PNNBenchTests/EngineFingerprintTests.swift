import Foundation
import PNNData
import PNNEngine
import Testing
@testable import PNNBench

/// The engine's numerics are pinned: a tiny deterministic training and evaluation of every
/// model kind (single, individual, pnn, pnn-linear, affine, affine-unit-scale, and each
/// conditioning mechanism at each place) on a two-parameter data set, hashed over the result files'
/// bytes, must give `EngineVersion.resultFingerprints[EngineVersion.current]`. A change of
/// any result bit fails here until the version is bumped and the new hash pinned, so old
/// and new results can never share a key.
@Suite struct EngineFingerprintTests {
    static let scalesYAML = """
        pin:
          trainEvents: null
          testEvents: null
          epochs: 2
          batchSize: 64
        """

    static let suiteYAML = """
        description: Every model kind once, for the engine's fingerprint.
        datasets:
          grid:
            signal: signal.csv
            background: background.csv
            parameters: [mX, mY]
            points: found
            weight: weight
            process: process
            negativeWeights: keep
        artifacts:
          pin: "Engine fingerprint"
        experiments:
          - id: pin/{model}
            matrix:
              model: [single, individual]
            artifact: pin
            row: "{model}"
            dataset: grid
            balance: class
          - id: pin/{model}
            matrix:
              model: [pnn, pnn-linear, affine, affine-unit-scale]
            artifact: pin
            row: "{model}"
            dataset: grid
            backgroundMass: identical-sampled
            balance: class
            trainPoints: [[400, 50], [600, 100], [800, 150], [400, 150], [800, 50]]
          - id: pin/{conditioning}-{place}
            matrix:
              conditioning: [concat, biasing, scaling, affine]
              place: [start, all, end]
            artifact: pin
            row: "{conditioning} {place}"
            dataset: grid
            model: conditioned
            backgroundMass: uniform-sampled
            balance: class

        """

    /// FNV-1a 64 (hex) over the canonical result files, in the suite's order, with the
    /// key and engine version blanked (they name the version; the hash is of its bits) and
    /// the training conditions left out: one hash over the kinds the version was pinned
    /// with, and one per kind added to it since (`EngineVersion.addedKindFingerprints`).
    static func fingerprint() throws -> (hash: String, added: [String: String], experiments: [String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-engine-fingerprint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let suites = root.appendingPathComponent("Suites"), data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        try scalesYAML.write(to: suites.appendingPathComponent("scales.yaml"), atomically: true, encoding: .utf8)
        try DeclaredDataFixture.write(to: data, parameters: 2, signalPerPoint: 60, background: 900, seed: 11)
        let suite = data.appendingPathComponent("pin.yaml")
        try suiteYAML.write(to: suite, atomically: true, encoding: .utf8)
        let pipeline = try BenchPipeline(PipelineConfiguration(
            suite: suite.path, scale: "pin", data: .sim, dataDirectory: nil, seeds: try ReplicateSeeds([7]), threads: 2,
            root: root, workDirectory: root.appendingPathComponent("work")))
        let results = try pipeline.run(pipeline.suite.experiments, force: false)
        let addedKinds = Set((EngineVersion.addedKindFingerprints[EngineVersion.current] ?? [:]).keys)
        var hash = FNV1a64(), added: [String: FNV1a64] = [:]
        for var result in results {
            result.key = ""
            result.engineVersion = ""
            // Event counts follow from the data and the split, not from the engine.
            for i in result.training.indices { result.training[i].conditions = nil }
            let bytes = try CanonicalJSON.fileData(result)
            if addedKinds.contains(result.spec.model.rawValue) {
                added[result.spec.model.rawValue, default: FNV1a64()].combine(bytes)
            } else {
                hash.combine(bytes)
            }
        }
        return (FNV1a64.hex(hash.value), added.mapValues { FNV1a64.hex($0.value) }, results.map(\.spec.id))
    }

    @Test func resultsMatchThePinnedFingerprint() throws {
        let (hash, added, experiments) = try Self.fingerprint()
        let expectedKinds = ModelKind.allCases.count - 1 + (ConditioningKind.allCases.count - 1) * ConditioningPlace.allCases.count
        #expect(experiments.count == expectedKinds, "one experiment per model kind and conditioning variant: \(experiments)")
        let pinned = EngineVersion.resultFingerprints[EngineVersion.current]
        #expect(hash == pinned, """
            The engine's result bits changed (fingerprint \(hash), pinned for \(EngineVersion.current): \(pinned ?? "none")). \
            If the change is meant to alter results, bump EngineVersion.current and pin \
            resultFingerprints["<new version>"] = "\(hash)" in Sources/PNNEngine/EngineVersion.swift; \
            if it is not, it is a bug: results must stay bit for bit.
            """)
        let pinnedAdded = EngineVersion.addedKindFingerprints[EngineVersion.current] ?? [:]
        #expect(added == pinnedAdded, "the added model kinds' fingerprints \(added), pinned: \(pinnedAdded)")
    }

    /// A bump without a new pin, or a re-pin without a bump, shows as two versions with one fingerprint.
    @Test func everyVersionHasItsOwnFingerprint() {
        let values = Array(EngineVersion.resultFingerprints.values)
        #expect(Set(values).count == values.count, "two engine versions pinned to the same result bits: \(EngineVersion.resultFingerprints)")
        #expect(EngineVersion.resultFingerprints[EngineVersion.current] != nil, "no fingerprint pinned for \(EngineVersion.current)")
    }
}
