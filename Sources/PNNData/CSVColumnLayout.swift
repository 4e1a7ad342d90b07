/// Which field of a CSV row feeds which part of an event: label, feature j or mass, or
/// nothing. Resolved once from a file's header, then applied to every row by
/// `CSVChunkParser`, so both formats below share one row parser and one validation.
///
/// - HEPMASS (UCI, `bench data sim`): `label, f0, …, f26[, mass]` in this order; the
///   header is optional and, when present, must be exactly that.
/// - The published HEPMASS-IMB files: a header is required and the columns are looked
///   up by name, in any order — `type` (the label; the authors renamed HEPMASS's
///   `# label`), `f0`…`f26` and `mass`, each exactly once. Other columns (the background
///   file's process name `name`, an unnamed pandas index) are skipped unread.
struct CSVColumnLayout: Equatable, Sendable {
    /// For each column in file order: the index in a parsed row (0 label, 1 + j feature j,
    /// 28 mass), or -1 for a column that is not read. A row must have exactly this many fields.
    let slots: [Int]
    /// Column names for error messages ("column 6 (f4) is …").
    let names: [String]
    /// What a row holds, for the column-count error ("label, f0…f26, mass").
    let rowDescription: String

    static let labelSlot = 0
    static let massSlot = HEPMASSSchema.columnCount - 1
    static let ignored = -1

    var columnCount: Int { slots.count }
    var hasMassColumn: Bool { slots.contains(Self.massSlot) }
    /// Name of the label column ("label" or "type").
    var labelName: String { names[slots.firstIndex(of: Self.labelSlot)!] }

    /// HEPMASS's fixed order: label, f0…f26 and, unless `withMass` is false, mass.
    static func hepmass(withMass: Bool) -> CSVColumnLayout {
        let names = HEPMASSSchema.headerColumns(withMass: withMass)
        return CSVColumnLayout(slots: Array(0..<names.count), names: names,
                               rowDescription: "label, f0…f26" + (withMass ? ", mass" : ""))
    }

    /// The layout a header names (names already trimmed and lower-cased), looking up
    /// `labelName`, `f0`…`f26` and `mass`; any other column is ignored. Throws
    /// `malformedRow(file, line, …)` naming the missing or repeated columns.
    static func named(_ header: [String], labelName: String, file: String, line: Int) throws -> CSVColumnLayout {
        var wanted: [String: Int] = [labelName: labelSlot, "mass": massSlot]
        for j in 0..<HEPMASSSchema.featureCount { wanted["f\(j)"] = 1 + j }
        var slots = [Int](repeating: ignored, count: header.count)
        var seen = Set<String>()
        for (column, name) in header.enumerated() {
            guard let slot = wanted[name] else { continue }
            if !seen.insert(name).inserted {
                throw DataError.malformedRow(file: file, line: line, expected: "header names column `\(name)` twice, expected each of `\(labelName)`, `f0`…`f26`, `mass` once")
            }
            slots[column] = slot
        }
        let required = [labelName] + (0..<HEPMASSSchema.featureCount).map { "f\($0)" } + ["mass"]
        let missing = required.filter { !seen.contains($0) }
        if !missing.isEmpty {
            let shown = missing.prefix(6).map { "`\($0)`" }.joined(separator: ", ") + (missing.count > 6 ? ", …" : "")
            throw DataError.malformedRow(file: file, line: line, expected: "header `\(header.prefix(4).joined(separator: ","))\(header.count > 4 ? ",…" : "")` lacks column\(missing.count == 1 ? "" : "s") \(shown); expected a header naming `\(labelName)`, `f0`…`f26` and `mass`, in any order (other columns are ignored)")
        }
        return CSVColumnLayout(slots: slots, names: header,
                               rowDescription: "the \(header.count) columns of the header")
    }
}
