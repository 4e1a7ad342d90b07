/// A whitespace-separated data file for gnuplot: a comment header naming the columns,
/// then one line per row. Numbers are printed with a fixed format so that the same
/// values always give the same bytes.
public struct DataTable: Sendable {
    public let columns: [String]
    public private(set) var lines: [String] = []
    /// Free-text comment lines written after the column header.
    public var notes: [String] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    /// Appends a row; NaN and infinities are written as gnuplot's missing value "NaN".
    public mutating func append(_ values: [Double]) {
        precondition(values.count == columns.count, "row has \(values.count) values, table has \(columns.count) columns")
        lines.append(values.map(DataTable.format).joined(separator: " "))
    }

    /// Appends a blank line: gnuplot's separator between data blocks (`index`).
    public mutating func appendBlockSeparator() {
        lines.append("")
        lines.append("")
    }

    public var text: String {
        var out = "# " + columns.joined(separator: " ") + "\n"
        for note in notes { out += "# " + note + "\n" }
        for line in lines { out += line + "\n" }
        return out
    }

    /// Seven significant digits in plain or exponent notation, deterministic.
    static func format(_ v: Double) -> String {
        guard v.isFinite else { return "NaN" }
        if v == 0 { return "0" }
        let magnitude = abs(v)
        if magnitude >= 1e-4 && magnitude < 1e7 {
            var s = String(format: "%.7g", v)
            if s.contains("e") { s = String(format: "%.6f", v) }
            return s
        }
        return String(format: "%.6e", v)
    }
}

#if canImport(Foundation)
import Foundation
#endif
