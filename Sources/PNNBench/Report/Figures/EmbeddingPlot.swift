import Foundation
import PNNData

/// The gnuplot figure of one t-SNE embedding: two panels of the same points, coloured
/// by mass (left) and by label (right). Points are drawn once, in the sample's seeded
/// order, with their colour from a column (`lc rgb variable`), so no group hides the
/// others; the legends come from empty series.
enum EmbeddingPlot {
    static let massColours = [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2]
    static let signalColour = 0xd62728, backgroundColour = 0x1f77b4

    static func make(name: String, figure: String, row: String, individual: Bool, sample: EmbeddingSample,
                     embedding: TSNE.Result, hiddenWidth: Int, perplexity: Double, iterations: Int) -> GnuplotFigure {
        var table = DataTable(columns: ["tsne_1", "tsne_2", "mass_GeV", "label", "mass_rgb", "label_rgb"])
        table.notes = ["t-SNE of the last hidden layer (\(hiddenWidth) units) of Table 3 \"\(row)\", \(sample.count) \(sample.dataName) test events",
                       "KL(P||Q) at the end: \(DataTable.format(embedding.klHistory.last?.kl ?? .nan))"]
        for i in 0..<sample.count {
            let k = sample.masses.firstIndex(of: sample.mass[i]) ?? 0
            table.append([embedding.embedding[2 * i], embedding.embedding[2 * i + 1], Double(sample.mass[i]), Double(sample.label[i]),
                          Double(massColours[k % massColours.count]), Double(sample.label[i] == 1 ? signalColour : backgroundColour)])
        }
        let file = "\(name).dat"
        let q = DataFigureText.quoted(file)
        let massKeys = sample.masses.enumerated().map { k, m in
            "NaN with points pt 7 ps 1.2 lc rgb \"#\(hex(massColours[k % massColours.count]))\" title \"\(DataFigureText.gev(m)) GeV\""
        }
        let who = individual ? "the individual NNs (one per mass, each event through the network of its mass)" : "the pNN"
        let body = """
        set multiplot layout 1,2 title \(DataFigureText.quoted("Figure \(figure): t-SNE of the last hidden layer of \(individual ? "the individual NNs" : "the pNN") (\(row)), \(sample.dataName)"))
        unset xtics
        unset ytics
        set size ratio -1
        set key outside bottom center horizontal box opaque
        set title "coloured by mass"
        plot \(q) using 1:2:5 with points pt 7 ps 0.35 lc rgb variable notitle, \\
             \(massKeys.joined(separator: ", \\\n     "))
        set title "coloured by label"
        plot \(q) using 1:2:6 with points pt 7 ps 0.35 lc rgb variable notitle, \\
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
