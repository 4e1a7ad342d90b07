import Foundation
import PNNEngine

/// One figure of the report: a self-contained gnuplot script and the data files it reads.
///
/// The script written to disk renders SVG by default, PNG with `-e "fmt='png'"` and PDF
/// (cairo, for papers) with `-e "fmt='pdf'"`, from the figures folder (data files are
/// referenced by bare name):
///
///     cd Reports/<name>/figures && gnuplot fig09-interpolation.gp && gnuplot -e "fmt='png'" fig09-interpolation.gp
///
/// `body` holds only plotting commands: no `set terminal` / `set output` (the header adds
/// them) and nothing machine- or time-dependent, so equal results give equal bytes.
public struct GnuplotFigure: Sendable {
    /// File stem, e.g. "fig09-single-mass-interpolation".
    public var name: String
    /// Short title for the report's figure list.
    public var title: String
    /// Markdown caption shown under the figure.
    public var caption: String
    public var body: String
    public var dataFiles: [String: DataTable]
    /// Pixel size of the PNG (SVG uses the same aspect).
    public var width: Int
    public var height: Int

    public init(name: String, title: String, caption: String, body: String, dataFiles: [String: DataTable],
                width: Int = 800, height: Int = 560) {
        self.name = name
        self.title = title
        self.caption = caption
        self.body = body
        self.dataFiles = dataFiles
        self.width = width
        self.height = height
    }

    public var scriptName: String { name + ".gp" }

    /// The PDF page: the PNG's size at 100 pixels per inch, so text keeps its proportions.
    var pdfSize: String {
        String(format: "%.2fin,%.2fin", Double(width) / 100, Double(height) / 100)
    }

    /// The full script: header choosing the terminal, then the body.
    public var script: String {
        """
        # \(title)
        # Written by `bench report`. Render from this folder:
        #   gnuplot \(scriptName)                  -> \(name).svg
        #   gnuplot -e "fmt='png'" \(scriptName)   -> \(name).png
        #   gnuplot -e "fmt='pdf'" \(scriptName)   -> \(name).pdf
        if (!exists("fmt")) fmt = "svg"
        if (fmt eq "png") {
            set terminal pngcairo size \(width),\(height) font ",10" noenhanced
            set output "\(name).png"
        }
        if (fmt eq "pdf") {
            set terminal pdfcairo size \(pdfSize) font ",10" noenhanced
            set output "\(name).pdf"
        }
        if (fmt eq "svg") {
            set terminal svg size \(width),\(height) font ",12" noenhanced
            set output "\(name).svg"
        }

        """ + body + (body.hasSuffix("\n") ? "" : "\n") + "unset output\n"
    }

    /// Writes the script and its data files into `directory` (created if needed),
    /// each atomically.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (file, table) in dataFiles.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(Data(table.text.utf8), to: directory.appendingPathComponent(file).path)
        }
        try AtomicFile.write(Data(script.utf8), to: directory.appendingPathComponent(scriptName).path)
    }
}
