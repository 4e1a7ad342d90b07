/// A GitHub-flavoured Markdown table. Cells are escaped so that a `|` inside a row label
/// (the paper's rows read "pNN | Identical (fixed)") does not split the cell.
public struct MarkdownTable: Sendable {
    public enum Alignment: Sendable { case left, right, center }

    public var header: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.indices.map { $0 == 0 ? .left : .right }
    }

    public mutating func append(_ cells: [String]) {
        precondition(cells.count == header.count, "row has \(cells.count) cells, table has \(header.count) columns")
        rows.append(cells)
    }

    /// `|` would end the cell and a newline the row: escape the one, flatten the other.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    public var text: String {
        func line(_ cells: [String]) -> String { "| " + cells.map(MarkdownTable.escape).joined(separator: " | ") + " |" }
        let rule = "|" + alignments.map { alignment -> String in
            switch alignment {
            case .left: return " --- "
            case .right: return " ---: "
            case .center: return " :---: "
            }
        }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
