/// ROC-AUC against one parameter, one curve per row, as the conditioning study and the
/// one-parameter declared data sets draw it: each row a line with markers at the tested
/// values x₁ < … < xₙ, bands shaded behind the values left out of training, and on each
/// curve open black squares where its network did not train.
///
/// With `bars` (several seeds) each marker is the mean over the seeds with a ±1 sd bar
/// (`ReplicateSpread`), and the curves are drawn `dodge` apart (`ReplicateSpread.dodge`) so
/// that bars at the same x do not hide each other; without, the curves show the means.
///
/// The data file has one line per x: x, `missing` (1 where shaded), each curve's value,
/// then with bars each curve's sd and n, then, when curves left out different values,
/// each curve's own left-out flag.
struct ParameterCurves {
    struct Curve {
        /// The legend entry.
        var title: String
        /// The curve's part of data-file column names ("auc_<stem>").
        var stem: String
        var color: String
        /// gnuplot dash type and point type.
        var dash: Int
        var point: Int
        /// Per x: the value over the seeds (`mean` is drawn).
        var values: [ReplicateSpread]
        /// Per x: whether this curve's network did not train there; nil: where `shaded`.
        var leftOut: [Bool]?
    }

    /// Name of the x column ("mass_GeV").
    var xName: String
    var x: [Double]
    /// Per x: shade the band behind it (left out of training).
    var shaded: [Bool]
    var curves: [Curve]
    var bars: Bool
    /// x offset between neighbouring curves when `bars`.
    var dodge: Double = 0
    /// Comment lines of the data file.
    var notes: [String] = []

    var hasOwnLeftOut: Bool { curves.contains { $0.leftOut != nil } }

    /// Per curve and x: whether to mark the point as not trained on.
    func leftOut(_ k: Int) -> [Bool] { curves[k].leftOut ?? shaded }

    func meanColumn(_ k: Int) -> Int { 3 + k }
    func sdColumn(_ k: Int) -> Int { 3 + curves.count + 2 * k }
    func leftOutColumn(_ k: Int) -> Int { 3 + curves.count * (bars ? 3 : 1) + k }

    var dataTable: DataTable {
        var columns = [xName, "missing"] + curves.map { "auc_" + $0.stem }
        if bars { columns += curves.flatMap { ["auc_sd_" + $0.stem, "auc_n_" + $0.stem] } }
        if hasOwnLeftOut { columns += curves.map { "left_out_" + $0.stem } }
        var t = DataTable(columns: columns)
        t.notes = notes
        for (i, value) in x.enumerated() {
            var line = [value, shaded[i] ? 1 : 0] + curves.map { $0.values[i].mean }
            if bars { line += curves.flatMap { [$0.values[i].sd, Double($0.values[i].n)] } }
            if hasOwnLeftOut { line += curves.indices.map { leftOut($0)[i] ? 1 : 0 } }
            t.append(line)
        }
        return t
    }

    /// The y range shared by the curves (and their bars).
    var yRange: (Double, Double) {
        ResultFigureStyle.aucRange(curves.flatMap { c in bars ? c.values.flatMap(\.extent) : c.values.map(\.mean) })
    }

    /// One shaded band of ±`halfWidth` behind every shaded x.
    func bands(halfWidth: Double) -> String {
        let S = ResultFigureStyle.self
        return zip(x, shaded).filter(\.1).enumerated().map { i, band in
            "set object \(i + 1) rect from \(S.num(band.0 - halfWidth)), graph 0 to \(S.num(band.0 + halfWidth)), graph 1 behind fc rgb \"#fbe3e3\" fs solid 1.0 noborder"
        }.joined(separator: "\n")
    }

    /// The plot command: bars (with `bars`), curves, then the left-out markers, the first
    /// reading `dataFile` and the others the same file ("").
    func plot(dataFile: String) -> String {
        let n = curves.count
        let xColumn = { (k: Int) in bars ? ReplicateSpread.xColumn(ReplicateSpread.dodge(k, of: n, step: dodge)) : "1" }
        var clauses: [String] = []
        if bars {
            clauses += curves.enumerated().map { k, c in
                "using \(xColumn(k)):\(meanColumn(k)):\(sdColumn(k)) with yerrorbars pt -1 lw 1.5 lc rgb \"\(c.color)\" notitle"
            }
        }
        clauses += curves.enumerated().map { k, c in
            "using \(xColumn(k)):\(meanColumn(k)) with linespoints lw 2 dt \(c.dash) pt \(c.point) ps 1.0 lc rgb \"\(c.color)\" title \"\(c.title)\""
        }
        // Markers only on curves that left something out, the legend entry on the first.
        let marked = curves.indices.filter { leftOut($0).contains(true) }
        if let first = marked.first {
            clauses += marked.map { k in
                let flag = curves[k].leftOut == nil ? "$2" : "$\(leftOutColumn(k))"
                return "using \(xColumn(k)):(\(flag) > 0 ? $\(meanColumn(k)) : NaN) with points pt 4 ps 1.8 lw 1.2 lc rgb \"#000000\" \(k == first ? "title \"left out of training\"" : "notitle")"
            }
        }
        return "plot " + clauses.enumerated().map { i, clause in "\"\(i == 0 ? dataFile : "")\" " + clause }
            .joined(separator: ", \\\n     ")
    }

    /// The whole script body: `title` (gnuplot-escaped, may hold "\\n"), the x axis
    /// commands `axis`, the bands of ±`bandHalfWidth`, the legend outside on the right.
    func body(title: String, axis: String, bandHalfWidth: Double, dataFile: String) -> String {
        let S = ResultFigureStyle.self
        let (lo, hi) = yRange
        return """
        \(S.preamble)
        \(bars ? ReplicateSpread.gnuplotSettings : "")set title "\(title)" font ",12"
        \(axis)
        set ylabel "ROC-AUC"
        set yrange [\(S.num(lo)):\(S.num(hi))]
        set format y "%.2f"
        set key outside right top vertical font ",10" spacing 1.15
        \(bands(halfWidth: bandHalfWidth))
        \(plot(dataFile: dataFile))
        """
    }
}
