import Foundation
import PNNData
import Testing
@testable import PNNBench

/// The suite file's `datasets:` key and the experiment keys that go with it: a full
/// declaration read into `Suite.datasets`, and every mistake a `SuiteError` at the line
/// of the offending key or value.
@Suite struct RegistryDatasetsTests {
    static let file = "Suites/own.yaml"

    static let dataset = """
        description: hand-made toy
        signal: [signal_*.csv]
        background: background.csv
        test: 0.3
        features: {except: [junk]}
        parameters: [mX, width]
        points: [[500, 0.06], [700, 0.06], [500, 0.1]]
        weight: w
        process: proc
        negativeWeights: abs
        standardize: false
        parameterScale: [1000, 0.1]
    """

    static let experiment = """
      - id: tab/pnn
        artifact: tab
        row: "pNN"
        dataset: toy
        model: pnn
        backgroundMass: uniform-sampled
    """

    /// A suite with `toy` declared as `dataset` (each line indented by 4), `experiments`
    /// (indented by 2) and, when given, a `masses` line.
    static func yaml(dataset: String = dataset, experiments: String = experiment, masses: String? = nil) -> String {
        (masses.map { "masses: \($0)\n" } ?? "") + "datasets:\n  toy:\n" + dataset + "\nartifacts:\n  tab: \"A table\"\nexperiments:\n" + experiments + "\n"
    }

    static func parse(_ text: String) throws -> Suite {
        try SuiteRegistry.parse(yaml: text, name: "own", file: file)
    }

