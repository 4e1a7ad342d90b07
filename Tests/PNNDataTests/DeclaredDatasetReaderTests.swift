import Foundation
import Testing
@testable import PNNData

/// `DeclaredDatasetReader` on small CSV files written by each test: column lookup by
/// name, points, test splits, standardisation, parameter scaling, and one error per kind
/// of bad input, each naming the file and line (or the data set) and what was expected.
@Suite struct DeclaredDatasetReaderTests {
    /// Signal: x0 = k, x1 = 10k, weight (k + 4)/10 (k = 1…14); 8 events at mA = 500 (two
    /// printed slightly off: 499.9999999 and 500.0002), 6 at 700. Written with CRLF; a `#`
    /// header with mA between the features, a text column, a blank line (line 6) and a
    /// whitespace-only one (line 13).
    static func signalFile(weight: (Int) -> String = { "\(Double($0 + 4) / 10)" }) -> [String] {
        var lines = ["# x0, mA, x1, weight, tag"]
        for i in 0..<14 {
            let k = i + 1
            let mass = i == 1 ? "499.9999999" : i == 2 ? "500.0002" : i < 8 ? "500" : "700"
            lines.append("\(k), \(mass), \(10 * k), \(weight(k)), t\(i)")
            if i == 3 { lines.append("") }
            if i == 9 { lines.append("   ") }
        }
        return lines
    }

    static let signalLines = signalFile()

    /// Background: x0 = 100 + j, x1 = 1000 + 10j, processes zz, tt, ww in turn, another
    /// column order and no parameter column.
    static func backgroundFile(weight: String = "1") -> [String] {
        ["process,x1,weight,x0"] + (0..<10).map { j in "\(["zz", "tt", "ww"][j % 3]),\(1000 + 10 * j),\(weight),\(100 + j)" }
    }

    static let backgroundLines = backgroundFile()

