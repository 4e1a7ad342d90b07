import Foundation
import Testing
import PNNData
import PNNEngine
@testable import PNNBench

@Suite struct ResultStoreTests {
    let timing = RunTiming(trainingSeconds: 12.5, evaluationSeconds: 1.25, samplesPerSecond: 48000, threads: 2)

    @Test func roundTripAndTiming() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ResultStore(directory: dir.appendingPathComponent("results"))
        let results = CompareFixtures.smokeResults
        for r in results { try store.save(r, timing: timing) }
        #expect(store.load(key: results[0].key) == results[0])
        #expect(store.timing(key: results[1].key) == timing)
        #expect(store.load(key: "no-such-key") == nil)
        #expect(store.all() == results.sorted { $0.key < $1.key })
    }

    @Test func equalResultsGiveIdenticalBytes() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = ResultStore(directory: dir.appendingPathComponent("a")), b = ResultStore(directory: dir.appendingPathComponent("b"))
        let result = CompareFixtures.smokeResults[0]
        try a.save(result, timing: timing)
        let first = try Data(contentsOf: a.resultURL(key: result.key))
        try a.save(result, timing: RunTiming(trainingSeconds: 99, evaluationSeconds: 9, samplesPerSecond: 1, threads: 1))
        try b.save(CompareFixtures.smokeResults[0], timing: timing)
        #expect(try Data(contentsOf: a.resultURL(key: result.key)) == first)
        #expect(try Data(contentsOf: b.resultURL(key: result.key)) == first)
        // Sorted keys, so the bytes do not depend on declaration or hash order.
        let text = String(decoding: first, as: UTF8.self)
        let engine = try #require(text.range(of: "\"engineVersion\"")), key = try #require(text.range(of: "\"key\""))
        #expect(engine.lowerBound < key.lowerBound)
        #expect(text.hasSuffix("}\n"))
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.directory.path).sorted()
                == [result.key + ".json", result.key + ".timing.json"])
    }

    @Test func nonFiniteValuesSurvive() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ResultStore(directory: dir)
        var result = CompareFixtures.smokeResults[0]
        result.perMass[0].sigmaRatio = .nan
        result.perMass[1].bestCut = .infinity
        try store.save(result, timing: timing)
        let loaded = try #require(store.load(key: result.key))
        #expect(loaded.perMass[0].sigmaRatio.isNaN)
        #expect(loaded.perMass[1].bestCut == .infinity)
    }

    @Test func unreadableFilesAreSkippedWithTheirName() throws {
        let dir = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = WarningLog()
        let store = ResultStore(directory: dir, warn: { log.append($0) })
        let good = CompareFixtures.smokeResults[0]
        try store.save(good, timing: timing)
        try Data("{\"key\": \"broken\", ".utf8).write(to: dir.appendingPathComponent("broken.json"))
        try Data("{}".utf8).write(to: dir.appendingPathComponent("empty.json"))
        try Data("{}".utf8).write(to: dir.appendingPathComponent(".x.json.tmp-1-2"))  // a write in progress
        // A valid result under another file name.
        try FileManager.default.copyItem(at: store.resultURL(key: good.key), to: dir.appendingPathComponent("renamed.json"))
        #expect(store.all() == [good])
        let warnings = log.all
        #expect(warnings.count == 3)
        #expect(warnings.contains { $0.contains("broken.json") && $0.contains("not a valid result file") })
        #expect(warnings.contains { $0.contains("empty.json") && $0.contains("missing field") })
        #expect(warnings.contains { $0.contains("renamed.json") && $0.contains(good.key) })
        #expect(store.load(key: "broken") == nil)
    }

    @Test func missingFolderMeansNoResults() {
        let store = ResultStore(directory: URL(fileURLWithPath: "/nonexistent/pnnbench/results"), warn: { _ in Issue.record("no warning expected") })
        #expect(store.all().isEmpty)
    }
}

@Suite struct ResultStoreKeyTests {
    let spec = ExperimentSpec(id: "table5/affine-class-identical-sampled", reproduces: PaperReference(artifact: "table5", row: "Affine (class) | Identical (sampled)"),
                              training: TrainingDefinition(dataset: .hepmassIMB, model: .affine, backgroundMass: .identicalSampled, balance: .class,
                                                                    trainMasses: nil, regularized: true, batchSize: nil), description: nil)
    let scale = Scale(name: "default", trainEvents: 400_000, testEvents: 200_000, epochs: 10, batchSize: 1024, description: "CI")
    let data = DataIdentity(source: "sim", description: "HEPMASS-SIM (imbalanced)", fingerprint: "abc123")

