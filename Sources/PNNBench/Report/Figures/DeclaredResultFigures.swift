/// The figures of the artifacts whose rows use a data set the suite declares, drawn
/// against that data set's own parameters: ROC-AUC against the parameter for one
/// parameter (`DeclaredCurveFigure`), a heat map over the grid for two
/// (`DeclaredHeatMap`). With three or more parameters, or rows on data sets of different
/// parameters, the figure is left out: the tables give every point.
enum DeclaredResultFigures {
    /// One artifact as its figure draws it.
    struct Artifact {
        var id: String
        var title: String
        /// The rows that ran (the first seed's result), in suite order.
        var rows: [RunResult]
        /// Each row's results of every seed, in the order of `rows`.
        var replicates: [[RunResult]]
        var parameterNames: [String]
        /// Every point a row was tested at, in the data's order.
        var points: [ResultPoint]
        /// The artifact's rows in the suite, run or not.
        var expected: Int

        /// The caption's sentence for rows without a result; empty when every row ran.
        var missingNote: String {
            rows.count < expected ? " \(expected - rows.count) of the artifact's \(expected) rows are missing: their experiments have no result." : ""
        }

        /// The data sets' names for titles: "toy".
        var datasets: String {
            Set(rows.map(\.spec.dataset.rawValue)).sorted().joined(separator: ", ")
        }
    }

    static func make(_ context: FigureContext) -> FigureOutcome {
        var outcome = FigureOutcome()
        for artifact in context.suite.artifacts {
            let specs = context.suite.entries(of: artifact.id).compactMap { context.suite.experiment(reproducing: $0.reproduces) }
            guard specs.contains(where: { $0.dataset.isDeclared }) else { continue }
            let parameterSets = Set(specs.map { context.suite.parameterNames($0.dataset) })
            let names = parameterSets.first!
            let name = figureName(artifact.id, names)
            guard parameterSets.count == 1, specs.allSatisfy({ $0.dataset.isDeclared }) else {
                outcome.omitted.append((name, "the rows of \(artifact.id) use data sets of different parameters: the table gives every point"))
                continue
            }
            guard names.count <= 2 else {
                outcome.omitted.append((name, "\(names.count) parameters (\(names.joined(separator: ", "))) have no figure: the table gives every point"))
                continue
            }
            let rows = context.results(artifact.id)
            guard !rows.isEmpty else {
                outcome.omitted.append((name, "no row of \(artifact.id) has a result (experiments not run)"))
                continue
            }
            let replicates = rows.map { context.replicates(artifact.id, $0.spec.reproduces.row) }
            let a = Artifact(id: artifact.id, title: artifact.title, rows: rows, replicates: replicates, parameterNames: names,
                             points: ResultPoint.union(replicates.flatMap { $0 }), expected: specs.count)
            outcome.figures.append(names.count == 1 ? DeclaredCurveFigure.figure(a, name: name, context: context)
                                                    : DeclaredHeatMap.figure(a, name: name, context: context))
        }
        return outcome
    }

    /// "interp-auc-vs-mA" (one parameter), "interp-auc-map" (two or more).
    static func figureName(_ artifact: String, _ names: [String]) -> String {
        names.count == 1 ? "\(artifact)-auc-vs-\(fileSafe(names[0]))" : "\(artifact)-auc-map"
    }

    /// Letters and digits kept, anything else "-", for names in file names and columns.
    static func fileSafe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// A row's colour: its model's (`ResultFigureStyle`), a conditioned network its mechanism's.
    static func color(_ spec: ExperimentSpec) -> String {
        spec.model == .conditioned ? ConditioningFigure.color(spec.conditioning) : ResultFigureStyle.color(for: spec)
    }

    /// gnuplot dash and point types of the k-th row of one colour: solid circles, dashed
    /// squares, dotted triangles, dash-dotted diamonds, then again with other markers.
    static func style(_ k: Int) -> (dash: Int, point: Int) {
        let styles = [(1, 7), (2, 5), (3, 9), (4, 13), (5, 11), (1, 15)]
        return styles[k % styles.count]
    }
}
