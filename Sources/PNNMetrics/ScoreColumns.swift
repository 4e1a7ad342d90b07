/// Where a score file's header puts each column role (see `ScoreFile` for the format),
/// by field index.
struct ScoreColumns {
    /// The header's column names (trimmed, unquoted, lower-cased), quoted in messages.
    let names: [String]
    let label: Int
    let score: Int
    let weight: Int?
    let mass: Int?
    /// Columns that are none of the known ones, skipped with `ignoreExtraColumns`.
    let ignored: [String]

    /// Fields every data line must have.
    var count: Int { names.count }

    /// The roles of the columns of `header`, found on line `line`.
    /// Unknown columns are an error unless `ignoreExtraColumns` (a misspelt "wieght" must
    /// not be silently dropped); a known column may appear only once; label and score
    /// are required.
    init(header: [String], file: String, line: Int, ignoreExtraColumns: Bool) throws {
        var column = [String: Int]()
        var ignored: [String] = []
        for (i, h) in header.enumerated() {
            if ScoreFile.knownColumns.contains(h) {
                if column[h] != nil { throw ScoreFileError(file: file, line: line, "column \"\(h)\" appears twice") }
                column[h] = i
            } else if ignoreExtraColumns {
                ignored.append(h)
            } else {
                throw ScoreFileError(file: file, line: line, "unknown column \"\(h)\": expected only label, score, weight, mass (remove it or pass --ignore-extra-columns)")
            }
        }
        for required in ["label", "score"] where column[required] == nil {
            throw ScoreFileError(file: file, line: line, "missing column \"\(required)\": the header must name label and score (found: \(header.joined(separator: ", ")))")
        }
        names = header
        label = column["label"]!
        score = column["score"]!
        weight = column["weight"]
        mass = column["mass"]
        self.ignored = ignored
    }
}
