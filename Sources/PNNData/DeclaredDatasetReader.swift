#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// Reads a `DatasetDeclaration`'s CSV files into training and test `EventDataset`s.
///
/// Every file needs a header line (a leading `#` is allowed) naming its columns; columns
/// are found by name, in any order, and columns nobody asked for are skipped unread.
/// Per row:
/// - features and the weight must be numbers (a non-finite weight is an error);
/// - signal rows need every parameter; with a declared grid the point must be on it
///   (within 10⁻⁶ relative, which absorbs values printed with rounding) and is stored as
///   the grid's value; background rows may leave the parameters out (they are drawn in
///   training), or hold values, which identical-fixed training keeps when they are a
///   training point (as HEPMASS's background masses are kept);
/// - a label column holds 1 (signal) or 0 (background).
///
/// Then: the process names (sorted) become ids 0, 1, …; each grid point must have signal
/// events and a positive signal weight sum, the background a positive weight sum; with a
/// `fraction` test split, each signal point's events and the background are split apart
/// by a permutation with a fixed seed (`round(f·n)` events of each group to the test
/// set, at least one to each side), so the split is the same for every run and seed;
/// features are standardised with the training set's mean and population standard
/// deviation (a constant feature gets σ = 1); the parameter scaling is the declared
/// divisors or computed from the grid (`ParameterScaling.computed`).
///
/// Errors name the file and line (bad rows) or the data set and what is missing, as
/// `DataError`s. Files are read whole into memory, then parsed.
public enum DeclaredDatasetReader {
    /// Seed of the test split's permutation.
    public static let splitSeed: UInt64 = 2016

    public struct Loaded: @unchecked Sendable {
        public let train: EventDataset
        public let test: EventDataset
        public let featureNames: [String]
        /// Every file read, with the FNV-1a 64 checksum of its (decompressed) content.
        public let files: [(path: String, checksum: UInt64)]
        /// Background process names, by id.
        public let processNames: [String]
    }

    public static func load(_ d: DatasetDeclaration, directories: [String]) throws -> Loaded {
        var files: [(String, UInt64)] = []
        let trainSources = try resolve(d.files, d, directories: directories)
        var testSources: [Source] = []
        if case .files(let set) = d.test { testSources = try resolve(set, d, directories: directories) }
        // The first file's header chooses the features; each file is read once.
        var featureNames: [String] = []
        var processNames = Set<String>()
        var trainRaw = Raw(), testRaw = Raw()
        for (k, source) in (trainSources + testSources).enumerated() {
            let table = try CSVTable(path: source.path)
            if k == 0 {
                featureNames = try selectFeatures(d, header: table.header.names, line: table.header.line,
                                                  firstRow: table.header.firstRow, file: source.path)
            }
            if k < trainSources.count {
                try read(table, source, d, features: featureNames, into: &trainRaw, processes: &processNames)
            } else {
                try read(table, source, d, features: featureNames, into: &testRaw, processes: &processNames)
            }
            files.append((source.path, table.checksum))
        }
        let processList = processNames.sorted()
        guard processList.count <= 256 else {
            throw DataError.invalidRequest("data set '\(d.name)': \(processList.count) background processes in column '\(d.process ?? "")'; at most 256 are supported")
        }
        let processID = Dictionary(uniqueKeysWithValues: processList.enumerated().map { ($0.element, UInt8($0.offset)) })

        let points: [[Float]]
        switch d.points {
        case .declared(let grid): points = grid.sorted(by: ParameterPoint.precedes)
        case .found: points = trainRaw.foundPoints(p: d.parameters.count)
        }
        let trainFiles = trainSources.map(\.path).joined(separator: ", ")
        var testFiles = trainFiles
        try trainRaw.check(points: points, d, files: trainFiles)
        if case .fraction(let f) = d.test {
            (trainRaw, testRaw) = trainRaw.split(fraction: f, points: points, d)
            // A point needs events on both sides of the split to be trained and tested.
            try testRaw.check(points: points, d, files: trainFiles, needing: "at least 2 signal events (one for training, one for the test split)")
        } else {
            testFiles = testSources.map(\.path).joined(separator: ", ")
            try testRaw.check(points: points, d, files: testFiles)
        }
        try trainRaw.checkSums(points: points, d, files: trainFiles)
        try testRaw.checkSums(points: points, d, files: testFiles)

        let nf = featureNames.count
        var (mean, sd) = ([Double](repeating: 0, count: nf), [Double](repeating: 1, count: nf))
        if d.standardize { (mean, sd) = trainRaw.standardization(features: nf) }
        let scaling: ParameterScaling
        switch d.scaling {
        case .computed: scaling = .computed(points: points)
        case .divisors(let v): scaling = .dividing(by: v)
        }
        func dataset(_ raw: Raw) -> EventDataset {
            var features = raw.features
            for i in 0..<raw.count {
                for j in 0..<nf { features[i * nf + j] = Float((Double(features[i * nf + j]) - mean[j]) / sd[j]) }
            }
            return EventDataset(features: features, featureCount: nf, parameters: raw.parameters, parameterNames: d.parameters,
                                scaling: scaling, label: raw.label, process: raw.process.map { processID[$0] ?? 0 },
                                weight: d.weight == nil ? nil : raw.weight, signalPoints: points)
        }
        return Loaded(train: dataset(trainRaw), test: dataset(testRaw), featureNames: featureNames,
                      files: files, processNames: processList)
    }

