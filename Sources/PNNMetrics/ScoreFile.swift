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
///     weight  optional  event weight ≥ 0 (default 1)
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
    private init(terminated bytes: [UInt8], count n: Int, name: String, ignoreExtraColumns: Bool) throws {
        self.name = name
        var scores: [Double] = [], labels: [Bool] = [], weights: [Double] = [], masses: [Double] = []
        var ignored: [String] = []
        var hasWeight = false, hasMass = false

        try bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var position = 0
            var lineNumber = 0
            // Skip a UTF-8 byte-order mark.
            if n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }

            /// End of the line starting at `start` (index of "\n" or n), without a trailing "\r".
            func lineEnd(from start: Int) -> (content: Int, next: Int) {
                var e = start
                while e < n && base[e] != UInt8(ascii: "\n") { e += 1 }
                var c = e
                if c > start && base[c - 1] == UInt8(ascii: "\r") { c -= 1 }
                return (c, e + 1)
            }
            func isBlank(_ a: Int, _ b: Int) -> Bool {
                var i = a
                while i < b { if base[i] != UInt8(ascii: " ") && base[i] != UInt8(ascii: "\t") { return false }; i += 1 }
                return true
            }
            func text(_ a: Int, _ b: Int) -> String {
                let limit = min(b, a + 40)
                let s = String(decoding: UnsafeBufferPointer(start: base + a, count: max(limit - a, 0)), as: UTF8.self)
                return limit < b ? s + "…" : s
            }

            // Header: first non-blank line.
            var header: [String] = []
            while position < n {
                lineNumber += 1
                let (end, next) = lineEnd(from: position)
                defer { position = next }
                if isBlank(position, end) { continue }
                header = String(decoding: UnsafeBufferPointer(start: base + position, count: end - position), as: UTF8.self)
                    .split(separator: ",", omittingEmptySubsequences: false).map { field in
                        var f = field.trimmingCharacters(in: " \t")
                        if f.count >= 2 && f.first == "\"" && f.last == "\"" { f = String(f.dropFirst().dropLast()) }
                        return f.lowercased()
                    }
                break
            }
            guard !header.isEmpty else {
                throw ScoreFileError(file: name, line: nil, "the file is empty: expected a header line naming the columns label, score[, weight][, mass]")
            }
            let headerLine = lineNumber
            // Column roles.
            var column = [String: Int]()
            for (i, h) in header.enumerated() {
                if Self.knownColumns.contains(h) {
                    if column[h] != nil { throw ScoreFileError(file: name, line: headerLine, "column \"\(h)\" appears twice") }
                    column[h] = i
                } else if ignoreExtraColumns {
                    ignored.append(h)
                } else {
                    throw ScoreFileError(file: name, line: headerLine, "unknown column \"\(h)\": expected only label, score, weight, mass (remove it or pass --ignore-extra-columns)")
                }
            }
            for required in ["label", "score"] where column[required] == nil {
                throw ScoreFileError(file: name, line: headerLine, "missing column \"\(required)\": the header must name label and score (found: \(header.joined(separator: ", ")))")
            }
            let labelAt = column["label"]!, scoreAt = column["score"]!
            let weightAt = column["weight"] ?? -1, massAt = column["mass"] ?? -1
            hasWeight = weightAt >= 0; hasMass = massAt >= 0
            let fieldCount = header.count
            let estimate = max(n / max(fieldCount * 8, 1), 16)
            scores.reserveCapacity(estimate); labels.reserveCapacity(estimate)
            if hasWeight { weights.reserveCapacity(estimate) }
            if hasMass { masses.reserveCapacity(estimate) }

            // Field starts of the current line (reused).
            var starts = [Int](repeating: 0, count: fieldCount + 1)
            while position < n {
                lineNumber += 1
                let (end, next) = lineEnd(from: position)
                defer { position = next }
                if isBlank(position, end) { continue }
                // Split on commas.
                var fields = 0
                starts[0] = position
                var i = position
                while i < end {
                    if base[i] == UInt8(ascii: ",") {
                        fields += 1
                        if fields >= fieldCount {
                            throw ScoreFileError(file: name, line: lineNumber, "more than \(fieldCount) fields: expected \(fieldCount) (\(header.joined(separator: ",")))")
                        }
                        starts[fields] = i + 1
                    }
                    i += 1
                }
                fields += 1
                guard fields == fieldCount else {
                    throw ScoreFileError(file: name, line: lineNumber, "\(fields) fields, expected \(fieldCount) (\(header.joined(separator: ",")))")
                }
                starts[fieldCount] = end + 1  // one past the virtual separator after the last field

                func number(_ index: Int, _ what: String) throws -> Double {
                    let a = starts[index], b = starts[index + 1] - 1
                    if let value = Self.plainDecimal(base, a, b) { return value }
                    var endPointer: UnsafeMutablePointer<CChar>? = nil
                    let value = strtod(UnsafeRawPointer(base + a).assumingMemoryBound(to: CChar.self), &endPointer)
                    var stop = UnsafeRawPointer(endPointer!).assumingMemoryBound(to: UInt8.self) - base
                    while stop < b && (base[stop] == UInt8(ascii: " ") || base[stop] == UInt8(ascii: "\t")) { stop += 1 }
                    if stop == a || stop != b || isBlank(a, b) {
                        let found = isBlank(a, b) ? "an empty field" : "\"\(text(a, b))\""
                        throw ScoreFileError(file: name, line: lineNumber, "\(what): expected a number, found \(found)")
                    }
                    return value
                }

                let label = try number(labelAt, "label")
                guard label == 0 || label == 1 else {
                    throw ScoreFileError(file: name, line: lineNumber, "label is \"\(text(starts[labelAt], starts[labelAt + 1] - 1))\": expected 1 (signal) or 0 (background)")
                }
                let score = try number(scoreAt, "score")
                guard score.isFinite else {
                    throw ScoreFileError(file: name, line: lineNumber, "score is \(score): expected a finite number")
                }
                if hasWeight {
                    let w = try number(weightAt, "weight")
                    guard w >= 0 && w.isFinite else {
                        throw ScoreFileError(file: name, line: lineNumber, "weight is \(w): expected a finite number ≥ 0")
                    }
                    weights.append(w)
                }
                if hasMass {
                    let m = try number(massAt, "mass")
                    guard m.isFinite else {
                        throw ScoreFileError(file: name, line: lineNumber, "mass is \(m): expected a finite number")
                    }
                    masses.append(m)
                }
                labels.append(label == 1)
                scores.append(score)
            }
            if scores.isEmpty {
                throw ScoreFileError(file: name, line: nil, "no events: the file has a header but no data lines")
            }
        }
        self.scores = scores
        self.labels = labels
        self.weights = hasWeight ? weights : nil
        self.masses = hasMass ? masses : nil
        self.ignoredColumns = ignored
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
