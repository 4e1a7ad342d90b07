#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file of classifier scores, the input of `bench score`.
///
/// Format: a header line naming the columns, then one event per line, fields separated
/// by commas, in any column order:
///
///     label   required  1 = signal, 0 = background (also written 1.0 / 0.0)
///     score   required  the classifier output, any finite number
///     weight  optional  event weight, any finite number (default 1; negative weights,
///                       e.g. from NLO generators, are kept; 0 drops the event)
///     mass    optional  the signal mass hypothesis the event was scored at
///
/// Column names are case-insensitive and may be quoted. Other columns are an error
/// (a misspelt "wieght" must not be silently ignored) unless `ignoreExtraColumns` is
/// set. Blank lines are skipped; Windows line ends and a UTF-8 byte-order mark are
/// accepted. Numbers are read with the C library's `strtod` in the C locale (decimal point
/// "."), and the whole field must be a number. Every error names the file, the line and
/// what was expected.
public struct ScoreFile: Sendable {
    public static let knownColumns = ["label", "score", "weight", "mass"]

    public let name: String
    public let scores: [Double]
    /// `true` for signal (label 1).
    public let labels: [Bool]
    public let weights: [Double]?
    public let masses: [Double]?
    /// Header columns that were skipped (only with `ignoreExtraColumns`).
    public let ignoredColumns: [String]

    public var count: Int { scores.count }