    // MARK: - Files

    /// The files `load` reads for `d`, training files first, resolved as `load` does but
    /// without opening any of them; throws as `load` would when a pattern matches nothing.
    public static func inputFiles(_ d: DatasetDeclaration, directories: [String]) throws -> [String] {
        var sources = try resolve(d.files, d, directories: directories)
        if case .files(let set) = d.test { sources += try resolve(set, d, directories: directories) }
        return sources.map(\.path)
    }

    /// One file and the class its rows belong to (nil: read from the label column).
    struct Source {
        let path: String
        let label: UInt8?
    }

    static func resolve(_ set: DatasetDeclaration.FileSet, _ d: DatasetDeclaration, directories: [String]) throws -> [Source] {
        func expand(_ patterns: [String], label: UInt8?, role: String) throws -> [Source] {
            var out: [Source] = []
            for pattern in patterns {
                let paths = try FilePattern.expand(pattern, directories: directories)
                if paths.isEmpty {
                    let places = pattern.hasPrefix("/") ? "" : " (looked in \(directories.joined(separator: ", ")))"
                    throw DataError.invalidRequest("data set '\(d.name)': \(role) file '\(pattern)' matches no file\(places)" + (d.description.map { " — \($0)" } ?? ""))
                }
                out += paths.map { Source(path: $0, label: label) }
            }
            return out
        }
        switch set {
        case let .separate(signal, background):
            return try expand(signal, label: 1, role: "signal") + expand(background, label: 0, role: "background")
        case let .labelled(files, _):
            return try expand(files, label: nil, role: "events")
        }
    }

    static func selectFeatures(_ d: DatasetDeclaration, header: [String], line: Int, firstRow: [String]?, file: String) throws -> [String] {
        switch d.features {
        case .columns(let names):
            for name in names where !header.contains(name) {
                throw DataError.malformedRow(file: file, line: line, expected: "a column `\(name)` (declared in 'features' of data set '\(d.name)'); the header has \(header.joined(separator: ", "))")
            }
            return names
        case .allExcept(let excluded):
            var reserved = Set(d.parameters + excluded)
            if let w = d.weight { reserved.insert(w) }
            if let p = d.process { reserved.insert(p) }
            if case .labelled(_, let label) = d.files { reserved.insert(label) }
            let names = header.enumerated().filter { column, name in
                guard !reserved.contains(name), !name.isEmpty else { return false }
                // "All numeric columns": judged by the first data row.
                guard let row = firstRow, column < row.count else { return true }
                return Double(row[column].trimmingBlanks) != nil
            }.map(\.element)
            if names.isEmpty {
                throw DataError.malformedRow(file: file, line: line, expected: "at least one numeric feature column besides the parameter, weight, process and label columns (data set '\(d.name)')")
            }
            return names
        }
    }

