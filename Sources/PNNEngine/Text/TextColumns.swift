/// Plain-text tables for the terminal: cells padded with spaces to their column's width.
public enum TextColumns {
    /// `text` padded with spaces to `width` characters, after it (left-aligned) or before
    /// it (`rightAligned`); text as long or longer is returned whole.
    public static func pad(_ text: String, _ width: Int, rightAligned: Bool = false) -> String {
        guard text.count < width else { return text }
        let fill = String(repeating: " ", count: width - text.count)
        return rightAligned ? fill + text : text + fill
    }

    /// One line per row: each column as wide as its widest cell, left-aligned, two spaces
    /// between columns, no trailing spaces.
    public static func lines(_ rows: [[String]], indent: String = "") -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { cells in
            var text = indent + cells.indices.map { pad(cells[$0], widths[$0]) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
    }
}
