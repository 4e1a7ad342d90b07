import PNNEngine

/// Reads HEPMASS-schema CSV files — the UCI `all_train.csv`, `all_test.csv`, the per-mass
/// `1000_train.csv`-style files, HEPMASS-IMB and files written by `bench data sim` —
/// plain or gzip-compressed.
///
/// The input is streamed in blocks of `blockSize` bytes; each block is cut at its last
/// newline and its lines are split into pieces parsed in parallel. Pieces are appended
/// in input order, so the data set is identical for any thread count.
///
/// Format: an optional header line `# label,f0,…,f26[,mass]` (leading `#` and spaces
/// optional); then one event per line. Every row is validated: the column count, every
/// field a finite number, label 0 or 1 (`1.0` accepted), mass one of `knownMasses`
/// (`500.0` or `499.999969` accepted, stored as 500). The first invalid row stops the
/// read with `DataError.malformedRow(file, line, expected)`; lines are numbered from 1
/// and include the header. The data set's `signalMasses` are the masses its signal rows
/// carry.
public struct HEPMASSReader {
    public struct Options: Sendable {
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
            if parser == nil {
                // The header, if any, is the first non-blank line.
                while start < end {
                    var lineEnd = start
                    while lineEnd < end && buffer[lineEnd] != 10 { lineEnd += 1 }
                    let line = String(decoding: UnsafeBufferPointer(start: buffer + start, count: lineEnd - start), as: UTF8.self)
                    let trimmed = line.trimmingSpaces
                    if trimmed.isEmpty { start = min(end, lineEnd + 1); nextLine += 1; continue }
                    sawAnyLine = true
                    let header = try parseHeader(trimmed, path: path, line: nextLine)
                    parser = try makeParser(hasMassColumn: header ?? true, path: path)
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

    /// nil: the line is data, not a header. true/false: a header with/without mass column.
    func parseHeader(_ line: String, path: String, line number: Int) throws -> Bool? {
        var text = Substring(line)
        if text.first == "#" { text = text.dropFirst() }
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces.lowercased() }
        guard names.first?.first.map({ $0.isLetter }) == true || line.hasPrefix("#") else { return nil }
        if names == HEPMASSSchema.headerColumns(withMass: true) { return true }
        if names == HEPMASSSchema.headerColumns(withMass: false) { return false }
        throw DataError.malformedRow(file: path, line: number, expected: "header has \(names.count) columns `\(names.prefix(4).joined(separator: ","))…`, expected `# label,f0,…,f26,mass` (or without mass for per-mass files)")
    }

    func makeParser(hasMassColumn: Bool, path: String) throws -> CSVChunkParser {
        var fixed: Float = 0
        if !hasMassColumn {
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
        return CSVChunkParser(hasMassColumn: hasMassColumn, fixedMass: fixed, knownMasses: options.knownMasses)
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