    /// A fresh folder holding `files` (name → lines; `crlf` names take CRLF line ends).
    static func folder(_ files: [String: [String]], crlf: Set<String> = []) throws -> String {
        let dir = try temporaryDirectory()
        for (name, lines) in files {
            let end = crlf.contains(name) ? "\r\n" : "\n"
            try lines.map { $0 + end }.joined().write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func standardFolder(_ extra: [String: [String]] = [:]) throws -> String {
        try folder(["signal.csv": signalLines, "background.csv": backgroundLines].merging(extra) { _, new in new }, crlf: ["signal.csv"])
    }

    static func declaration(files: DatasetDeclaration.FileSet = .separate(signal: ["signal.csv"], background: ["background.csv"]),
                            test: DatasetDeclaration.TestSplit = .fraction(0.25), features: DatasetDeclaration.FeatureSelection = .allExcept([]),
                            parameters: [String] = ["mA"], points: DatasetDeclaration.PointSelection = .declared([[700], [500]]),
                            weight: String? = "weight", process: String? = "process", standardize: Bool = false,
                            scaling: DatasetDeclaration.Scaling = .computed, description: String? = nil) -> DatasetDeclaration {
        DatasetDeclaration(name: "toy", files: files, test: test, features: features, parameters: parameters, points: points,
                           weight: weight, process: process, standardize: standardize, scaling: scaling, description: description)
    }

    /// Every event of both sets as (x0, the whole event), keyed by x0, which is unique.
    static func events(_ loaded: DeclaredDatasetReader.Loaded) -> [Float: (set: String, row: Int)] {
        var out: [Float: (String, Int)] = [:]
        for (name, d) in [("train", loaded.train), ("test", loaded.test)] {
            for i in 0..<d.count { out[d.feature(i, 0)] = (name, i) }
        }
        return out
    }

    // MARK: - Reading

    @Test func separateFilesByColumnName() throws {
        let dir = try Self.standardFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try DeclaredDatasetReader.load(Self.declaration(), directories: [dir])
        // `all`: the first file's numeric columns other than parameter, weight and process.
        #expect(loaded.featureNames == ["x0", "x1"])
        #expect(loaded.processNames == ["tt", "ww", "zz"])
        #expect(loaded.files.map(\.path) == [dir + "/signal.csv", dir + "/background.csv"])
        let train = loaded.train, test = loaded.test
        #expect(train.signalPoints == [[500], [700]] && test.signalPoints == [[500], [700]])
        #expect(train.parameterNames == ["mA"] && train.featureCount == 2)
        #expect(train.count + test.count == 24)

        for (x0, place) in Self.events(loaded) {
            let d = place.set == "train" ? train : test, i = place.row
            if x0 < 100 {
                let k = Int(x0)
                #expect(d.label[i] == 1 && d.feature(i, 1) == Float(10 * k))
                // 499.9999999 and 500.0002 are on the grid's 500.
                #expect(d.mass[i] == (k <= 8 ? 500 : 700), "event \(k) at \(d.mass[i])")
                #expect(d.weight![i] == Float(k + 4) / 10)
                #expect(d.process[i] == 0)
            } else {
                let j = Int(x0) - 100
                #expect(d.label[i] == 0 && d.feature(i, 1) == Float(1000 + 10 * j))
                #expect(d.mass[i].isNaN)
                #expect(d.weight![i] == 1)
                // zz, tt, ww in turn; ids by sorted name: tt 0, ww 1, zz 2.
                #expect(d.process[i] == [2, 0, 1][j % 3])
            }
        }
        #expect(Set(Self.events(loaded).keys) == Set((1...14).map(Float.init) + (100..<110).map(Float.init)))
    }

    @Test func foundPointsKeepEveryDistinctValue() throws {
        // 499.9999999 is 500 in Float; 500.0002 is not and is a point of its own, with one
        // event — too few to be split into training and test, which the reader says.
        Self.expect(try failure(Self.declaration(points: .found, weight: nil)),
                    "data set 'toy': signal point 500.0002 has fewer than 2 events in")
        // With the stray value moved onto 700, the found points are 500 and 700.
        let dir = try Self.standardFolder(["signal.csv": Self.signal(replacing: 4, with: "3, 700, 30, 0.7, t2")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try DeclaredDatasetReader.load(Self.declaration(points: .found, weight: nil), directories: [dir])
        #expect(loaded.train.signalPoints == [[500], [700]])
    }

    @Test func featureSelections() throws {
        let dir = try Self.standardFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let except = try DeclaredDatasetReader.load(Self.declaration(features: .allExcept(["x1"])), directories: [dir])
        #expect(except.featureNames == ["x0"] && except.train.featureCount == 1)
        let listed = try DeclaredDatasetReader.load(Self.declaration(features: .columns(["x1", "x0"])), directories: [dir])
        #expect(listed.featureNames == ["x1", "x0"])
        let t = listed.train
        for i in 0..<t.count where t.label[i] == 1 { #expect(t.feature(i, 0) == 10 * t.feature(i, 1)) }
    }

    @Test func fractionSplitsEachPointAndTheBackgroundTheSameWayEveryTime() throws {
        let dir = try Self.standardFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try DeclaredDatasetReader.load(Self.declaration(), directories: [dir])
        let b = try DeclaredDatasetReader.load(Self.declaration(), directories: [dir])
        // round(0.25 · n): 8 → 2, 6 → 2 (1.5 rounds up), 10 background → 3 (2.5 rounds up).
        #expect(a.test.signalIndices(mass: 500).count == 2 && a.train.signalIndices(mass: 500).count == 6)
        #expect(a.test.signalIndices(mass: 700).count == 2 && a.train.signalIndices(mass: 700).count == 4)
        #expect(a.test.indices(label: 0).count == 3 && a.train.indices(label: 0).count == 7)
        #expect(a.train.features == b.train.features && a.test.features == b.test.features)
        // Another fraction: 0.5 of 8, 6 and 10.
        let half = try DeclaredDatasetReader.load(Self.declaration(test: .fraction(0.5)), directories: [dir])
        #expect(half.test.signalIndices(mass: 500).count == 4 && half.test.signalIndices(mass: 700).count == 3)
        #expect(half.test.indices(label: 0).count == 5)
    }

    @Test func separateTestFilesAreTheTestSet() throws {
        let dir = try Self.standardFolder([
            "test_signal.csv": ["x0,x1,mA,weight", "50,500,700,1", "51,510,500,1"],
            "test_background.csv": ["x0,x1,weight,process", "150,1500,2,tt"],
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Self.declaration(test: .files(.separate(signal: ["test_signal.csv"], background: ["test_background.csv"])))
        let loaded = try DeclaredDatasetReader.load(d, directories: [dir])
        #expect(loaded.train.count == 24)
        #expect(loaded.test.count == 3)
        #expect((0..<3).map { loaded.test.feature($0, 0) } == [50, 51, 150])
        #expect(loaded.test.mass[0] == 700 && loaded.test.mass[1] == 500 && loaded.test.mass[2].isNaN)
        #expect(loaded.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == ["signal.csv", "background.csv", "test_signal.csv", "test_background.csv"])
    }

    @Test func oneLabelledFile() throws {
        let dir = try Self.folder(["events.csv": [
            "x1,isSignal,x0,mA,w,proc",
            "10,1,1,500,1,",
            "1000,0,100,,2,qcd",
            "20,1,2,700,1,",
            "1010,0,101,,3,dy",
            "30,1,3,500,1,",
            "40,1,4,700,1,",
        ]])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Self.declaration(files: .labelled(files: ["events.csv"], label: "isSignal"), test: .files(.labelled(files: ["events.csv"], label: "isSignal")),
                                 weight: "w", process: "proc")
        let loaded = try DeclaredDatasetReader.load(d, directories: [dir])
        let t = loaded.train
        #expect(loaded.featureNames == ["x1", "x0"])
        #expect(t.label == [1, 0, 1, 0, 1, 1])
        #expect(t.mass[0] == 500 && t.mass[1].isNaN && t.mass[2] == 700)
        #expect(loaded.processNames == ["dy", "qcd"])
        #expect(t.process[1] == 1 && t.process[3] == 0)
        #expect(t.weight == [1, 2, 1, 3, 1, 1])
    }

    @Test func globsMatchSortedFiles() throws {
        let dir = try Self.folder([
            "signal_b.csv": ["x0,mA", "2,700"],
            "signal_a.csv": ["x0,mA", "1,500"],
            "signalx.csv": ["x0,mA", "9,900"],
            "bg.csv": ["x0", "100", "101"],
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Self.declaration(files: .separate(signal: ["signal_*.csv"], background: ["bg.csv"]),
                                 test: .files(.separate(signal: ["signal_?.csv"], background: ["bg.csv"])),
                                 points: .found, weight: nil, process: nil)
        let loaded = try DeclaredDatasetReader.load(d, directories: [dir])
        #expect(loaded.files.prefix(3).map(\.path) == [dir + "/signal_a.csv", dir + "/signal_b.csv", dir + "/bg.csv"])
        #expect(loaded.train.signalPoints == [[500], [700]])
        #expect(Array(loaded.train.features.prefix(2)) == [1, 2])
        #expect(loaded.train.weight == nil)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/gzip"), "needs /bin/gzip"))
    func gzipCompressedFile() throws {
        let dir = try Self.standardFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: dir + "/signal.csv", toPath: dir + "/packed.csv")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = [dir + "/packed.csv"]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0 && FileManager.default.fileExists(atPath: dir + "/packed.csv.gz"))
        let plain = try DeclaredDatasetReader.load(Self.declaration(), directories: [dir])
        let packed = try DeclaredDatasetReader.load(Self.declaration(files: .separate(signal: ["packed.csv.gz"], background: ["background.csv"])),
                                                    directories: [dir])
        #expect(packed.train.features == plain.train.features && packed.test.features == plain.test.features)
        #expect(packed.train.mass.elementsEqual(plain.train.mass) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        // The checksum is of the decompressed content.
        #expect(packed.files[0].checksum == plain.files[0].checksum)
    }

    // MARK: - Scaling

    @Test func standardisationUsesTheTrainingSetsConstants() throws {
        let dir = try Self.standardFolder([
            "test_signal.csv": ["x0,x1,mA,weight", "3,-7,700,1", "20,0.5,500,1"],
            "test_background.csv": ["x0,x1,weight,process", "150,1500,2,tt"],
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let separateTest = DatasetDeclaration.TestSplit.files(.separate(signal: ["test_signal.csv"], background: ["test_background.csv"]))
        let raw = try DeclaredDatasetReader.load(Self.declaration(test: separateTest), directories: [dir])
        let loaded = try DeclaredDatasetReader.load(Self.declaration(test: separateTest, standardize: true), directories: [dir])
        #expect(raw.test.features == [3, -7, 20, 0.5, 150, 1500])  // standardize: false leaves values as read

        let t = raw.train, n = Double(t.count)
        for j in 0..<2 {
            let values = (0..<t.count).map { Double(t.feature($0, j)) }
            let mean = values.reduce(0, +) / n
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
            let z = (0..<t.count).map { Double(loaded.train.feature($0, j)) }
            let zMean = z.reduce(0, +) / n
            let zSD = (z.map { ($0 - zMean) * ($0 - zMean) }.reduce(0, +) / n).squareRoot()
            #expect(abs(zMean) < 1e-6 && abs(zSD - 1) < 1e-6, "feature \(j): mean \(zMean), sd \(zSD)")
            for i in 0..<raw.test.count {
                let expected = (Double(raw.test.feature(i, j)) - mean) / sd
                #expect(abs(Double(loaded.test.feature(i, j)) - expected) < 1e-5, "test event \(i), feature \(j)")
            }
        }
    }

    @Test func parameterScalingDeclaredOrComputed() throws {
        let dir = try Self.folder([
            "signal.csv": ["x0,mX,c", "1,400,-3", "2,800,2", "3,400,2"],
            "background.csv": ["x0", "100", "101"],
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let test = DatasetDeclaration.TestSplit.files(.separate(signal: ["signal.csv"], background: ["background.csv"]))
        let computed = try DeclaredDatasetReader.load(Self.declaration(test: test, parameters: ["mX", "c"], points: .found, weight: nil, process: nil),
                                                      directories: [dir])
        // Largest |value| per parameter: 800 and |−3|.
        #expect(computed.train.parameterScaling == .dividing(by: [800, 3]))
        #expect(computed.test.parameterScaling == .dividing(by: [800, 3]))
        #expect(computed.train.signalPoints == [[400, -3], [400, 2], [800, 2]])
        let declared = try DeclaredDatasetReader.load(Self.declaration(test: test, parameters: ["mX", "c"], points: .found, weight: nil,
                                                                       process: nil, scaling: .divisors([1000, 10])), directories: [dir])
        #expect(declared.train.parameterScaling == .dividing(by: [1000, 10]))
        #expect(declared.train.parameterScaling.apply(800, component: 0) == 0.8)
    }

    // MARK: - Bad input

    /// The description of the `DataError` loading `d` from a folder with the standard
    /// files, changed by `files`.
    func failure(_ d: DatasetDeclaration = declaration(), files: [String: [String]] = [:], crlf: Set<String> = ["signal.csv"],
                 directories extra: [String] = []) throws -> String {
        let dir = try Self.folder(["signal.csv": Self.signalLines, "background.csv": Self.backgroundLines].merging(files) { _, new in new }, crlf: crlf)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = try #require(dataError { _ = try DeclaredDatasetReader.load(d, directories: [dir] + extra) }, "no DataError")
        return error.description.replacingOccurrences(of: dir + "/", with: "")
    }

    /// The standard signal file with line `line` (1-based, of the file) replaced.
    static func signal(replacing line: Int, with text: String) -> [String] {
        var lines = signalLines
        lines[line - 1] = text
        return lines
    }

    static func expect(_ message: String, _ fragments: String...) {
        for fragment in fragments { #expect(message.contains(fragment), "\(message)\n  lacks: \(fragment)") }
    }

    @Test func missingColumns() throws {
        Self.expect(try failure(Self.declaration(features: .columns(["x0", "x9"]))),
                    "signal.csv: line 1: a column `x9` (declared in 'features' of data set 'toy')", "the header has x0, mA, x1, weight, tag")
        // A file that starts with a blank line has its header on line 2.
        Self.expect(try failure(Self.declaration(features: .columns(["x0", "x9"])), files: ["signal.csv": [""] + Self.signalLines]),
                    "signal.csv: line 2: a column `x9`")
        Self.expect(try failure(Self.declaration(features: .columns(["x0", "x5"]), weight: nil, process: nil),
                                files: ["signal.csv": ["x0,mA,x5", "1,500,3", "2,700,4"], "background.csv": ["x0", "100"]]),
                    "background.csv: line 1: a column `x5` (a feature of data set 'toy')")
        Self.expect(try failure(Self.declaration(parameters: ["mB"], points: .found)),
                    "signal.csv: line 1: a column `mB` (a parameter of data set 'toy')")
        Self.expect(try failure(Self.declaration(weight: "w")), "signal.csv: line 1: a column `w` (the weight of data set 'toy')")
        Self.expect(try failure(Self.declaration(process: "proc")), "background.csv: line 1: a column `proc` (the process of data set 'toy')")
        Self.expect(try failure(Self.declaration(files: .labelled(files: ["signal.csv"], label: "isSignal"), process: nil)),
                    "signal.csv: line 1: a column `isSignal` (the label of data set 'toy')")
    }

    @Test func badFields() throws {
        // Line numbers count the blank line 6.
        #expect(Self.signalLines[5].isEmpty)
        Self.expect(try failure(files: ["signal.csv": Self.signal(replacing: 8, with: "abc, 700, 1, 1, z")]),
                    "signal.csv: line 8: column 1 (x0) is `abc`, expected a number")
        Self.expect(try failure(files: ["signal.csv": Self.signal(replacing: 3, with: "1, 500, 10, inf, z")]),
                    "signal.csv: line 3: column 4 (weight) is `inf`, expected a finite weight")
        Self.expect(try failure(files: ["background.csv": Self.backgroundLines + ["tt,1,1"]]),
                    "background.csv: line 12: 4 comma-separated fields as in the header, found 3")
        Self.expect(try failure(files: ["signal.csv": Self.signal(replacing: 2, with: "1, , 10, 1, z")]),
                    "signal.csv: line 2: column 2 (mA) is ``, expected a number")
        Self.expect(try failure(files: ["signal.csv": ["x0,x0,mA", "1,2,500"]]),
                    "signal.csv: line 1: a header naming each column once; `x0` appears twice")
    }

    @Test func labelOtherThanZeroOrOne() throws {
        let d = Self.declaration(files: .labelled(files: ["events.csv"], label: "y"), weight: nil, process: nil)
        Self.expect(try failure(d, files: ["events.csv": ["x0,y,mA", "1,1,500", "2,0,", "3,2,700"]]),
                    "events.csv: line 4: column 2 (y) is `2`, expected 1 (signal) or 0 (background)")
    }

    @Test func pointsOffTheGridOrWithoutEvents() throws {
        Self.expect(try failure(files: ["signal.csv": Self.signal(replacing: 17, with: "14, 600, 140, 1, z")]),
                    "signal.csv: line 17: a signal point of the declared grid of data set 'toy', found 600; the grid is 700, 500")
        Self.expect(try failure(Self.declaration(points: .declared([[500], [700], [900]]))),
                    "data set 'toy': signal point 900 has no events in", "signal.csv, ", "background.csv")
    }

    /// With a test fraction a point needs one event on each side of the split: one event
    /// alone would leave the test without signal there.
    @Test func aPointWithOneEventCannotBeSplit() throws {
        let lines = Self.signal(replacing: 11, with: "9, 900, 90, 1.3, t8")
        Self.expect(try failure(Self.declaration(points: .declared([[500], [700], [900]])), files: ["signal.csv": lines]),
                    "data set 'toy': signal point 900 has fewer than 2 events in", "at least 2 signal events")
    }

    @Test func weightSums() throws {
        Self.expect(try failure(files: ["signal.csv": Self.signalFile { _ in "0" }, "background.csv": Self.backgroundFile(weight: "0")]),
                    "data set 'toy': every weight in column 'weight' of", "signal.csv, ", "background.csv is 0")
        // The 700 signal (events 9…14) with negative weights.
        Self.expect(try failure(files: ["signal.csv": Self.signalFile { $0 > 8 ? "-1" : "1" }]),
                    "data set 'toy': the signal weights (column 'weight') at 700 in signal.csv, background.csv sum to -",
                    "every point needs a positive sum")
        Self.expect(try failure(files: ["background.csv": Self.backgroundFile(weight: "-1")]),
                    "data set 'toy': the background weights (column 'weight') in signal.csv, background.csv sum to -")
    }

    /// Weight problems of separate test files name those files, not the training files.
    @Test func badTestWeightsNameTheTestFiles() throws {
        let d = Self.declaration(test: .files(.separate(signal: ["test_signal.csv"], background: ["test_background.csv"])))
        let header = (signal: "x0,x1,mA,weight", background: "x0,x1,weight,process")
        Self.expect(try failure(d, files: ["test_signal.csv": [header.signal, "50,500,700,-1", "51,510,500,1"],
                                           "test_background.csv": [header.background, "150,1500,2,tt"]]),
                    "the signal weights (column 'weight') at 700 in test_signal.csv, test_background.csv sum to -1")
        Self.expect(try failure(d, files: ["test_signal.csv": [header.signal, "50,500,700,0", "51,510,500,0"],
                                           "test_background.csv": [header.background, "150,1500,0,tt"]]),
                    "every weight in column 'weight' of test_signal.csv, test_background.csv is 0")
        Self.expect(try failure(d, files: ["test_signal.csv": [header.signal, "50,500,700,1", "51,510,500,1"],
                                           "test_background.csv": [header.background, "150,1500,-2,tt"]]),
                    "the background weights (column 'weight') in test_signal.csv, test_background.csv sum to -2")
    }

    @Test func noBackground() throws {
        Self.expect(try failure(files: ["background.csv": ["process,x1,weight,x0"]]), "data set 'toy': no background events in signal.csv, background.csv")
        let d = Self.declaration(files: .labelled(files: ["events.csv"], label: "y"), weight: nil, process: nil)
        Self.expect(try failure(d, files: ["events.csv": ["x0,y,mA", "1,1,500", "3,1,700"]]), "data set 'toy': no background events in events.csv")
    }

    @Test func aPatternMatchingNoFileListsTheFoldersAndTheDescription() throws {
        let d = Self.declaration(files: .separate(signal: ["signal.csv"], background: ["bkg_*.csv"]),
                                 description: "made with bench data sim")
        let message = try failure(d, directories: ["/nonexistent/data"])
        Self.expect(message, "data set 'toy': background file 'bkg_*.csv' matches no file (looked in ", ", /nonexistent/data)",
                    " — made with bench data sim")
    }
}
