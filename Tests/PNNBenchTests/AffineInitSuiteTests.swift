import Foundation
import Testing
import PNNEngine
@testable import PNNBench

/// `Suites/affine-init.yaml` and its claims-only `Baselines/affine-init/`: the unit-scale
/// Affine differs from the paper's Affine by its initial scaling biases alone, and the
/// claims read the suite's rows.
@Suite struct AffineInitSuiteTests {
    static let suites = CompareFixtures.root.appendingPathComponent("Suites")

    @Test func unitScaleRowsDifferOnlyInTheInitialScalingBias() throws {
        let suite = try SuiteRegistry.load(suite: "affine-init", directory: Self.suites)
        #expect(suite.experiments.count == 6)
        let unit = suite.experiments.filter { $0.model == .affineUnitScale }
        #expect(unit.count == 3)
        for u in unit {
            let paperID = u.id.replacingOccurrences(of: "affine-unit-scale", with: "affine")
            let paper = try #require(suite.experiments.first { $0.id == paperID }, "\(paperID)")
            var a = u.training.architecture, b = paper.training.architecture
            #expect(a.scaleBiasInitial == 1 && b.scaleBiasInitial == 0)
            a.scaleBiasInitial = 0
            #expect(a == b && b == PaperArchitecture.affine.spec)
            var t = u.training
            t.model = .affine
            #expect(t == paper.training)
        }
    }

    @Test func claimsOnlyFolderLoadsAndItsClaimsReadTheSuiteRows() throws {
        let set = try BaselineSet.load(kind: .paper, suite: "affine-init", directory: CompareFixtures.baselines)
        #expect(set.tables.isEmpty && set.claims.count == 4)
        let suite = try SuiteRegistry.load(suite: "affine-init", directory: Self.suites)
        // Unit-scale rows 5 points above the paper's init at every mass: every claim holds;
        // swapped, every claim fails; a suite row renamed away leaves them not run.
        func results(unitAhead: Bool, renaming: String? = nil) -> [RunResult] {
            suite.experiments.map { entry in
                let better = (entry.model == .affineUnitScale) == unitAhead
                let auc = [0.70, 0.85, 0.90, 0.95, 0.97].map { better ? $0 + 0.02 : $0 - 0.03 }
                let row = entry.reproduces.row == renaming ? "renamed" : entry.reproduces.row
                return CompareFixtures.result(CompareFixtures.spec(entry.id, entry.reproduces.artifact, row, model: entry.model), auc: auc)
            }
        }
        for claim in set.claims {
            #expect(claim.evaluate(on: results(unitAhead: true)).status == .holds, "\(claim.id)")
            #expect(claim.evaluate(on: results(unitAhead: false)).status == .fails, "\(claim.id)")
        }
        let renamed = results(unitAhead: true, renaming: "Affine | Identical (fixed)")
        #expect(set.claims.first { $0.id == "unit-scale-beats-paper-init-table3" }!.evaluate(on: renamed).status == .notRun)
    }

    @Test func aFolderWithNeitherTablesNorClaimsIsAnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baselines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect { try BaselineSet.load(kind: .paper, suite: "empty", directory: directory) } throws: { error in
            "\(error)".contains("holds neither baseline tables (*.yaml) nor claims.yaml")
        }
    }
}
