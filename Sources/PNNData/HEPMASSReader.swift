import PNNEngine

/// Reads HEPMASS-schema CSV files — the UCI `all_train.csv`, `all_test.csv`, the per-mass
/// `1000_train.csv`-style files, files written by `bench data sim`, and (format
/// `.publishedIMB`) the authors' published HEPMASS-IMB files — plain or gzip-compressed.
///
/// The input is streamed in blocks of `blockSize` bytes; each block is cut at its last
/// newline and its lines are split into pieces parsed in parallel. Pieces are appended
/// in input order, so the data set is identical for any thread count.
///
/// Format `.hepmass`: an optional header line `# label,f0,…,f26[,mass]` (leading `#` and
/// spaces optional); then one event per line. Format `.publishedIMB`: a header naming
/// `type`, `f0`…`f26` and `mass` in any order, other columns ignored (see
/// `CSVColumnLayout`), and every row's `type` must be the file's class. Every row is
/// validated: the column count, every read field a finite number, label 0 or 1 (`1.0`
/// accepted), mass one of `knownMasses` (`500.0` or `499.999969` accepted, stored as 500).
/// The first invalid row stops the read with `DataError.malformedRow(file, line,
/// expected)`; lines are numbered from 1 and include the header. The data set's
/// `signalMasses` are the masses its signal rows carry.
public struct HEPMASSReader {
    /// How the columns are found.
    public enum Format: Equatable, Sendable {
        /// UCI HEPMASS: `label, f0, …, f26[, mass]` in this order, header optional.
        case hepmass
        /// One file of the published HEPMASS-IMB: header required, columns by name.
        case publishedIMB(HEPMASSIMBFiles.Part)
    }

    public struct Options: Sendable {
        /// How the columns are found (default: HEPMASS's fixed order).
        public var format: Format = .hepmass
        /// Accepted signal masses (GeV).
        public var knownMasses: [Float] = HEPMASSSchema.signalMasses
        /// Mass for files without a mass column (per-mass files); when nil it is taken
        /// from the file name's leading number (`1000_train.csv` → 1000).
        public var fixedMass: Float?
        /// Worker threads for parsing.
        public var threads: Int = WorkerPool.availableCores
        /// Bytes read per block.
        public var blockSize: Int = 16 << 20
        public init() {}
    }

    public let options: Options
    public init(options: Options = Options()) { self.options = options }

