import Foundation
import PNNData
import PNNEngine

/// The gnuplot figure of one t-SNE embedding: two panels of the same points, coloured
/// by mass (left) and by label (right). Points are drawn once, in the sample's seeded
/// order, with their colour computed from the mass-index or label column
/// (`lc rgb variable`), so no group hides the others; the legends come from empty
/// series. (Colours are not stored in the data: 24-bit values exceed the seven
/// significant digits of `DataTable`.)
enum EmbeddingPlot {
    /// Mass is ordinal, so a sequential palette (plasma-like, the light end darkened to
    /// stay visible on white): neighbouring masses get neighbouring colours, which shows
    /// the "shading" between masses the paper describes for the pNN.
    static let massColours = [0x0d0887, 0x7e03a8, 0xcc4778, 0xf2842f, 0xc9a800, 0x6a6a6a, 0x000000]
    static let signalColour = 0xd62728, backgroundColour = 0x1f77b4

    static func make(name: String, figure: String, row: String, individual: Bool, sample: EmbeddingSample,
                     embedding: TSNE.Result, hiddenWidth: Int, perplexity: Double, iterations: Int) -> GnuplotFigure {
        var table = DataTable(columns: ["tsne_1", "tsne_2", "mass_GeV", "label", "mass_index"])
        table.notes = ["t-SNE of the last hidden layer (\(hiddenWidth) units) of Table 3 \"\(row)\", \(sample.count) \(sample.dataName) test events",
                       "KL(P||Q) at the end: \(DataTable.format(embedding.klHistory.last?.kl ?? .nan))"]
        for i in 0..<sample.count {
            let k = sample.masses.firstIndex(of: sample.mass[i]) ?? 0
            table.append([embedding.embedding[2 * i], embedding.embedding[2 * i + 1], Double(sample.mass[i]), Double(sample.label[i]),
                          Double(k)])
        }
        let file = "\(name).dat"
        let q = DataFigureText.quoted(file)
        let massKeys = sample.masses.enumerated().map { k, m in
            "NaN with points pt 7 ps 1.2 lc rgb \"#\(hex(massColours[k % massColours.count]))\" title \"\(DataFigureText.gev(m)) GeV\""
        }
        let palette = massColours.enumerated().map { "$5 == \($0.offset) ? 0x\(hex($0.element)) : " }.joined() + "0x000000"
        let who = individual ? "the individual NNs (one per mass, each event through the network of its mass)" : "the pNN"
        let body = """
        set multiplot layout 1,2 title \(DataFigureText.quoted("Figure \(figure): t-SNE of the last hidden layer of \(individual ? "the individual NNs" : "the pNN") (\(row)), \(sample.dataName)"))
        unset xtics
        unset ytics
        set size ratio -1
        # Room around the points (autoscaling puts the extreme points on the border) and
        # equal margins, so the two panels of the same points have the same size.
        set offsets graph 0.03, graph 0.03, graph 0.03, graph 0.03
        set tmargin 3
        set bmargin 5
        set lmargin 2
        set rmargin 2
        set key outside bottom center horizontal box reverse Left samplen 1 width 2 maxrows 1
        set title "coloured by mass"
        plot \(q) using 1:2:(\(palette)) with points pt 7 ps 0.35 lc rgb variable notitle, \\
             \(massKeys.joined(separator: ", \\\n     "))
        set title "coloured by label"
        plot \(q) using 1:2:($4 == 1 ? 0x\(hex(signalColour)) : 0x\(hex(backgroundColour))) with points pt 7 ps 0.35 lc rgb variable notitle, \\
             NaN with points pt 7 ps 1.2 lc rgb "#\(hex(signalColour))" title "signal", \\
             NaN with points pt 7 ps 1.2 lc rgb "#\(hex(backgroundColour))" title "background"
        unset multiplot
        """
        let perCell = sample.count / max(1, 2 * sample.masses.count)
        return GnuplotFigure(
            name: name, title: "t-SNE of the last hidden layer of \(individual ? "the individual NNs" : "the pNN") (paper Fig. \(figure))",
            caption: "Exact t-SNE (perplexity \(Int(perplexity)), \(iterations) iterations) of the last hidden layer of \(who), "
                + "Table 3 \"\(row)\", on \(sample.count) \(sample.dataName) test events: \(perCell) signal and \(perCell) background "
                + "events per mass. Background events are assigned a mass each (an equal share per mass) and evaluated at it"
                + (individual ? ", by that mass's network" : ", as the mass feature")
                + ". Left: coloured by the (hypothesised) mass; right: by the label.",
            body: body, dataFiles: [file: table], width: 1100, height: 600)
    }

    static func hex(_ rgb: Int) -> String {
        let s = String(rgb, radix: 16)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