    /// The `SuiteError` parsing `text` throws (nil when it parses).
    static func error(_ text: String) -> SuiteError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as SuiteError {
            return error
        } catch {
            return SuiteError(.syntax, file: "?", line: nil, "unexpected error type: \(error)")
        }
    }

    /// 1-based line of the first line of `text` containing `fragment`.
    static func line(of fragment: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) }! + 1
    }

    /// Expects `text` to fail with `kind` at the line holding `at` and a message with `fragments`.
    static func expectError(_ text: String, _ kind: SuiteError.Kind, at: String, _ fragments: String...,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let e = try #require(error(text), "the suite parsed:\n\(text)", sourceLocation: sourceLocation)
        #expect(e.kind == kind, "\(e)", sourceLocation: sourceLocation)
        #expect(e.line == line(of: at, in: text), "\(e)", sourceLocation: sourceLocation)
        #expect(e.description.hasPrefix("\(file):\(e.line ?? 0): "), sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(e.message.contains(fragment), "\(e.message)\n  lacks: \(fragment)", sourceLocation: sourceLocation)
        }
    }

    /// `dataset` with the line starting with `key:` replaced by `line` (removed when nil).
    static func edited(_ key: String, _ line: String?) -> String {
        let lines = dataset.components(separatedBy: "\n")
        let k = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }!
        var out = lines
        if let line { out[k] = "    " + line } else { out.remove(at: k) }
        return out.joined(separator: "\n")
    }

    // MARK: - Valid declarations

    @Test func fullDeclarationRoundTrips() throws {
        let suite = try Self.parse(Self.yaml())
        #expect(suite.masses.isEmpty)  // only declared data sets: no 'masses' needed
        let expected = DatasetDeclaration(
            name: "toy", files: .separate(signal: ["signal_*.csv"], background: ["background.csv"]), test: .fraction(0.3),
            features: .allExcept(["junk"]), parameters: ["mX", "width"], points: .declared([[500, 0.06], [700, 0.06], [500, 0.1]]),
            weight: "w", process: "proc", negativeWeights: .abs, standardize: false, scaling: .divisors([1000, 0.1]),
            description: "hand-made toy")
        #expect(suite.datasets == ["toy": expected])
        let spec = try #require(suite.experiment(id: "tab/pnn"))
        #expect(spec.dataset == DatasetKind(rawValue: "toy") && spec.dataset.isDeclared)
        #expect(spec.trainPoints == nil && spec.trainMasses == nil)
    }

    @Test func labelledFilesTestFilesAndDefaults() throws {
        let dataset = """
            files: events.csv
            label: y
            test: {files: [test_a.csv, test_b.csv]}
            features: [b, a]
            parameters: mA
            points: found
            parameterScale: 250
        """
        let d = try #require(try Self.parse(Self.yaml(dataset: dataset)).datasets["toy"])
        #expect(d == DatasetDeclaration(name: "toy", files: .labelled(files: ["events.csv"], label: "y"),
                                        test: .files(.labelled(files: ["test_a.csv", "test_b.csv"], label: "y")),
                                        features: .columns(["b", "a"]), parameters: ["mA"], points: .found,
                                        weight: nil, process: nil, negativeWeights: .keep, standardize: true, scaling: .divisors([250])))
        // The defaults: a quarter for the test, every other column a feature, computed scaling.
        let minimal = "    signal: s.csv\n    background: b.csv\n    parameters: mA"
        let m = try #require(try Self.parse(Self.yaml(dataset: minimal)).datasets["toy"])
        #expect(m.test == .fraction(0.25) && m.features == .allExcept([]) && m.points == .found && m.scaling == .computed)
        #expect(m.weight == nil && m.negativeWeights == .keep && m.standardize && m.description == nil)
    }

    @Test func trainPointsListedOrExcepted() throws {
        func points(_ value: String) throws -> [[Double]]? {
            let experiment = Self.experiment + "\n    trainPoints: \(value)"
            return try #require(try Self.parse(Self.yaml(experiments: experiment)).experiment(id: "tab/pnn")).trainPoints
        }
        #expect(try points("[[700, 0.06], [500, 0.06]]") == [[500, 0.06], [700, 0.06]])
        // 0.06 is not a Float: excepting it must still find the grid's point.
        #expect(try points("{except: [[500, 0.1]]}") == [[500, 0.06], [700, 0.06]])
        #expect(try points("{except: [[500, 0.06], [500, 0.1]]}") == [[700, 0.06]])
        // Every point, listed or as `all`, is the same training as leaving the key out.
        #expect(try points("[[500, 0.06], [700, 0.06], [500, 0.1]]") == nil)
        #expect(try points("all") == nil)
    }

    @Test func aSuiteWithoutMassesOrDatasetsIsStillRefused() throws {
        let text = "artifacts:\n  tab: \"A table\"\nexperiments:\n" + Self.experiment + "\n"
        let e = try #require(Self.error(text))
        #expect(e.kind == .missingKey && e.message.contains("the suite file has no 'masses' key"), "\(e)")
    }

    /// The key of a HEPMASS experiment read from a suite is the one pinned in
    /// `ResultStoreKeyTests` (computed from JSON without `trainPoints`): the new optional
    /// field, nil, leaves every stored HEPMASS result where it was.
    @Test func hepmassKeysAreUnchangedByTrainPoints() throws {
        let text = """
        masses: [500, 750, 1000, 1250, 1500]
        artifacts:
          table5: "Table 5"
        experiments:
          - id: table5/affine-class-identical-sampled
            artifact: table5
            row: "Affine (class) | Identical (sampled)"
            dataset: hepmass-imb
            model: affine
            backgroundMass: identical-sampled
            balance: class

        """
        let spec = try #require(try Self.parse(text).experiments.first)
        #expect(spec.trainPoints == nil)
        let json = String(decoding: try CanonicalJSON.encoder(pretty: false).encode(spec), as: UTF8.self)
        #expect(!json.contains("trainPoints"), "\(json)")
        let scale = Scale(name: "default", trainEvents: 400_000, testEvents: 200_000, epochs: 10, batchSize: 1024, description: "CI")
        let data = DataIdentity(source: "sim", description: "HEPMASS-SIM (imbalanced)", fingerprint: "abc123")
        #expect(ResultStore.key(spec: spec, scale: scale, data: data, seed: 42, engineVersion: "1.0")
                == "table5_affine-class-identical-sampled-a9fab10059699b17")
    }

    // MARK: - Mistakes in a declaration

    @Test func unknownKey() throws {
        let text = Self.yaml(dataset: Self.edited("weight", "weigth: w"))
        try Self.expectError(text, .unknownKey, at: "weigth:", "unknown key 'weigth' in data set 'toy'", "expected one of: description, signal",
                             "did you mean 'weight'?")
    }

    @Test func missingParameters() throws {
        let text = Self.yaml(dataset: Self.edited("parameters", nil))
        // The data set's mapping starts at its first key.
        try Self.expectError(text, .missingKey, at: "description: hand-made", "data set 'toy' needs 'parameters'", "e.g. `parameters: mA`")
    }

    @Test func signalAndFilesTogether() throws {
        let text = Self.yaml(dataset: Self.dataset + "\n    files: events.csv\n    label: y")
        try Self.expectError(text, .badValue, at: "files: events.csv", "data set 'toy': give either 'signal' and 'background' files, or 'files' with a 'label' column, not both")
    }

    @Test func filesWithoutLabel() throws {
        let text = Self.yaml(dataset: "    files: events.csv\n    parameters: mA")
        try Self.expectError(text, .missingKey, at: "files: events.csv", "data set 'toy': 'files' needs a 'label' column (1 signal, 0 background)")
    }

    @Test(arguments: ["0", "1", "1.5", "-0.2"])
    func testFractionOutsideZeroOne(value: String) throws {
        let text = Self.yaml(dataset: Self.edited("test", "test: \(value)"))
        try Self.expectError(text, .badValue, at: "test: \(value)", "'test' of data set 'toy' is", "a fraction must lie strictly between 0 and 1")
    }

    @Test func parameterScaleOfTheWrongLength() throws {
        let text = Self.yaml(dataset: Self.edited("parameterScale", "parameterScale: [1000]"))
        try Self.expectError(text, .badValue, at: "parameterScale:", "'parameterScale' of data set 'toy' must be `computed` or the divisor of each parameter (a list of 2 numbers); found 1")
    }

    @Test func pointOfTheWrongArity() throws {
        let text = Self.yaml(dataset: Self.edited("points", "points:\n      - [500, 0.06]\n      - [700]"))
        try Self.expectError(text, .badValue, at: "- [700]", "'points' of data set 'toy' must be `found` or a list of points, each a list of 2 values", "this point has 1")
    }

    @Test func aColumnWithTwoRoles() throws {
        let text = Self.yaml(dataset: Self.edited("weight", "weight: mX"))
        try Self.expectError(text, .duplicate, at: "weight: mX", "column 'mX' of data set 'toy' is both a parameter and the weight")
        let label = Self.yaml(dataset: "    files: events.csv\n    label: proc\n    parameters: mA\n    process: proc")
        try Self.expectError(label, .duplicate, at: "label: proc", "column 'proc' of data set 'toy' is both the process and the label")
    }

    @Test(arguments: ["hepmass", "hepmass-imb"])
    func aBuiltInName(name: String) throws {
        let text = Self.yaml().replacingOccurrences(of: "  toy:", with: "  \(name):")
        try Self.expectError(text, .duplicate, at: "  \(name):", "data set name '\(name)' is built in (HEPMASS); choose another name")
    }

    @Test func negativeWeightsWithoutWeight() throws {
        let text = Self.yaml(dataset: Self.edited("weight", nil))
        try Self.expectError(text, .badValue, at: "negativeWeights: abs", "'negativeWeights' of data set 'toy' needs a 'weight' column")
    }

    // MARK: - Mistakes in experiments using data sets

    @Test func anUndeclaredDataset() throws {
        let text = Self.yaml(experiments: Self.experiment.replacingOccurrences(of: "dataset: toy", with: "dataset: tyo"))
        try Self.expectError(text, .badValue, at: "dataset: tyo", "'dataset' of experiment 'tab/pnn' is 'tyo'; expected one of: hepmass, hepmass-imb, toy",
                             "did you mean 'toy'?")
    }

    @Test func trainMassesOnADeclaredDataset() throws {
        let text = Self.yaml(experiments: Self.experiment + "\n    trainMasses: [500]", masses: "[500, 700]")
        try Self.expectError(text, .badValue, at: "trainMasses:", "experiment 'tab/pnn': 'trainMasses' is for HEPMASS; a declared data set takes 'trainPoints'")
    }

    @Test func trainPointsOnHEPMASS() throws {
        let experiment = Self.experiment.replacingOccurrences(of: "dataset: toy", with: "dataset: hepmass") + "\n    trainPoints: [500]"
        let text = Self.yaml(experiments: experiment, masses: "[500, 700]")
        try Self.expectError(text, .badValue, at: "trainPoints:", "experiment 'tab/pnn': 'trainPoints' is for declared data sets; HEPMASS takes 'trainMasses'")
    }

    @Test func trainPointsOffTheGrid() throws {
        let text = Self.yaml(experiments: Self.experiment + "\n    trainPoints:\n      - [500, 0.06]\n      - [700, 0.1]")
        try Self.expectError(text, .badValue, at: "- [700, 0.1]", "point 700.0, 0.1 in 'trainPoints' of experiment 'tab/pnn' is not in the 'points' of data set 'toy'")
        let arity = Self.yaml(experiments: Self.experiment + "\n    trainPoints: [[500, 0.06], [700]]")
        try Self.expectError(arity, .badValue, at: "trainPoints:", "a point of 'trainPoints' of experiment 'tab/pnn' needs 2 values (mX, width), found 1")
    }

    @Test func exceptNeedsDeclaredPoints() throws {
        let dataset = Self.edited("points", "points: found")
        let text = Self.yaml(dataset: dataset, experiments: Self.experiment + "\n    trainPoints: {except: [[500, 0.06]]}")
        try Self.expectError(text, .badValue, at: "trainPoints:", "'trainPoints: {except: …}' of experiment 'tab/pnn' needs the 'points' of data set 'toy' declared")
    }

    @Test func hepmassNeedsMasses() throws {
        let text = Self.yaml(experiments: Self.experiment.replacingOccurrences(of: "dataset: toy", with: "dataset: hepmass"))
        try Self.expectError(text, .missingKey, at: "dataset: hepmass", "experiment 'tab/pnn' uses", "so the suite file needs 'masses'")
    }
}