    /// Reads the whole file into memory.
    public func read(_ path: String) throws -> EventDataset {
        let source = try openByteSource(path)
        let capacity = options.blockSize
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        let pool = WorkerPool(threads: max(1, options.threads))

        var features: [Float] = [], mass: [Float] = [], label: [UInt8] = []
        if let file = source as? FileByteSource {
            let rows = file.size / 180 + 1024  // a UCI line is ≈ 200–300 bytes
            features.reserveCapacity(rows * HEPMASSSchema.featureCount)
            mass.reserveCapacity(rows)
            label.reserveCapacity(rows)
        }
        var parser: CSVChunkParser?
        var filled = 0
        var nextLine = 1   // number of the first line held in buffer[0]
        var eof = false
        var sawAnyLine = false

        while !eof || filled > 0 {
            if !eof {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + filled, count: capacity - filled))
                if n == 0 { eof = true }
                filled += n
                if !eof && filled < capacity { continue }
            }
            // Whole lines only, except at the end of the input.
            var end = filled
            if !eof {
                while end > 0 && buffer[end - 1] != 10 { end -= 1 }
                if end == 0 {
                    throw DataError.malformedRow(file: path, line: nextLine, expected: "line longer than \(capacity) bytes, expected a CSV row of 29 numbers")
                }
            }
            var start = 0
            if parser == nil && nextLine == 1 && end >= 3 && UTF8ByteOrderMark.bytes.indices.allSatisfy({ buffer[$0] == UTF8ByteOrderMark.bytes[$0] }) {
                start = 3  // a UTF-8 byte-order mark before the first line
            }
            if parser == nil {
                // The header, if any, is the first non-blank line.
                while start < end {
                    var lineEnd = start
                    while lineEnd < end && buffer[lineEnd] != 10 { lineEnd += 1 }
                    let line = String(decoding: UnsafeBufferPointer(start: buffer + start, count: lineEnd - start), as: UTF8.self)
                    let trimmed = line.trimmingSpaces
                    if trimmed.isEmpty { start = min(end, lineEnd + 1); nextLine += 1; continue }
                    sawAnyLine = true
                    let header = try headerLayout(trimmed, path: path, line: nextLine)
                    parser = try makeParser(header ?? .hepmass(withMass: true), path: path)
                    if header != nil { start = min(end, lineEnd + 1); nextLine += 1 }
                    break
                }
            }
            if let parser, start < end {
                let pieces = splitAtNewlines(buffer + start, end - start, pieces: pool.threadCount * 4)
                var outputs = [CSVChunkParser.Output](repeating: .init(), count: pieces.count)
                outputs.withUnsafeMutableBufferPointer { outs in
                    let base = UnsafePointer(buffer + start)
                    pool.run(tasks: pieces.count) { k in
                        outs[k] = parser.parse(base + pieces[k].lowerBound, pieces[k].count)
                    }
                }
                for output in outputs {
                    if let error = output.error {
                        throw DataError.malformedRow(file: path, line: nextLine + error.line, expected: error.expected)
                    }
                    features.append(contentsOf: output.features)
                    mass.append(contentsOf: output.mass)
                    label.append(contentsOf: output.label)
                    nextLine += output.lines
                }
            }
            // Keep the incomplete last line for the next block.
            (buffer).update(from: buffer + end, count: filled - end)
            filled -= end
            if eof && filled == 0 { break }
        }
        if !sawAnyLine || label.isEmpty { throw DataError.empty(file: path) }
        // The signal masses are those the signal actually has (HEPMASS's `not1000` files
        // hold four), so samplers never balance over an empty mass.
        var present = Set<Float>()
        for i in 0..<label.count where label[i] == 1 { present.insert(mass[i]) }
        let masses = present.isEmpty ? (parser!.hasMassColumn ? options.knownMasses : [parser!.fixedMass]) : present.sorted()
        return EventDataset(features: features, mass: mass, label: label, signalMasses: masses)
    }

    /// The columns the first non-blank line declares, or nil when it is a data row (a
    /// HEPMASS file may have no header; a published HEPMASS-IMB file must have one).
    func headerLayout(_ line: String, path: String, line number: Int) throws -> CSVColumnLayout? {
        var text = Substring(line)
        if text.first == "#" { text = text.dropFirst() }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces.lowercased() }
        switch options.format {
        case .hepmass:
            guard names.first?.first.map({ $0.isLetter }) == true || line.hasPrefix("#") else { return nil }
            if names == HEPMASSSchema.headerColumns(withMass: true) { return .hepmass(withMass: true) }
            if names == HEPMASSSchema.headerColumns(withMass: false) { return .hepmass(withMass: false) }
            // The published HEPMASS-IMB files are told apart by name, not by header.
            let hint = names.contains("type") ? "; a published HEPMASS-IMB file is read as such only under its own name, \(HEPMASSIMBFiles.Part.signal.fileName).csv or \(HEPMASSIMBFiles.Part.background.fileName).csv" : ""
            throw DataError.malformedRow(file: path, line: number, expected: "header has \(names.count) columns `\(names.prefix(4).joined(separator: ","))…`, expected `# label,f0,…,f26,mass` (or without mass for per-mass files)\(hint)")
        case .publishedIMB:
            let unquoted = names.map { $0.count >= 2 && $0.hasPrefix("\"") && $0.hasSuffix("\"") ? String($0.dropFirst().dropLast()) : $0 }
            if unquoted.allSatisfy({ Float($0) != nil }) {
                throw DataError.malformedRow(file: path, line: number, expected: "a data row where the header belongs; expected a header line naming the columns `type`, `f0`…`f26`, `mass`")
            }
            return try CSVColumnLayout.named(unquoted, labelName: "type", file: path, line: number)
        }
    }

    func makeParser(_ layout: CSVColumnLayout, path: String) throws -> CSVChunkParser {
        var fixed: Float = 0
        if !layout.hasMassColumn {
            if let m = options.fixedMass {
                fixed = m
            } else {
                let name = path.split(separator: "/").last.map(String.init) ?? path
                guard let m = Float(name.prefix { $0.isNumber }) else {
                    throw DataError.invalidRequest("\(path): the file has no mass column and its name does not start with the mass (like 1000_train.csv); pass the mass explicitly (--mass)")
                }
                fixed = m
            }
        }
        var required: (value: UInt8, reason: String)?
        if case let .publishedIMB(part) = options.format {
            required = (part.label, "\(part.fileName) holds \(part.className) events only")
        }
        return CSVChunkParser(layout: layout, fixedMass: fixed, knownMasses: options.knownMasses, requiredLabel: required)
    }

    /// Splits a run of whole lines into about `pieces` ranges that each end at a newline.
    func splitAtNewlines(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, pieces: Int) -> [Range<Int>] {
        let target = max(1 << 16, n / max(1, pieces))
        var ranges: [Range<Int>] = []
        var start = 0
        while start < n {
            var end = min(n, start + target)
            while end < n && p[end - 1] != 10 { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}
