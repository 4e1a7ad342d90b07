import Foundation
import PNNData
import Testing
@testable import PNNBench

/// The real `Suites/paper.yaml`: it loads, and it declares every experiment of the paper.
@Suite struct RegistryPaperSuiteTests {
    let suite: Suite

    init() throws {
        suite = try SuiteRegistry.load(suite: "paper", directory: RegistryFixtures.suitesDirectory)
    }

    @Test func declaresEveryArtifactInPaperOrder() {
        #expect(suite.artifacts.map(\.id) == ["table3", "table4", "table5", "fig9", "fig10", "fig13",
                                              "fig14a", "fig14b", "fig14c", "fig15"])
        #expect(suite.masses == [500, 750, 1000, 1250, 1500])
    }

    /// Rows per artifact, and how many of them train their own network (the rest reuse one
    /// with `sameAs`).
    @Test(arguments: [
        ("table3", 11, 11), ("table4", 6, 6), ("table5", 26, 26),
        ("fig9", 6, 5), ("fig10", 6, 5), ("fig13", 3, 0),
        ("fig14a", 2, 2), ("fig14b", 2, 2), ("fig14c", 3, 1), ("fig15", 2, 0),
    ])
    func countsPerArtifact(artifact: String, rows: Int, trained: Int) {
        let entries = suite.entries(of: artifact)
        #expect(entries.count == rows)
        #expect(entries.filter { !$0.isAlias }.count == trained)
        #expect(suite.experiments.filter { $0.reproduces.artifact == artifact }.count == trained)
    }

    @Test func totalsAndUniqueness() {
        #expect(suite.experiments.count == 58)
        #expect(suite.entries.count == 67)
        #expect(Set(suite.entries.map(\.id)).count == suite.entries.count)
        #expect(Set(suite.entries.map(\.reproduces)).count == suite.entries.count)
        for entry in suite.entries {
            #expect(entry.id.hasPrefix(entry.reproduces.artifact + "/"), "\(entry.id)")
            #expect(suite.experiment(id: entry.experimentID) != nil, "\(entry.id)")
        }
    }

    /// Row labels exactly as the paper's tables print them, in the paper's order.
    @Test func table3Rows() {
        #expect(suite.entries(of: "table3").map(\.reproduces.row) == [
            "Single-NN | None", "Individual-NNs | None", "pNN (linear) | Identical (fixed)",
            "pNN | Uniform (fixed)", "Affine | Uniform (fixed)", "pNN | Uniform (sampled)", "Affine | Uniform (sampled)",
            "pNN | Identical (fixed)", "Affine | Identical (fixed)", "pNN | Identical (sampled)", "Affine | Identical (sampled)",
        ])
        for spec in suite.experiments where spec.reproduces.artifact == "table3" {
            #expect(spec.dataset == .hepmass && spec.balance == .none && spec.trainMasses == nil && spec.regularized)
        }
    }

    @Test func table4Rows() {
        #expect(suite.entries(of: "table4").map(\.reproduces.row) == [
            "pNN | Identical (sampled)", "pNN (class) | Identical (sampled)", "pNN (full) | Identical (sampled)",
            "Affine | Identical (sampled)", "Affine (class) | Identical (sampled)", "Affine (full) | Identical (sampled)",
        ])
        for spec in suite.experiments where spec.reproduces.artifact == "table4" {
            #expect(spec.dataset == .hepmassIMB)
            #expect(spec.backgroundMass == .identicalSampled)
            #expect(spec.trainMasses == [500, 1500])
        }
    }

    @Test func table5Rows() throws {
        let rows = suite.entries(of: "table5").map(\.reproduces.row)
        #expect(rows.prefix(2) == ["Single-NN | None", "Individual-NNs | None"])
        var expected: [String] = []
        for mass in ["Identical (fixed)", "Identical (sampled)", "Uniform (fixed)", "Uniform (sampled)"] {
            for kind in ["pNN", "Affine"] {
                for balance in ["", " (class)", " (full)"] { expected.append("\(kind)\(balance) | \(mass)") }
            }
        }
        #expect(Array(rows.dropFirst(2)) == expected)
        let spec = try #require(suite.experiment(reproducing: PaperReference(artifact: "table5", row: "Affine (class) | Uniform (fixed)")))
        #expect(spec.id == "table5/affine-class-uniform-fixed")
        #expect(spec.model == .affine && spec.balance == .class && spec.backgroundMass == .uniformFixed)
        #expect(spec.dataset == .hepmassIMB && spec.trainMasses == nil)
    }

    @Test func nonParametricBaselinesRecordIdenticalFixed() {
        for spec in suite.experiments where !spec.model.isParametric {
            #expect(spec.backgroundMass == .identicalFixed, "\(spec.id)")
        }
    }

    @Test func figure9And10TrainingMasses() throws {
        for mass in suite.masses {
            let without = try #require(suite.experiment(id: "fig9/pnn-without-\(mass)"))
            #expect(without.trainMasses == suite.masses.filter { $0 != mass })
            #expect(without.model == .pnn && without.dataset == .hepmass && without.backgroundMass == .identicalSampled)
            let only = try #require(suite.experiment(id: "fig10/pnn-only-\(mass)"))
            #expect(only.trainMasses == [mass])
        }
        #expect(suite.experiment(id: "fig9/pnn-all")?.id == "table3/pnn-identical-sampled")
    }

    @Test func figure14() throws {
        #expect(suite.experiments.filter { $0.reproduces.artifact == "fig14a" }.allSatisfy { $0.trainMasses == [500, 1500] && $0.dataset == .hepmass })
        #expect(suite.experiments.filter { $0.reproduces.artifact == "fig14b" }.allSatisfy { $0.trainMasses == [750, 1250] && $0.dataset == .hepmass })
        let fig14c = suite.entries(of: "fig14c")
        #expect(fig14c.filter(\.isAlias).map(\.experimentID) == ["table4/pnn-class", "table4/affine-class"])
        let failing = try #require(suite.experiments.first { $0.reproduces.artifact == "fig14c" })
        #expect(!failing.regularized && failing.model == .pnn && failing.backgroundMass.distribution == .uniform)
        #expect(failing.dataset == .hepmassIMB && failing.trainMasses == [500, 1500])
        // Only Figure 14(c)'s failing pNN is unregularized.
        #expect(suite.experiments.filter { !$0.regularized }.map(\.id) == [failing.id])
    }

    @Test func figures13And15ReuseTable5() {
        #expect(suite.entries(of: "fig13").map(\.experimentID) == ["table5/single", "table5/individual", "table5/pnn-none-identical-fixed"])
        #expect(suite.entries(of: "fig15").map(\.experimentID) == ["table5/pnn-none-uniform-sampled", "table5/affine-none-identical-sampled"])
    }

    @Test func selectionResolvesAliasesOnce() throws {
        #expect(try suite.select(patterns: ["table5/*"]).count == 26)
        #expect(try suite.select(patterns: ["table4"]).count == 6)
        // Figure 13's rows are all Table 5 experiments.
        #expect(try suite.select(patterns: ["fig13/*"]).map(\.id) == ["table5/single", "table5/individual", "table5/pnn-none-identical-fixed"])
        #expect(try suite.select(patterns: ["fig13/*", "table5/*"]).count == 26)
        #expect(try suite.select(patterns: ["*"]).count == 58)
    }

    @Test func scalesFile() throws {
        let scales = try ScaleRegistry.load(directory: RegistryFixtures.suitesDirectory)
        #expect(scales.map(\.name) == ["smoke", "default", "defaultpaperimb", "medium", "large", "paper"])
        let paper = try ScaleRegistry.load(scale: "paper", directory: RegistryFixtures.suitesDirectory)
        #expect(paper.trainEvents == nil && paper.testEvents == nil && paper.epochs == 25 && paper.batchSize == 1024)
        for scale in scales { #expect(scale.description?.isEmpty == false) }
    }
}
