#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// A CSV file with a header line, read whole (gzip decompressed) for
/// `DeclaredDatasetReader`: fields are split at commas (a field in double quotes may not
/// contain a comma), surrounding blanks and quotes are ignored, blank lines are skipped,
/// and line numbers count every line of the file from 1. A leading UTF-8 byte-order mark
/// is skipped (and is not part of the checksum).
struct CSVTable {
    let path: String
    let bytes: [UInt8]
    let header: Header
    /// FNV-1a 64 of the content.
    let checksum: UInt64

    struct Header {
        /// Column names (a leading `#` of the line removed).
        let names: [String]
        let line: Int
        /// The first data row's fields, for telling numeric columns apart.
        let firstRow: [String]?
        /// Offset of the first byte after the header line.
        let end: Int
    }

    init(path: String) throws {
        let source = try openByteSource(path, missingHint: "check the path in the suite's 'datasets:' entry")
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        // A UTF-8 byte-order mark (what spreadsheet programs write) is not part of the text.
        if bytes.starts(with: UTF8ByteOrderMark.bytes) { bytes.removeFirst(UTF8ByteOrderMark.bytes.count) }
        self.path = path
        self.bytes = bytes
        checksum = bytes.withUnsafeBytes { FNV1a64.hash($0) }
        var headerLine: (Int, Range<Int>)?
        var firstRow: [String]?
        var end = 0
        Self.lines(bytes, from: 0) { number, range in
            if headerLine == nil {
                headerLine = (number, range)
                end = range.upperBound
                return true
            }
            firstRow = Fields(bytes: bytes, range: range).texts
            return false
        }
        guard let (line, range) = headerLine else { throw DataError.empty(file: path) }
        var names = Fields(bytes: bytes, range: range).texts
        if let first = names.first, first.hasPrefix("#") { names[0] = String(first.dropFirst()).trimmingBlanks }
        var seen = Set<String>()
        for name in names where !name.isEmpty && !seen.insert(name).inserted {
            throw DataError.malformedRow(file: path, line: line, expected: "a header naming each column once; `\(name)` appears twice")
        }
        header = Header(names: names, line: line, firstRow: firstRow, end: end)
    }

    /// Calls `body(line number, fields)` for every non-blank line after the header.
    func forEachRow(_ body: (Int, Fields) throws -> Void) throws {
        var failure: Error?
        var lineOfEnd = 0
        for b in bytes[0..<header.end] where b == 10 { lineOfEnd += 1 }
        var fields = Fields(bytes: bytes, range: 0..<0)
        Self.lines(bytes, from: header.end, firstLine: lineOfEnd + 1) { number, range in
            fields.split(range)
            do { try body(number, fields) } catch { failure = error; return false }
            return true
        }
        if let failure { throw failure }
    }

    /// Non-blank lines from `start`: `visit(number, range without the line break)` until it returns false.
    private static func lines(_ bytes: [UInt8], from start: Int, firstLine: Int = 1, _ visit: (Int, Range<Int>) -> Bool) {
        var lineStart = start, number = firstLine
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            var stop = end
            if stop > lineStart && bytes[stop - 1] == 13 { stop -= 1 }
            var blank = true
            for k in lineStart..<stop where bytes[k] != 32 && bytes[k] != 9 { blank = false; break }
            if !blank && !visit(number, lineStart..<stop) { return }
            lineStart = end + 1
            number += 1
        }
    }

    /// The fields of one line.
    struct Fields {
        let bytes: [UInt8]
        private(set) var ranges: [Range<Int>] = []

        init(bytes: [UInt8], range: Range<Int>) {
            self.bytes = bytes
            split(range)
        }

        /// Splits another line of `bytes`, reusing the storage of the previous one.
        mutating func split(_ range: Range<Int>) {
            ranges.removeAll(keepingCapacity: true)
            bytes.withUnsafeBufferPointer { b in
                var start = range.lowerBound
                for k in range where b[k] == 44 {
                    ranges.append(Self.trim(b, start..<k))
                    start = k + 1
                }
                ranges.append(Self.trim(b, start..<range.upperBound))
            }
        }

        /// Without surrounding blanks, then without one pair of surrounding double quotes.
        static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi && (bytes[lo] == 32 || bytes[lo] == 9) { lo += 1 }
            while hi > lo && (bytes[hi - 1] == 32 || bytes[hi - 1] == 9) { hi -= 1 }
            if hi - lo >= 2 && bytes[lo] == 34 && bytes[hi - 1] == 34 { lo += 1; hi -= 1 }
            return lo..<hi
        }

        var count: Int { ranges.count }
        var texts: [String] { ranges.indices.map(text) }

        func text(_ k: Int) -> String { String(decoding: bytes[ranges[k]], as: UTF8.self) }

        /// Field k as a number, or nil.
        func number(_ k: Int) -> Float? {
            let r = ranges[k]
            guard !r.isEmpty else { return nil }
            return bytes.withUnsafeBufferPointer { b in
                if case .number(let v) = DecimalParser.parse(b.baseAddress! + r.lowerBound, r.count) { return v }
                return nil
            }
        }
    }
}

/// Paths with `*` and `?` wildcards in their last component, resolved against folders.
enum FilePattern {
    /// The files `pattern` names: an absolute pattern as it is; a relative one in the
    /// first of `directories` where it matches anything. Sorted by name.
    static func expand(_ pattern: String, directories: [String]) throws -> [String] {
        let bases = pattern.hasPrefix("/") ? [""] : directories
        for base in bases {
            let full = base.isEmpty ? pattern : (base.hasSuffix("/") ? base : base + "/") + pattern
            let slash = full.lastIndex(of: "/")
            let folder = slash.map { String(full[..<$0]) } ?? "."
            let name = slash.map { String(full[full.index(after: $0)...]) } ?? full
            if !name.contains("*") && !name.contains("?") {
                if access(full, F_OK) == 0 { return [full] }
                continue
            }
            guard let dir = opendir(folder.isEmpty ? "/" : folder) else { continue }
            var found: [String] = []
            while let entry = readdir(dir) {
                let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if entryName.hasPrefix(".") && !name.hasPrefix(".") { continue }
                if WildcardMatch.matches(name, entryName) { found.append((folder.isEmpty ? "" : folder + "/") + entryName) }
            }
            closedir(dir)
            if !found.isEmpty { return found.sorted() }
        }
        return []
    }
}

/// Shell-style wildcard matching on whole strings: `*` any run of characters (including
/// `/`), `?` one character. File patterns and `bench run`'s experiment patterns use it.
public enum WildcardMatch {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1; ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
