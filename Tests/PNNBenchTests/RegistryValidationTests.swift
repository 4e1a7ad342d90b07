import Foundation
import Testing
@testable import PNNBench

/// Every validation error names the file, the line and what was expected. Each fixture in
/// `Fixtures/registry/` holds one mistake.
@Suite struct RegistryValidationTests {
    /// (fixture, kind, line, fragments the message must contain)
    @Test(arguments: [
        ("unknown-key", SuiteError.Kind.unknownKey, 12,
         ["unknown key 'balanse'", "experiment 'tab/{model}'", "expected one of: id, artifact, row", "did you mean 'balance'?"]),
        ("wrong-type", .wrongType, 11, ["'batchSize' of experiment 'tab/pnn' must be a whole number", "found a list"]),
        ("bad-enum", .badValue, 8,
         ["'backgroundMass' of experiment 'tab/pnn-uniform-sampeld' is 'uniform-sampeld'",
          "expected one of: identical-fixed, identical-sampled, uniform-fixed, uniform-sampled", "did you mean 'uniform-sampled'?"]),
        ("duplicate-id", .duplicate, 12, ["duplicate id 'tab/pnn-class'", "first declared at line 5"]),
        ("unknown-variable", .unknownVariable, 9,
         ["unknown variable {balance}", "experiment 'tab/{model}'", "its matrix defines: model"]),
        ("empty-matrix", .emptyMatrix, 7, ["matrix variable 'model' of experiment 'tab/{model}' has no values"]),
        ("missing-key", .missingKey, 5, ["experiment 'tab/pnn' needs 'backgroundMass'", "identical-fixed"]),
        ("unknown-artifact", .unknownReference, 6,
         ["artifact 'tabel3', which is not declared", "declared: table3", "did you mean 'table3'?"]),
        ("unknown-sameas", .unknownReference, 12, ["'sameAs: tab/singel' of 'fig/single' names no experiment", "did you mean 'tab/single'?"]),
        ("duplicate-training", .duplicate, 11, ["'fig/single' trains exactly the same network as 'tab/single' (line 6)", "sameAs: tab/single"]),
        ("duplicate-row", .duplicate, 12, ["'tab/individual' reproduces tab row 'Single-NN | None', which 'tab/single' (line 5)"]),
        ("bad-train-mass", .badValue, 11, ["mass 1250 in 'trainMasses' of experiment 'tab/pnn' is not one of the suite's masses: 500, 750"]),
    ] as [(String, SuiteError.Kind, Int, [String])])
    func reportsFileLineAndExpectation(fixture: String, kind: SuiteError.Kind, line: Int, fragments: [String]) throws {
        let error = try #require(RegistryFixtures.error(fixture), "\(fixture).yaml should not load")
        #expect(error.kind == kind, "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(error.file.hasSuffix("registry/\(fixture).yaml"))
        let text = error.description
        #expect(text.hasPrefix("\(error.file):\(line): "))
        for fragment in fragments { #expect(text.contains(fragment), "\(text)\n  lacks: \(fragment)") }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let error = try #require(RegistryFixtures.error("syntax-error"))
        #expect(error.kind == .syntax)
        #expect(error.description.contains("syntax-error.yaml:"))
        #expect(error.message.hasPrefix("YAML syntax error"))
        // The unterminated quote opens on line 7; libyaml notices the problem on a later line.
        let line = try #require(error.line)
        #expect(line >= 7 && line <= 9, "\(error)")
    }

    // MARK: - Inline cases: one mistake each in an otherwise valid suite

    static let header = """
    masses: [500, 750]
    artifacts:
      tab: "A table"
    experiments:

    """

    func error(_ body: String) -> SuiteError? {
        do {
            _ = try SuiteRegistry.parse(yaml: Self.header + body, name: "inline", file: "Suites/inline.yaml")
            return nil
        } catch {
            return error as? SuiteError
        }
    }

    @Test func publicationIsTextAndOptional() throws {
        let entry = """
          - id: tab/pnn
            artifact: tab
            row: "pNN | x"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-fixed
        """
        let plain = try SuiteRegistry.parse(yaml: Self.header + entry, name: "inline", file: "Suites/inline.yaml")
        #expect(plain.publication == nil)
        let cited = try SuiteRegistry.parse(yaml: "publication: \"A. Author, *A title* (2024): Table 1\"\n" + Self.header + entry,
                                            name: "inline", file: "Suites/inline.yaml")
        #expect(cited.publication == "A. Author, *A title* (2024): Table 1")
        do {
            _ = try SuiteRegistry.parse(yaml: "publication: [1, 2]\n" + Self.header + entry, name: "inline", file: "Suites/inline.yaml")
            Issue.record("a list as publication was accepted")
        } catch let e as SuiteError {
            #expect(e.kind == .wrongType && e.line == 1, "\(e)")
            #expect(e.description.contains("'publication'"))
        }
    }

    @Test func emptyMatrixMapping() throws {
        let e = try #require(error("""
          - id: tab/pnn
            matrix: {}
            artifact: tab
            row: "pNN | x"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-fixed
        """))
        #expect(e.kind == .emptyMatrix && e.line == 6, "\(e)")
        #expect(e.description.hasPrefix("Suites/inline.yaml:6: the matrix of experiment 'tab/pnn' is empty"))
    }

    @Test func placeholderWithoutMatrix() throws {
        let e = try #require(error("""
          - id: "tab/{model}"
            artifact: tab
            row: "pNN | x"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-fixed
        """))
        #expect(e.kind == .unknownVariable && e.line == 5, "\(e)")
        #expect(e.message.contains("it has no matrix"))
    }

    @Test func matrixVariableMissingFromID() throws {
        let e = try #require(error("""
          - id: tab/pnn
            matrix:
              balance: [none, class]
            artifact: tab
            row: "pNN{balance:suffix} | x"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-fixed
        """))
        #expect(e.kind == .unknownVariable && e.line == 7, "\(e)")
        #expect(e.message.contains("does not appear in its id template"))
    }

    @Test func formatOnWrongVariable() throws {
        let e = try #require(error("""
          - id: "tab/{model}"
            matrix:
              model: [pnn]
            artifact: tab
            row: "{model:suffix} | x"
            dataset: hepmass
            backgroundMass: identical-fixed
        """))
        #expect(e.kind == .unknownVariable && e.line == 9, "\(e)")
        #expect(e.message.contains("applies to balance, not to 'model'"))
    }

    @Test func fieldSetTwice() throws {
        let e = try #require(error("""
          - id: "tab/{model}"
            matrix:
              model: [pnn]
            artifact: tab
            row: "x"
            dataset: hepmass
            model: affine
            backgroundMass: identical-fixed
        """))
        #expect(e.kind == .duplicate && e.line == 11, "\(e)")
        #expect(e.message.contains("set both here and by its matrix"))
    }

    @Test func wrongBoolean() throws {
        let e = try #require(error("""
          - id: tab/pnn
            artifact: tab
            row: "x"
            dataset: hepmass
            model: pnn
            backgroundMass: identical-fixed
            regularized: "no"
        """))
        #expect(e.kind == .wrongType && e.line == 11 && e.message.contains("must be true or false"), "\(e)")
    }

    @Test func aliasTakesNoTrainingKeys() throws {
        let e = try #require(error("""
          - id: tab/single
            artifact: tab
            row: "Single-NN | None"
            dataset: hepmass
            model: single
          - id: tab/again
            sameAs: tab/single
            artifact: tab
            row: "again"
            model: pnn
        """))
        #expect(e.kind == .unknownKey && e.line == 14, "\(e)")
        #expect(e.message.contains("unknown key 'model' in experiment 'tab/again' (an entry with sameAs takes only these keys)"))
    }

    @Test func backgroundMassOnNonParametricModel() throws {
        let e = try #require(error("""
          - id: tab/single
            artifact: tab
            row: "Single-NN | None"
            dataset: hepmass
            model: single
            backgroundMass: uniform-sampled
        """))
        #expect(e.kind == .badValue && e.line == 10 && e.message.contains("does not take the mass as input"), "\(e)")
    }

    @Test func unknownTopLevelKey() throws {
        do {
            _ = try SuiteRegistry.parse(yaml: "masses: [500]\nartifact: {}\n", name: "x", file: "x.yaml")
            Issue.record("should fail")
        } catch let e as SuiteError {
            #expect(e.kind == .unknownKey && e.line == 2, "\(e)")
            #expect(e.message == "unknown key 'artifact' in the suite file; expected one of: description, publication, masses, datasets, artifacts, experiments (did you mean 'artifacts'?)")
        }
    }

    @Test func duplicateYAMLKey() throws {
        let e = try #require(error("""
          - id: tab/pnn
            artifact: tab
            artifact: tab
        """))
        #expect(e.kind == .syntax && e.message.contains("duplicate key 'artifact'"), "\(e)")
        #expect(e.line == 6 || e.line == 7, "\(e)")
    }

    @Test func declaredButUnusedArtifact() throws {
        do {
            _ = try SuiteRegistry.parse(yaml: """
            masses: [500]
            artifacts:
              tab: "A table"
              fig: "A figure"
            experiments:
              - {id: tab/single, artifact: tab, row: x, dataset: hepmass, model: single}
            """, name: "x", file: "x.yaml")
            Issue.record("should fail")
        } catch let e as SuiteError {
            #expect(e.kind == .unknownReference && e.line == 4 && e.message.contains("artifact 'fig' is declared but no experiment"), "\(e)")
        }
    }

    @Test func missingSuiteFileListsAvailable() throws {
        do {
            _ = try SuiteRegistry.load(suite: "papr", directory: RegistryFixtures.suitesDirectory)
            Issue.record("should fail")
        } catch let e as SuiteError {
            #expect(e.kind == .missingFile && e.line == nil)
            #expect(e.description.hasSuffix("papr.yaml: no such suite 'papr'; available: affine-init, conditioning, paper"), "\(e)")
        }
    }
}