    /// Reads the rows of `table`, the file of `s`, into `raw`.
    static func read(_ table: CSVTable, _ s: Source, _ d: DatasetDeclaration, features: [String], into raw: inout Raw,
                     processes: inout Set<String>) throws {
        let header = table.header
        func column(_ name: String, role: String) throws -> Int {
            guard let k = header.names.firstIndex(of: name) else {
                throw DataError.malformedRow(file: s.path, line: header.line, expected: "a column `\(name)` (\(role) of data set '\(d.name)'); the header has \(header.names.joined(separator: ", "))")
            }
            return k
        }
        let featureColumns = try features.map { try column($0, role: "a feature") }
        let isSignalFile = s.label == 1
        var parameterColumns: [Int?] = []
        for name in d.parameters {
            if isSignalFile || s.label == nil { parameterColumns.append(try column(name, role: "a parameter")) }
            else { parameterColumns.append(header.names.firstIndex(of: name)) }
        }
        let weightColumn = try d.weight.map { try column($0, role: "the weight") }
        let processColumn = try d.process.flatMap { name -> Int? in
            s.label == 1 ? header.names.firstIndex(of: name) : try column(name, role: "the process")
        }
        var labelColumn: Int?
        if case .labelled(_, let label) = d.files { labelColumn = try column(label, role: "the label") }
        let grid: [[Float]]? = { if case .declared(let g) = d.points { return g }; return nil }()
        let p = d.parameters.count

        try table.forEachRow { line, fields in
            guard fields.count == header.names.count else {
                throw DataError.malformedRow(file: s.path, line: line, expected: "\(header.names.count) comma-separated fields as in the header, found \(fields.count)")
            }
            func number(_ k: Int) throws -> Float {
                guard let v = fields.number(k) else {
                    throw DataError.malformedRow(file: s.path, line: line, expected: "column \(k + 1) (\(header.names[k])) is `\(fields.text(k))`, expected a number")
                }
                return v
            }
            let label: UInt8
            if let lc = labelColumn {
                let v = try number(lc)
                guard v == 0 || v == 1 else {
                    throw DataError.malformedRow(file: s.path, line: line, expected: "column \(lc + 1) (\(header.names[lc])) is `\(fields.text(lc))`, expected 1 (signal) or 0 (background)")
                }
                label = UInt8(v)
            } else {
                label = s.label!
            }
            for k in featureColumns { raw.features.append(try number(k)) }
            var point = [Float]()
            for (j, c) in parameterColumns.enumerated() {
                guard let c, !(label == 0 && fields.text(c).isEmpty) else { point.append(.nan); continue }
                let v = try number(c)
                guard v.isFinite || label == 0 else {
                    throw DataError.malformedRow(file: s.path, line: line, expected: "column \(c + 1) (\(d.parameters[j])) is `\(fields.text(c))`, expected a finite parameter value for a signal event")
                }
                point.append(v)
            }
            if label == 1, let grid {
                guard let snapped = grid.first(where: { g in zip(g, point).allSatisfy { Swift.abs($0 - $1) <= 1e-6 * max(1, Swift.abs($0)) } }) else {
                    throw DataError.malformedRow(file: s.path, line: line, expected: "a signal point of the declared grid of data set '\(d.name)', found \(ParameterPoint.label(point, names: d.parameters)); the grid is \(grid.map { ParameterPoint.label($0, names: d.parameters) }.joined(separator: p == 1 ? ", " : "; "))")
                }
                point = snapped
            }
            raw.parameters += point
            raw.label.append(label)
            if let wc = weightColumn {
                let w = try number(wc)
                guard w.isFinite else {
                    throw DataError.malformedRow(file: s.path, line: line, expected: "column \(wc + 1) (\(header.names[wc])) is `\(fields.text(wc))`, expected a finite weight")
                }
                raw.weight.append(w)
            } else {
                raw.weight.append(1)
            }
            let name = label == 0 ? (processColumn.map { fields.text($0) } ?? "") : ""
            if label == 0 { processes.insert(name) }
            raw.process.append(name)
        }
    }

    // MARK: - Events before they become data sets

    struct Raw {
        var features: [Float] = []
        var parameters: [Float] = []
        var label: [UInt8] = []
        var weight: [Float] = []
        var process: [String] = []
        var count: Int { label.count }

        func foundPoints(p: Int) -> [[Float]] {
            var seen = Set<[Float]>()
            for i in 0..<count where label[i] == 1 { seen.insert(Array(parameters[(i * p)..<((i + 1) * p)])) }
            return seen.sorted(by: ParameterPoint.precedes)
        }

