import Foundation
import PNNEngine
import Testing
@testable import PNNBench

/// `model: conditioned` with `conditioning` and `place`: what the registry accepts, and
/// that the paper's two parametric models are the conditioned networks of the same
/// mechanism and placement (the same layers, hence the same training bit for bit).
@Suite struct ConditionedModelTests {
    static func suite(_ entry: String) throws -> Suite {
        let yaml = """
            masses: [500, 750, 1000, 1250, 1500]
            artifacts:
              tab: "T"
            experiments:
              - id: tab/x
                artifact: tab
                row: "X"
                dataset: hepmass-imb
                backgroundMass: identical-sampled
            \(entry)
            """
        return try SuiteRegistry.parse(yaml: yaml, name: "t", file: "t.yaml")
    }

    static func error(_ entry: String) -> SuiteError? {
        do { _ = try suite(entry); return nil } catch let error as SuiteError { return error } catch { return nil }
    }

    @Test func conditionedNeedsBothKeysAndOnlyIt() throws {
        let spec = try Self.suite("    model: conditioned\n    conditioning: scaling\n    place: end").experiments[0]
        #expect(spec.conditioning == .scaling && spec.place == .end)
        #expect(spec.training.architecture == ArchitectureSpec(conditioning: .scaling, conditioningPlace: .end))
        let missing = Self.error("    model: conditioned\n    conditioning: scaling")
        #expect(missing?.kind == .missingKey && missing?.line == 5 && missing?.description.contains("needs 'place'") == true)
        let none = Self.error("    model: conditioned\n    conditioning: none\n    place: all")
        #expect(none?.kind == .badValue && none?.line == 11 && none?.description.contains("expected one of: concat, biasing, scaling, affine") == true)
        let misplaced = Self.error("    model: pnn\n    place: all")
        #expect(misplaced?.kind == .badValue && misplaced?.line == 11 && misplaced?.description.contains("for model 'conditioned' only") == true)
        let badPlace = Self.error("    model: conditioned\n    conditioning: affine\n    place: middle")
        #expect(badPlace?.description.contains("'place' of experiment 'tab/x' is 'middle'") == true)
    }

    @Test func paperModelsAreConditionedNetworks() {
        func training(_ model: ModelKind, _ kind: ConditioningKind? = nil, _ place: ConditioningPlace? = nil, regularized: Bool = true) -> TrainingDefinition {
            TrainingDefinition(dataset: .hepmass, model: model, backgroundMass: .identicalSampled, balance: .class, trainMasses: nil,
                               regularized: regularized, batchSize: nil, conditioning: kind, place: place)
        }
        #expect(training(.conditioned, .concat, .start).architecture == training(.pnn).architecture)
        #expect(training(.conditioned, .affine, .all).architecture == training(.affine).architecture)
        #expect(training(.conditioned, .affine, .all, regularized: false).architecture == training(.affine, regularized: false).architecture)
        #expect(training(.conditioned, .biasing, .all).architecture != training(.affine).architecture)
        // The key material of the other models is unchanged: no conditioning keys appear.
        let encoded = String(decoding: try! JSONEncoder().encode(training(.pnn)), as: UTF8.self)
        #expect(!encoded.contains("conditioning") && !encoded.contains("place"))
    }
}
