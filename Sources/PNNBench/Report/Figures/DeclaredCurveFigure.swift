/// ROC-AUC against the one parameter of a declared data set, one curve per row of an
/// artifact (`ParameterCurves`); with several seeds each point is the mean over the seeds
/// with a ±1 sd bar. Values left out of the training of any row are shaded, and each
/// curve marks with open black squares the values its own network did not train on (not
/// in its `trainPoints`), so that one sees where the networks interpolate. Colour: the
/// model (`DeclaredResultFigures.color`); rows sharing a colour differ in line and marker.
enum DeclaredCurveFigure {
    static func figure(_ a: DeclaredResultFigures.Artifact, name: String, context: FigureContext) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let parameter = a.parameterNames[0]
        let x = a.points.map { $0.values[0] }
        let bars = ReplicateSpread.isDrawn(context)
        var shared: [String: Int] = [:]
        let curves = a.rows.enumerated().map { k, r -> ParameterCurves.Curve in
            let color = DeclaredResultFigures.color(r.spec)
            let (dash, point) = DeclaredResultFigures.style(shared[color, default: 0])
            shared[color, default: 0] += 1
            return ParameterCurves.Curve(title: DataFigureText.escaped(r.spec.reproduces.row), stem: S.fileStem(r), color: color,
                                         dash: dash, point: point,
                                         values: a.points.map { ReplicateSpread.at($0.id, of: a.replicates[k], \.rocAUC) },
                                         leftOut: a.points.map { !$0.isTrained(by: r.spec) })
        }
        let shaded = a.points.indices.map { i in curves.contains { $0.leftOut![i] } }
        let spacing = S.smallestSpacing(x)
        var plot = ParameterCurves(
            xName: DeclaredResultFigures.fileSafe(parameter), x: x, shaded: shaded,
            // The shaded column serves every curve when the rows left out the same values.
            curves: curves.allSatisfy { $0.leftOut == shaded } ? curves.map { c in var c = c; c.leftOut = nil; return c } : curves,
            bars: bars, dodge: 0.06 * spacing,
            notes: ["missing = 1 where the network of at least one row did not train (shaded)"])
        if plot.hasOwnLeftOut { plot.notes += ["left_out_* = 1 where that row's network did not train"] }
        if bars { plot.notes += ["auc_*: mean over the seeds; auc_sd_*, auc_n_*: sample sd (NaN for n = 1) and number of seeds"] }
        let leftOut = zip(a.points, shaded).filter(\.1).map(\.0)
        let title = DataFigureText.escaped(a.title) + "\\nROC-AUC against \(DataFigureText.escaped(parameter)) on \(DataFigureText.escaped(a.datasets))"
        let body = plot.body(title: title, axis: S.parameterAxis(x, name: parameter), bandHalfWidth: 0.24 * spacing,
                             dataFile: name + ".dat")
        var caption = "\(a.title). ROC-AUC of every row at each tested value of \(parameter) on \(a.datasets). "
        caption += leftOut.isEmpty ? "Every row trained on every value."
            : "Shaded: the values left out of the training of at least one row (\(leftOut.map { $0.label(names: a.parameterNames) }.joined(separator: ", "))); "
              + "open black squares mark, on each curve, the values its own network did not train on (there it interpolates)."
        caption += " Colour: the model; rows of one colour differ in line and marker."
        if bars { caption += ReplicateSpread.captionNote(plot.curves.flatMap(\.values)) + " The curves are drawn slightly apart so that their bars do not overlap." }
        caption += a.missingNote
        return GnuplotFigure(name: name, title: a.title, caption: caption, body: body,
                             dataFiles: [name + ".dat": plot.dataTable], width: 1000, height: 600)
    }
}