    func key(_ spec: ExperimentSpec? = nil, scale: Scale? = nil, data: DataIdentity? = nil, seed: UInt64 = 42, engine: String = "1.0") -> String {
        ResultStore.key(spec: spec ?? self.spec, scale: scale ?? self.scale, data: data ?? self.data, seed: seed, engineVersion: engine)
    }

    @Test func stableAndReadable() {
        let k = key()
        #expect(k == key())
        #expect(k.hasPrefix("table5_affine-class-identical-sampled-"))
        let hex = k.suffix(16)
        #expect(hex.count == 16 && hex.allSatisfy { $0.isHexDigit })
        // Pinned: the key must not change between builds, machines or Swift versions, or
        // every stored result would be retrained (change it only with KeyMaterial.keyFormat).
        // Computed independently as FNV-1a 64 of the compact sorted-key JSON
        // {"data":{"description":"HEPMASS-SIM (imbalanced)","fingerprint":"abc123","source":"sim"},
        //  "engineVersion":"1.0","keyFormat":1,"scale":{"batchSize":1024,"epochs":10,"name":"default",
        //  "testEvents":200000,"trainEvents":400000},"seed":42,"spec":{"backgroundMass":"identical-sampled",
        //  "balance":"class","dataset":"hepmass-imb","id":"table5/affine-class-identical-sampled",
        //  "model":"affine","regularized":true,"reproduces":{"artifact":"table5",
        //  "row":"Affine (class) | Identical (sampled)"}}}
        #expect(k == "table5_affine-class-identical-sampled-a9fab10059699b17")
    }

    @Test func everyInputFieldChangesTheKey() {
        let base = key()
        var variants: [String: String] = [:]
        func change(_ name: String, _ edit: (inout ExperimentSpec) -> Void) {
            var s = spec
            edit(&s)
            variants["spec." + name] = key(s)
        }
        change("id") { $0.id = "table5/other" }
        change("artifact") { $0.reproduces.artifact = "table4" }
        change("row") { $0.reproduces.row = "Affine | Identical (sampled)" }
        change("dataset") { $0.dataset = .hepmass }
        change("model") { $0.model = .pnn }
        change("backgroundMass") { $0.backgroundMass = .uniformSampled }
        change("balance") { $0.balance = .full }
        change("trainMasses") { $0.trainMasses = [500, 1500] }
        change("trainMasses order") { $0.trainMasses = [1500, 500] }
        change("trainPoints") { $0.trainPoints = [[500]] }
        change("regularized") { $0.regularized = false }
        change("batchSize") { $0.batchSize = 4096 }
        change("conditioning") { $0.model = .conditioned; $0.conditioning = .biasing; $0.place = .all }
        change("place") { $0.model = .conditioned; $0.conditioning = .biasing; $0.place = .end }
        func changeScale(_ name: String, _ edit: (inout Scale) -> Void) {
            var s = scale
            edit(&s)
            variants["scale." + name] = key(scale: s)
        }
        changeScale("name") { $0.name = "smoke" }
        changeScale("trainEvents") { $0.trainEvents = nil }
        changeScale("testEvents") { $0.testEvents = 1 }
        changeScale("epochs") { $0.epochs = 11 }
        changeScale("batchSize") { $0.batchSize = 512 }
        changeScale("imbSignal") { $0.imbSignal = .paper }
        variants["data.source"] = key(data: DataIdentity(source: "hepmass", description: data.description, fingerprint: data.fingerprint))
        variants["data.description"] = key(data: DataIdentity(source: "sim", description: "x", fingerprint: data.fingerprint))
        variants["data.fingerprint"] = key(data: DataIdentity(source: "sim", description: data.description, fingerprint: "abc124"))
        variants["seed"] = key(seed: 43)
        variants["engineVersion"] = key(engine: "1.1")
        for (name, k) in variants { #expect(k != base, "changing \(name) kept the key") }
        // Every field of the training definition is varied above: a new field fails here
        // until it is added.
        let trainingFields = Mirror(reflecting: spec.training).children.compactMap(\.label)
        for field in trainingFields { #expect(variants["spec." + field] != nil, "training field \(field) is not varied") }
        let scaleFields = Mirror(reflecting: scale).children.compactMap(\.label).filter { $0 != "description" }
        for field in scaleFields { #expect(variants["scale." + field] != nil, "scale field \(field) is not varied") }
        // All distinct from each other too (except the two trainMasses orders, which are
        // different specs and must differ as well).
        #expect(Set(variants.values).count == variants.count)
    }

    @Test func descriptionsDoNotChangeTheKey() {
        var s = spec
        s.description = "reworded"
        var sc = scale
        sc.description = "reworded"
        #expect(key(s, scale: sc) == key())
    }

    @Test func fnvReferenceValues() {
        // Published FNV-1a 64 test vectors.
        #expect(FNV1a64.hash(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(FNV1a64.hex(0xab) == "00000000000000ab")
    }
}