    /// Reads and parses the file at `path`.
    public init(path: String, ignoreExtraColumns: Bool = false) throws {
        guard let file = fopen(path, "rb") else {
            throw ScoreFileError(file: path, line: nil, "cannot open the file (\(String(cString: strerror(errno))))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read > 0 { bytes.append(contentsOf: chunk[0..<read]) }
            if read < chunk.count {
                if ferror(file) != 0 { throw ScoreFileError(file: path, line: nil, "read error (\(String(cString: strerror(errno))))") }
                break
            }
        }
        let count = bytes.count
        bytes.append(0)
        try self.init(terminated: bytes, count: count, name: path, ignoreExtraColumns: ignoreExtraColumns)
    }

    /// Parses CSV text held in memory; `name` is used in error messages.
    public init(bytes input: [UInt8], name: String, ignoreExtraColumns: Bool = false) throws {
        var bytes = input
        bytes.append(0)
        try self.init(terminated: bytes, count: input.count, name: name, ignoreExtraColumns: ignoreExtraColumns)
    }

    /// `bytes[count]` is a NUL terminator, which lets strtod run on the buffer in place.
    /// Steps: the header line (`readHeader`), the role of each column (`ScoreColumns`),
    /// the data lines (`readEvents`: `splitFields`, then `readEvent` reads and checks the
    /// fields), then the arrays of the result.
    private init(terminated bytes: [UInt8], count n: Int, name: String, ignoreExtraColumns: Bool) throws {
        self.name = name
        let (columns, events) = try bytes.withUnsafeBufferPointer { buffer in
            var text = ScoreFileText(base: buffer.baseAddress!, count: n, name: name)
            let header = try Self.readHeader(&text)
            let columns = try ScoreColumns(header: header, file: name, line: text.lineNumber, ignoreExtraColumns: ignoreExtraColumns)
            return (columns, try Self.readEvents(&text, columns: columns))
        }
        self.scores = events.scores
        self.labels = events.labels
        self.weights = columns.weight != nil ? events.weights : nil
        self.masses = columns.mass != nil ? events.masses : nil
        self.ignoredColumns = columns.ignored
    }

    /// The header: the first non-blank line, split at commas into column names
    /// (trimmed, unquoted, lower-cased so that "Label" and "\"score\"" are recognised).
    private static func readHeader(_ text: inout ScoreFileText) throws -> [String] {
        guard let line = text.nextLine() else {
            throw ScoreFileError(file: text.name, line: nil, "the file is empty: expected a header line naming the columns label, score[, weight][, mass]")
        }
        return String(decoding: UnsafeBufferPointer(start: text.base + line.start, count: line.end - line.start), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false).map { field in
                var f = field.trimmingCharacters(in: " \t")
                if f.count >= 2 && f.first == "\"" && f.last == "\"" { f = String(f.dropFirst().dropLast()) }
                return f.lowercased()
            }
    }

    /// Every data line after the header, in file order, as one event each.
    /// Only the columns the header has are filled (`weights`, `masses` stay empty otherwise).
    private static func readEvents(_ text: inout ScoreFileText, columns: ScoreColumns)
        throws -> (scores: [Double], labels: [Bool], weights: [Double], masses: [Double]) {
        var scores: [Double] = [], labels: [Bool] = [], weights: [Double] = [], masses: [Double] = []
        // A guess from the file size (≥ 8 bytes per field), so that large files rarely regrow.
        let estimate = max(text.count / max(columns.count * 8, 1), 16)
        scores.reserveCapacity(estimate); labels.reserveCapacity(estimate)
        if columns.weight != nil { weights.reserveCapacity(estimate) }
        if columns.mass != nil { masses.reserveCapacity(estimate) }

        // Field starts of the current line (reused).
        var starts = [Int](repeating: 0, count: columns.count + 1)
        while let line = text.nextLine() {
            try splitFields(line, of: text, columns: columns, into: &starts)
            let event = try readEvent(text, fieldStarts: starts, columns: columns)
            if let w = event.weight { weights.append(w) }
            if let m = event.mass { masses.append(m) }
            labels.append(event.signal)
            scores.append(event.score)
        }
        if scores.isEmpty {
            throw ScoreFileError(file: text.name, line: nil, "no events: the file has a header but no data lines")
        }
        return (scores, labels, weights, masses)
    }

    /// Splits the line at its commas: field f spans [starts[f], starts[f + 1] − 1).
    /// The line must have exactly as many fields as the header.
    @inline(__always)
    private static func splitFields(_ line: (start: Int, end: Int), of text: ScoreFileText, columns: ScoreColumns,
                                    into starts: inout [Int]) throws {
        let fieldCount = columns.count
        var fields = 0
        starts[0] = line.start
        var i = line.start
        while i < line.end {
            if text.base[i] == UInt8(ascii: ",") {
                fields += 1
                if fields >= fieldCount {
                    throw ScoreFileError(file: text.name, line: text.lineNumber, "more than \(fieldCount) fields: expected \(fieldCount) (\(columns.names.joined(separator: ",")))")
                }
                starts[fields] = i + 1
            }
            i += 1
        }
        fields += 1
        guard fields == fieldCount else {
            throw ScoreFileError(file: text.name, line: text.lineNumber, "\(fields) fields, expected \(fieldCount) (\(columns.names.joined(separator: ",")))")
        }
        starts[fieldCount] = line.end + 1  // one past the virtual separator after the last field
    }

    /// One event from the fields of a line, validated in column-role order
    /// (label, score, weight, mass), so a line with several problems reports the first.
    @inline(__always)
    private static func readEvent(_ text: ScoreFileText, fieldStarts starts: [Int], columns: ScoreColumns)
        throws -> (signal: Bool, score: Double, weight: Double?, mass: Double?) {
        let label = try number(text, starts[columns.label], starts[columns.label + 1] - 1, "label")
        guard label == 0 || label == 1 else {
            throw ScoreFileError(file: text.name, line: text.lineNumber, "label is \"\(text.quote(starts[columns.label], starts[columns.label + 1] - 1))\": expected 1 (signal) or 0 (background)")
        }
        let score = try number(text, starts[columns.score], starts[columns.score + 1] - 1, "score")
        guard score.isFinite else {
            throw ScoreFileError(file: text.name, line: text.lineNumber, "score is \(score): expected a finite number")
        }
        var weight: Double? = nil, mass: Double? = nil
        if let at = columns.weight {
            let w = try number(text, starts[at], starts[at + 1] - 1, "weight")
            guard w.isFinite else {
                throw ScoreFileError(file: text.name, line: text.lineNumber, "weight is \(w): expected a finite number")
            }
            weight = w
        }
        if let at = columns.mass {
            let m = try number(text, starts[at], starts[at + 1] - 1, "mass")
            guard m.isFinite else {
                throw ScoreFileError(file: text.name, line: text.lineNumber, "mass is \(m): expected a finite number")
            }
            mass = m
        }
        return (label == 1, score, weight, mass)
    }

    /// The number in the field [a, b) of the current line: the whole field, apart from
    /// surrounding blanks, must be one number (so "0.5x" and "" are errors, not 0.5 and 0).
    @inline(__always)
    private static func number(_ text: ScoreFileText, _ a: Int, _ b: Int, _ what: String) throws -> Double {
        let base = text.base
        if let value = plainDecimal(base, a, b) { return value }
        var endPointer: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(UnsafeRawPointer(base + a).assumingMemoryBound(to: CChar.self), &endPointer)
        var stop = UnsafeRawPointer(endPointer!).assumingMemoryBound(to: UInt8.self) - base
        while stop < b && (base[stop] == UInt8(ascii: " ") || base[stop] == UInt8(ascii: "\t")) { stop += 1 }
        if stop == a || stop != b || text.isBlank(a, b) {
            let found = text.isBlank(a, b) ? "an empty field" : "\"\(text.quote(a, b))\""
            throw ScoreFileError(file: text.name, line: text.lineNumber, "\(what): expected a number, found \(found)")
        }
        return value
    }
}

extension ScoreFile {
    /// Exact powers of ten 10⁰ … 10²² (all representable in a Double).
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// Fast path for the common field "[-]ddd.ddd" (≤ 18 digits, value of the digits
    /// < 2⁵³, ≤ 22 decimals): digits/10^k is then a quotient of two exactly represented
    /// Doubles, and IEEE division rounds it correctly — the same Double that strtod
    /// returns. Anything else (exponents, long numbers, nan, errors) returns nil and goes
    /// through strtod.
    @inline(__always)
    static func plainDecimal(_ base: UnsafePointer<UInt8>, _ a: Int, _ b: Int) -> Double? {
        var i = a
        var negative = false
        if i < b && base[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var digits: UInt64 = 0, count = 0, decimals = 0
        var seenPoint = false
        while i < b {
            let c = base[i]
            if c &- UInt8(ascii: "0") < 10 {
                digits = digits &* 10 &+ UInt64(c &- UInt8(ascii: "0"))
                count += 1
                if seenPoint { decimals += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard count > 0, count <= 18, digits < (1 << 53), decimals <= 22 else { return nil }
        let value = Double(digits) / powersOfTen[decimals]
        return negative ? -value : value
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
