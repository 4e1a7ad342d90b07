/// Parses a run of complete CSV lines into HEPMASS-schema columns, validating every row.
/// Which column holds what comes from a `CSVColumnLayout`, so HEPMASS's files and the
/// published HEPMASS-IMB files go through this one parser. One instance per piece of
/// input; pieces are parsed on different threads and their results appended in input
/// order, so the outcome does not depend on the thread count.
struct CSVChunkParser {
    /// Which field of a row is the label, a feature, the mass or unread.
    let layout: CSVColumnLayout
    /// Mass given to every row when the file has no mass column.
    let fixedMass: Float
    /// Accepted signal masses (GeV).
    let knownMasses: [Float]
    /// The label every row must carry, with the reason (a published HEPMASS-IMB file holds
    /// one class); nil: 0 or 1.
    let requiredLabel: (value: UInt8, reason: String)?

    init(layout: CSVColumnLayout, fixedMass: Float, knownMasses: [Float], requiredLabel: (value: UInt8, reason: String)? = nil) {
        self.layout = layout
        self.fixedMass = fixedMass
        self.knownMasses = knownMasses
        self.requiredLabel = requiredLabel
        hasMassColumn = layout.hasMassColumn
    }

    /// Whether rows carry a mass (else every row gets `fixedMass`).
    let hasMassColumn: Bool

    struct Output {
        var features: [Float] = []
        var mass: [Float] = []
        var label: [UInt8] = []
        /// Lines consumed (including blank ones), for numbering the following piece.
        var lines = 0
        /// First error: 0-based line within the piece and what was expected.
        var error: (line: Int, expected: String)?
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
        let slots = layout.slots, columns = slots.count
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
                if column < columns && slots[column] >= 0 {
                    var a = fieldStart, b = fieldEnd
                    while a < b && (bytes[a] == 32 || bytes[a] == 9) { a += 1 }
                    while b > a && (bytes[b - 1] == 32 || bytes[b - 1] == 9) { b -= 1 }
                    switch DecimalParser.parse(bytes + a, b - a) {
                    case let .number(v):
                        if !v.isFinite {
                            out.error = (out.lines, "column \(column + 1) (\(layout.names[column])) is `\(text(bytes + a, b - a))`, expected a finite number")
                            failed = true
                        }
                        row[slots[column]] = v
                    case .invalid:
                        out.error = (out.lines, "column \(column + 1) (\(layout.names[column])) is `\(text(bytes + a, b - a))`, expected a number")
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
                out.error = (out.lines, "has \(column) columns, expected \(columns) (\(layout.rowDescription))")
                return out
            }
            let l = row[CSVColumnLayout.labelSlot]
            if l != 0 && l != 1 {
                out.error = (out.lines, "\(layout.labelName) is \(format(l)), expected 0 or 1")
                return out
            }
            if let required = requiredLabel, l != Float(required.value) {
                out.error = (out.lines, "\(layout.labelName) is \(format(l)), expected \(required.value): \(required.reason)")
                return out
            }
            var m = fixedMass
            if hasMassColumn {
                let value = row[CSVColumnLayout.massSlot]
                guard let known = HEPMASSSchema.knownMass(value, in: knownMasses) else {
                    out.error = (out.lines, "mass is \(format(value)), expected a known signal mass (one of \(knownMasses.map(format).joined(separator: ", ")) GeV)")
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
