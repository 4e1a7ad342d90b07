import Foundation
import PNNData
import Testing
@testable import PNNBench

/// Matrix expansion, templating, defaults, `sameAs` and selection, on `Fixtures/registry/valid.yaml`.
@Suite struct RegistryExpansionTests {
    let suite: Suite

    init() throws { suite = try RegistryFixtures.suite("valid") }

    @Test func expandsTheCartesianProductInFileOrder() {
        // 1 plain + 2×2×2 matrix in "tab"; 2 + 1 + 1 sameAs in "fig".
        #expect(suite.name == "valid")
        #expect(suite.experiments.count == 12)
        #expect(suite.entries.count == 13)
        let matrix = suite.experiments.filter { $0.reproduces.artifact == "tab" && $0.model.isParametric }
        #expect(matrix.map(\.id) == [
            "tab/pnn-none-identical-fixed", "tab/pnn-none-uniform-sampled", "tab/pnn-class-identical-fixed", "tab/pnn-class-uniform-sampled",
            "tab/affine-none-identical-fixed", "tab/affine-none-uniform-sampled", "tab/affine-class-identical-fixed", "tab/affine-class-uniform-sampled",
        ])
        #expect(matrix.map(\.reproduces.row) == [
            "pNN | Identical (fixed)", "pNN | Uniform (sampled)", "pNN (class) | Identical (fixed)", "pNN (class) | Uniform (sampled)",
            "Affine | Identical (fixed)", "Affine | Uniform (sampled)", "Affine (class) | Identical (fixed)", "Affine (class) | Uniform (sampled)",
        ])
        #expect(matrix[2].model == .pnn && matrix[2].balance == .class && matrix[2].backgroundMass == .identicalFixed)
        #expect(matrix[2].dataset == .hepmassIMB)
        #expect(matrix[2].description == "pnn with class")
        #expect(matrix[0].description == "pnn with no balance")
    }

    @Test func defaults() throws {
        let single = try #require(suite.experiment(id: "tab/single"))
        #expect(single.backgroundMass == .identicalFixed)
        #expect(single.balance == .none && single.trainMasses == nil && single.regularized && single.batchSize == nil)
        #expect(single.description == nil)
    }

    @Test func templatedNumbersAndTrainMasses() throws {
        let without500 = try #require(suite.experiment(id: "fig/pnn-without-500"))
        #expect(without500.trainMasses == [750, 1000])
        #expect(without500.reproduces == PaperReference(artifact: "fig", row: "pNN | without 500"))
        #expect(!without500.regularized && without500.batchSize == 4096)
        #expect(suite.experiment(id: "fig/pnn-without-1000")?.trainMasses == [500, 750])
        #expect(suite.experiment(id: "fig/pnn-only-750")?.trainMasses == [750])
    }

    @Test func sameAsReusesTheExperiment() throws {
        let alias = try #require(suite.entries.first { $0.id == "fig/single" })
        #expect(alias.isAlias && alias.experimentID == "tab/single")
        #expect(suite.experiment(id: "fig/single")?.id == "tab/single")
        #expect(suite.experiment(reproducing: PaperReference(artifact: "fig", row: "Single-NN | None"))?.id == "tab/single")
        #expect(!suite.experiments.contains { $0.id == "fig/single" })
    }

    @Test func globSelection() throws {
        #expect(try suite.select(patterns: ["tab/affine-*"]).count == 4)
        #expect(try suite.select(patterns: ["*-class-*"]).count == 4)
        #expect(try suite.select(patterns: ["tab/pnn-none-identical-fixed"]).map(\.id) == ["tab/pnn-none-identical-fixed"])
        #expect(try suite.select(patterns: ["fig/pnn-without-?00"]).map(\.id) == ["fig/pnn-without-500"])
        // An artifact id selects its rows; a sameAs row selects the experiment it reuses, once.
        #expect(try suite.select(patterns: ["fig"]).map(\.id) == ["tab/single", "fig/pnn-without-500", "fig/pnn-without-1000", "fig/pnn-only-750"])
        #expect(try suite.select(patterns: ["fig/single", "tab/single"]).map(\.id) == ["tab/single"])
        #expect(try suite.selectEntries(patterns: ["fig/*"]).count == 4)
    }

    @Test func selectionMatchingNothingIsAnError() {
        do {
            _ = try suite.select(patterns: ["tab/*", "tabel/*"])
            Issue.record("should fail")
        } catch let e as SuiteError {
            #expect(e.kind == .noMatch)
            #expect(e.message.contains("no experiment of suite 'valid' matches 'tabel/*'"))
            #expect(e.message.contains("artifacts are tab, fig"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func globMatching() {
        #expect(Glob.matches("*", "a/b"))
        #expect(Glob.matches("table5/*", "table5/pnn-none-identical-fixed"))
        #expect(!Glob.matches("table5/*", "table50"))
        #expect(Glob.matches("*/affine-*-uniform-*", "table5/affine-full-uniform-sampled"))
        #expect(!Glob.matches("table?", "table10"))
        #expect(Glob.matches("a*b*c", "aXbYbZc"))
        #expect(!Glob.matches("a*b", "aXbY"))
    }

    @Test func paperLabels() {
        #expect(ModelKind.pnnLinear.paperLabel == "pNN (linear)")
        #expect(ModelKind.individual.paperLabel == "Individual-NNs")
        #expect(BackgroundMassMode.uniformSampled.paperLabel == "Uniform (sampled)")
        #expect(BalanceMode.none.paperSuffix == "" && BalanceMode.full.paperSuffix == " (full)")
    }
}
