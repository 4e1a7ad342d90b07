import PNNEngine

/// The conditioning study in the style of the authors' figure: ROC-AUC per signal mass of
/// every conditioning variant of one artifact (mechanism × placement, the rows of
/// `model: conditioned` experiments), one line each. The colour is the mechanism (concat
/// the pNN's blue, affine the AffinePNN's orange), the line and marker the placement
/// (start dashed with squares, all solid with circles, end dotted with triangles). Masses
/// left out of training are shaded and marked with open black squares. With several seeds
/// each line is the mean over the seeds (twelve lines leave no room for bars; the tables
/// give the spread). Drawn by `ParameterCurves`.
enum ConditioningFigure {
    static func make(_ context: FigureContext) -> FigureOutcome {
        var outcome = FigureOutcome()
        for artifact in context.suite.artifacts.map(\.id) {
            let specs = context.suite.experiments.filter { $0.reproduces.artifact == artifact }
            // Rows on declared data are drawn against their own parameters (`DeclaredResultFigures`).
            guard !specs.isEmpty, specs.allSatisfy({ $0.model == .conditioned && !$0.dataset.isDeclared }) else { continue }
            let name = "\(artifact)-conditioning"
            let rows = context.results(artifact)
            guard !rows.isEmpty else {
                outcome.omitted.append((name, "no row of \(artifact) has a result (experiments not run)"))
                continue
            }
            outcome.figures.append(figure(rows, name: name, artifact: artifact, expected: specs.count, context: context))
        }
        return outcome
    }

    static func color(_ kind: ConditioningKind?) -> String {
        switch kind {
        case .concat: return ResultFigureStyle.pnn
        case .biasing: return ResultFigureStyle.individualNNs
        case .scaling: return ResultFigureStyle.pnnLinear
        case .affine: return ResultFigureStyle.affine
        case .none?, nil: return ResultFigureStyle.singleNN
        }
    }

    /// gnuplot dash type and point type of a placement.
    static func style(_ place: ConditioningPlace?) -> (dash: Int, point: Int) {
        switch place {
        case .start: return (2, 5)
        case .end: return (3, 9)
        case .all, nil: return (1, 7)
        }
    }

    static func figure(_ rows: [RunResult], name: String, artifact: String, expected: Int, context: FigureContext) -> GnuplotFigure {
        let S = ResultFigureStyle.self
        let dataFile = name + ".dat"
        let masses = rows[0].perMass.map(\.mass)
        let missing = Fig14HalfMass.missingMasses(rows)
        let seeds = context.replicates.seeds.count
        // Per row and mass: the mean over the seeds (the one seed's value with one seed).
        let curves = rows.map { r -> ParameterCurves.Curve in
            let runs = seeds > 1 ? context.replicates(artifact, r.spec.reproduces.row) : [r]
            let (dash, point) = style(r.spec.place)
            return ParameterCurves.Curve(title: r.spec.reproduces.row.replacingOccurrences(of: " | ", with: "-").lowercased(),
                                         stem: S.fileStem(r), color: color(r.spec.conditioning), dash: dash, point: point,
                                         values: masses.map { ReplicateSpread.at($0, of: runs, \.rocAUC) }, leftOut: nil)
        }
        let plot = ParameterCurves(
            xName: "mass_GeV", x: masses.map(Double.init), shaded: masses.map(missing.contains), curves: curves, bars: false,
            notes: ["missing = 1 for masses left out of training"] + (seeds > 1 ? ["auc_*: mean over the \(seeds) seeds of the report"] : []))
        let trained = masses.filter { !missing.contains($0) }
        let heading = context.suite.artifacts.first { $0.id == artifact }?.title ?? artifact
        let title = "Conditioning study: ROC-AUC per mass, trained on \(missing.isEmpty ? "every mass" : S.massList(trained) + " GeV only")\\n\(S.dataLabel(rows[0]))"
        let body = plot.body(title: title, axis: S.massAxis(masses), bandHalfWidth: 60, dataFile: dataFile)
        let caption = """
        \(heading). ROC-AUC per signal mass of each conditioning variant: colour = mechanism (concat blue, biasing green, \
        scaling purple, affine orange), line = placement (start dashed, all solid, end dotted)\
        \(missing.isEmpty ? "" : "; the masses left out of training (\(S.massList(missing)) GeV) are shaded and marked by open black squares")\
        .\(seeds > 1 ? " Each line is the mean over \(seeds) seeds; the tables give the spread." : "")\
        \(S.missingNote(drawn: rows.count, of: expected, items: "variants"))
        """
        return GnuplotFigure(name: name, title: heading, caption: caption, body: body,
                             dataFiles: [dataFile: plot.dataTable], width: 1000, height: 600)
    }
}