        /// Every grid point has signal events; there is background.
        func check(points: [[Float]], _ d: DatasetDeclaration, files: String, needing: String? = nil) throws {
            let p = d.parameters.count
            var perPoint = [[Float]: Int]()
            for i in 0..<count where label[i] == 1 { perPoint[Array(parameters[(i * p)..<((i + 1) * p)]), default: 0] += 1 }
            for point in points where perPoint[point] == nil {
                throw DataError.invalidRequest("data set '\(d.name)': signal point \(ParameterPoint.label(point, names: d.parameters)) "
                    + (needing.map { "has fewer than 2 events in \(files); with a 'test' fraction every point needs \($0)" } ?? "has no events in \(files)"))
            }
            if !label.contains(0) { throw DataError.invalidRequest("data set '\(d.name)': no background events in \(files)") }
        }

        /// Weight sums: every point's signal and the background must be positive (the
        /// evaluation normalises the background to each point's signal), and a weight
        /// column that is all zero is refused outright.
        func checkSums(points: [[Float]], _ d: DatasetDeclaration, files: String) throws {
            guard let column = d.weight else { return }
            if weight.allSatisfy({ $0 == 0 }) {
                throw DataError.invalidRequest("data set '\(d.name)': every weight in column '\(column)' of \(files) is 0")
            }
            let p = d.parameters.count
            var sums = [[Float]: Double](), background = 0.0
            for i in 0..<count {
                if label[i] == 1 { sums[Array(parameters[(i * p)..<((i + 1) * p)]), default: 0] += Double(weight[i]) }
                else { background += Double(weight[i]) }
            }
            for point in points where !(sums[point, default: 0] > 0) {
                throw DataError.invalidRequest("data set '\(d.name)': the signal weights (column '\(column)') at \(ParameterPoint.label(point, names: d.parameters)) in \(files) sum to \(sums[point, default: 0]); every point needs a positive sum")
            }
            if !(background > 0) {
                throw DataError.invalidRequest("data set '\(d.name)': the background weights (column '\(column)') in \(files) sum to \(background); they need a positive sum")
            }
        }

        func subset(_ rows: [Int], p: Int, nf: Int) -> Raw {
            var r = Raw()
            for i in rows {
                r.features += features[(i * nf)..<((i + 1) * nf)]
                r.parameters += parameters[(i * p)..<((i + 1) * p)]
                r.label.append(label[i]); r.weight.append(weight[i]); r.process.append(process[i])
            }
            return r
        }

        /// Training and test parts (see the reader's documentation).
        func split(fraction f: Double, points: [[Float]], _ d: DatasetDeclaration) -> (Raw, Raw) {
            let p = d.parameters.count, nf = count == 0 ? 0 : features.count / count
            let index = PointIndex(points)
            var groups = [[Int]](repeating: [], count: points.count + 1)
            for i in 0..<count {
                groups[label[i] == 1 ? (index.find(parameters, row: i) ?? points.count) : points.count].append(i)
            }
            var train = [Int](), test = [Int]()
            for (g, rows) in groups.enumerated() where !rows.isEmpty {
                var order = rows
                var stream = RandomStream(seed: DeclaredDatasetReader.splitSeed, purpose: .subsampling, index: UInt64(g))
                stream.shuffle(&order)
                let n = rows.count < 2 ? 0 : min(rows.count - 1, max(1, Int((f * Double(rows.count)).rounded())))
                test += order.prefix(n)
                train += order.dropFirst(n)
            }
            return (subset(train.sorted(), p: p, nf: nf), subset(test.sorted(), p: p, nf: nf))
        }

        func standardization(features nf: Int) -> ([Double], [Double]) {
            var mean = [Double](repeating: 0, count: nf), sq = [Double](repeating: 0, count: nf)
            for i in 0..<count { for j in 0..<nf { mean[j] += Double(features[i * nf + j]) } }
            for j in 0..<nf { mean[j] /= Double(max(count, 1)) }
            for i in 0..<count { for j in 0..<nf { let x = Double(features[i * nf + j]) - mean[j]; sq[j] += x * x } }
            let sd = sq.map { s -> Double in let v = (s / Double(max(count, 1))).squareRoot(); return v > 0 ? v : 1 }
            return (mean, sd)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing blanks, tabs and carriage returns.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !blank($0) }) else { return "" }
        let end = lastIndex(where: { !blank($0) })!
        return String(self[start...end])
    }
}
