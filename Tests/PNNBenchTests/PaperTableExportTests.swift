import Foundation
import Testing
@testable import PNNBench

/// The paper's tables as CSV and LaTeX files.
@Suite struct PaperTableExportTests {
    static func sections() throws -> [PaperTableSection] {
        let suite = try ReportFixtures.suite()
        let builder = try ReportFixtures.builder(results: ReportFixtures.results(suite), suite: suite)
        return builder.comparison.baseline.tables.map { PaperTableSection(table: $0, cells: builder.comparison.cells) }
    }

    /// RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes).
    static func fields(_ line: Substring) -> [String] {
        var out: [String] = [], field = "", quoted = false, chars = Array(line), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" && i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 }
                else if c == "\"" { quoted = false }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { out.append(field); field = "" }
            else { field.append(c) }
            i += 1
        }
        out.append(field)
        return out
    }

    @Test func csvReadsBackToTheSameNumbers() throws {
        for section in try Self.sections() {
            let lines = section.csv().split(separator: "\n")
            #expect(lines.first.map(String.init) == PaperTableSection.csvHeader)
            let rows = lines.dropFirst().map(Self.fields)
            #expect(rows.count == section.cells.count)
            for row in rows {
                #expect(row.count == 18 && row[0] == section.fileStem)
                let cell = try #require(section.cells.first {
                    $0.metric.rawValue == row[1] && $0.row.reference.row == row[2] && ($0.mass.map(String.init) ?? "average") == row[3]
                })
                #expect(row[4].isEmpty ? cell.ours == nil : Double(row[4]) == cell.ours)
                #expect(Double(row[5]) == cell.reference)
                #expect(row[6].isEmpty ? cell.delta == nil : Double(row[6]) == cell.delta)
                #expect(Double(row[7]) == cell.tolerance && row[8] == cell.status.rawValue)
            }
        }
        #expect(PaperTableSection.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
    }

    @Test func latexHasTheReportsValuesAndBold() throws {
        for section in try Self.sections() {
            for metric in section.metrics {
                let tex = section.latex(metric)
                #expect(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"))
                let body = tex.split(separator: "\n").filter { $0.hasSuffix("\\\\") }.dropFirst()
                let cells = section.oursCells(metric)
                #expect(body.count == cells.count)
                for (line, row) in zip(body, cells) {
                    #expect(line.hasPrefix(PaperTableSection.latexEscape(row.row) + " & "))
                    for case let value? in row.cells {
                        #expect(line.contains(value.emphasis == .best ? "\\textbf{\(value.text)}" : value.text))
                    }
                }
            }
        }
        #expect(PaperTableSection.latexEscape("pNN | a_b 5% & {x}") == "pNN \\textbar{} a\\_b 5\\% \\& \\{x\\}")
    }

    static let latex: URL? = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    @Test(.enabled(if: latex != nil, "needs pdflatex (Debian: texlive-latex-recommended)"))
    func latexCompiles() throws {
        let directory = try CompareFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = "\\documentclass{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage{booktabs}\n\\begin{document}\n"
        for section in try Self.sections() {
            for metric in section.metrics { document += section.latex(metric) + "\n\\bigskip\n" }
        }
        document += "\\end{document}\n"
        try document.write(to: directory.appendingPathComponent("tables.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.latex
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "tables.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("tables.pdf").path))
    }
}
