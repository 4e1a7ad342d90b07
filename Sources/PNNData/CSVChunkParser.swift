/// Parses a run of complete CSV lines of the HEPMASS schema into columns, validating
/// every row. One instance per piece of input; pieces are parsed on different threads
/// and their results appended in input order, so the outcome does not depend on the
/// thread count.
struct CSVChunkParser {
    /// Whether rows end with a mass column (29 columns) or not (28, per-mass files).
    let hasMassColumn: Bool
    /// Mass given to every row when the file has no mass column.
    let fixedMass: Float
    /// Accepted signal masses (GeV).
    let knownMasses: [Float]

    var columns: Int { hasMassColumn ? HEPMASSSchema.columnCount : HEPMASSSchema.columnCount - 1 }

    struct Output {
        var features: [Float] = []
        var mass: [Float] = []
        var label: [UInt8] = []
        /// Lines consumed (including blank ones), for numbering the following piece.
        var lines = 0
        /// First error: 0-based line within the piece and what was expected.
        var error: (line: Int, expected: String)?
    }

    static func columnName(_ k: Int) -> String {
        k == 0 ? "label" : (k <= HEPMASSSchema.featureCount ? "f\(k - 1)" : "mass")
    }

    /// Parses `bytes[0..<count]`, which holds whole lines (the last may lack its newline).
    /// Stops at the first invalid row.
    func parse(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Output {
        var out = Output()
        let estimate = count / 200 + 16
        out.features.reserveCapacity(estimate * HEPMASSSchema.featureCount)
        out.mass.reserveCapacity(estimate)
        out.label.reserveCapacity(estimate)
        let nf = HEPMASSSchema.featureCount
        var row = [Float](repeating: 0, count: HEPMASSSchema.columnCount)
        var pos = 0
        while pos < count {
            // Find the end of the line.
            var end = pos
            while end < count && bytes[end] != 10 { end += 1 }
            let next = end + 1
            var lineEnd = end
            if lineEnd > pos && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }  // CRLF
            defer { out.lines += 1 }
            // Blank lines (e.g. a trailing one) carry no event.
            var allSpace = true
            var k = pos
            while k < lineEnd { if bytes[k] != 32 && bytes[k] != 9 { allSpace = false; break }; k += 1 }
            if allSpace { pos = next; continue }

            var column = 0
            var fieldStart = pos
            var failed = false
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < lineEnd && bytes[fieldEnd] != 44 { fieldEnd += 1 }
                if column < columns {
                    var a = fieldStart, b = fieldEnd
                    while a < b && (bytes[a] == 32 || bytes[a] == 9) { a += 1 }
                    while b > a && (bytes[b - 1] == 32 || bytes[b - 1] == 9) { b -= 1 }
                    switch DecimalParser.parse(bytes + a, b - a) {
                    case let .number(v):
                        if !v.isFinite {
                            out.error = (out.lines, "column \(column + 1) (\(Self.columnName(column))) is `\(text(bytes + a, b - a))`, expected a finite number")
                            failed = true
                        }
                        row[column] = v
                    case .invalid:
                        out.error = (out.lines, "column \(column + 1) (\(Self.columnName(column))) is `\(text(bytes + a, b - a))`, expected a number")
                        failed = true
                    }
                    if failed { break }
                }
                column += 1
                if fieldEnd >= lineEnd { break }
                fieldStart = fieldEnd + 1
            }
            if failed { return out }
            if column != columns {
                out.error = (out.lines, "has \(column) columns, expected \(columns) (label, f0…f26\(hasMassColumn ? ", mass" : ""))")
                return out
            }
            let l = row[0]
            if l != 0 && l != 1 {
                out.error = (out.lines, "label is \(format(l)), expected 0 or 1")
                return out
            }
            var m = fixedMass
            if hasMassColumn {
                guard let known = HEPMASSSchema.knownMass(row[columns - 1], in: knownMasses) else {
                    out.error = (out.lines, "mass is \(format(row[columns - 1])), expected a known signal mass (one of \(knownMasses.map(format).joined(separator: ", ")) GeV)")
                    return out
                }
                m = known
            }
            row.withUnsafeBufferPointer { out.features.append(contentsOf: $0[1...nf]) }
            out.label.append(l == 1 ? 1 : 0)
            out.mass.append(m)
            pos = next
        }
        return out
    }

    private func text(_ p: UnsafePointer<UInt8>, _ n: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p, count: min(n, 40)), as: UTF8.self) + (n > 40 ? "…" : "")
    }
}

/// Formats a Float without a trailing `.0` when integral (500, not 500.0).
func format(_ v: Float) -> String {
    if v.isFinite && v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
    return "\(v)"
}
