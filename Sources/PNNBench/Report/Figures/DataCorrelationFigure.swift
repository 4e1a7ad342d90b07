import Foundation
import PNNData
import PNNEngine

/// Paper Fig. 5: Pearson correlations of the training variables.
///
/// `matrix`: r between every pair of the 27 features, the mass feature and the label,
/// r(a, b) = Σ(a−ā)(b−b̄) / √(Σ(a−ā)² Σ(b−b̄)²), on at most `maxEvents` training events
/// (a seeded subsample when there are more; the correlations of 29 variables are stable
/// to ±0.005 at that size, and the full 7M-event matrix would cost 3·10⁹ products).
/// `target`: r of every feature with m_WWbb, with the mass and with the label on all
/// training events (`DatasetStatistics`), with the values printed in the cells.
enum DataCorrelationFigure {
    static let maxEvents = 200_000
    static let palette = "set palette defined (-1 \"#2166ac\", -0.5 \"#92c5de\", 0 \"#f7f7f7\", 0.5 \"#f4a582\", 1 \"#b2182b\")"

    static var variableNames: [String] { HEPMASSSchema.featureNames + ["mass", "label"] }

    /// Rows used for the matrix: all events, or `maxEvents` of a seeded permutation, sorted.
    static func rows(_ d: EventDataset, seed: UInt64) -> [Int] {
        guard d.count > maxEvents else { return Array(0..<d.count) }
        var all = Array(0..<d.count)
        var stream = RandomStream(seed: seed, purpose: .subsampling, index: 0xC0DE)
        stream.shuffle(&all)
        return Array(all.prefix(maxEvents)).sorted()
    }

    /// The (27 + 2) × (27 + 2) correlation matrix, row-major, on `rows` of `d`.
    static func correlations(_ d: EventDataset, rows: [Int]) -> [Double] {
        let nf = HEPMASSSchema.featureCount, v = nf + 2
        let n = Double(rows.count)
        // Column-major copy of the variables in Double.
        var columns = [[Double]](repeating: [], count: v)
        for j in 0..<v {
            columns[j] = rows.map { i in
                j < nf ? Double(d.features[i * nf + j]) : (j == nf ? Double(d.mass[i]) : Double(d.label[i]))
            }
            let mean = columns[j].reduce(0, +) / max(n, 1)
            for k in columns[j].indices { columns[j][k] -= mean }
        }
        let norms = columns.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var r = [Double](repeating: 0, count: v * v)
        for a in 0..<v {
            for b in a..<v {
                var s = 0.0
                columns[a].withUnsafeBufferPointer { x in
                    columns[b].withUnsafeBufferPointer { y in
                        for k in 0..<x.count { s += x[k] * y[k] }
                    }
                }
                let value = norms[a] > 0 && norms[b] > 0 ? s / (norms[a] * norms[b]) : (a == b ? 1 : 0)
                r[a * v + b] = value
                r[b * v + a] = value
            }
        }
        return r
    }

    static func tics(_ names: [String]) -> String {
        "(" + names.enumerated().map { "\(DataFigureText.quoted($0.element)) \($0.offset)" }.joined(separator: ", ") + ")"
    }

    static func matrix(_ train: EventDataset, dataName: String, seed: UInt64) -> GnuplotFigure {
        let names = variableNames, v = names.count
        let rows = rows(train, seed: seed)
        let r = correlations(train, rows: rows)
        var table = DataTable(columns: names)
        table.notes = ["Pearson r, row i column j = r(variable i, variable j); \(rows.count) of \(train.count) \(dataName) training events"]
        for i in 0..<v { table.append(Array(r[(i * v)..<((i + 1) * v)])) }
        let file = "fig05-correlations.dat"
        let body = """
        set title \(DataFigureText.quoted("Pearson correlations of the training variables, \(dataName)"))
        \(palette)
        set cbrange [-1:1]
        set cblabel "Pearson r"
        set xrange [-0.5:\(v) - 0.5]
        set yrange [\(v) - 0.5:-0.5]
        set xtics \(tics(names)) rotate by 90 right scale 0 font ",8"
        set ytics \(tics(names)) scale 0 font ",8"
        set size ratio -1
        unset key
        plot \(DataFigureText.quoted(file)) matrix with image
        """
        return GnuplotFigure(
            name: "fig05-correlations", title: "Pearson correlations of the training variables (paper Fig. 5)",
            caption: "Pearson correlation between every pair of the 27 features, the mass feature and the label of the "
                + "\(dataName) training set (\(rows.count) events\(rows.count < train.count ? ", a seeded subsample" : "")). "
                + "Blue: anti-correlated, red: correlated.",
            body: body, dataFiles: [file: table], width: 860, height: 800)
    }

    static func target(_ train: EventDataset, dataName: String) -> GnuplotFigure {
        let stats = DatasetStatistics(train)
        let names = HEPMASSSchema.featureNames
        let targets = ["m_wwbb (f26)", "mass", "label"]
        var table = DataTable(columns: ["r_mwwbb", "r_mass", "r_label"])
        table.notes = ["one line per feature f0…f26 (\(names.joined(separator: " "))); \(stats.events) \(dataName) training events",
                       "r(mass, label) = \(DataTable.format(stats.massLabelCorrelation))"]
        for j in names.indices {
            table.append([stats.correlationWithMWWbb[j], stats.correlationWithMass[j], stats.correlationWithLabel[j]])
        }
        let file = "fig05b-correlations-target.dat"
        let body = """
        set title \(DataFigureText.quoted("Correlation of each feature with m_WWbb, the mass and the label, \(dataName)"))
        \(palette)
        set cbrange [-1:1]
        set cblabel "Pearson r"
        set xrange [-0.5:2.5]
        set yrange [\(names.count) - 0.5:-0.5]
        set xtics \(tics(targets)) scale 0
        set x2tics \(tics(targets)) scale 0
        unset xtics
        set ytics \(tics(names)) scale 0 font ",9"
        unset key
        plot \(DataFigureText.quoted(file)) matrix with image, \\
             '' matrix using 1:2:(sprintf("%.2f", abs($3) < 0.005 ? 0 : $3)) with labels font ",8"
        """
        return GnuplotFigure(
            name: "fig05b-correlations-target", title: "Feature correlations with m_WWbb, mass and label (paper Fig. 5)",
            caption: "Pearson correlation of each feature with m_WWbb (f26), with the mass feature and with the label, "
                + "on all \(stats.events) \(dataName) training events; r(mass, label) = "
                + "\(String(format: "%.3f", stats.massLabelCorrelation)).",
            body: body, dataFiles: [file: table], width: 620, height: 820)
    }
}
