/// Figure 9: single-mass interpolation (and extrapolation at the ends) on HEPMASS. One
/// column per left-out mass m: ROC-AUC vs mass of the pNN trained on every mass (blue,
/// the same in every column) and of the pNN trained without m (its value at m marked by
/// a red square), with the ratio AUC_without-m / AUC_all below.
enum Fig09Interpolation {
    static let name = "fig09-single-mass-interpolation"
    static let referenceRow = "pNN | trained on all masses"

    static func make(_ context: FigureContext) -> FigureOutcome {
        guard let reference = context.result("fig9", referenceRow) else {
            return FigureOutcome(omitted: [(name, "the reference row “\(referenceRow)” of fig9 has no result (experiment not run)")])
        }
        let variants = context.results("fig9").filter { $0.spec.reproduces.row != referenceRow }
        var panels: [ResultMassPanels.Panel] = []
        for variant in variants {
            let trained = Set(variant.spec.trainMasses ?? reference.perMass.map(\.mass))
            let leftOut = reference.perMass.map(\.mass).filter { !trained.contains($0) }
            panels.append(.init(title: "without " + ResultFigureStyle.massList(leftOut) + " GeV", variant: variant, highlighted: leftOut))
        }
        guard !panels.isEmpty else {
            return FigureOutcome(omitted: [(name, "no “pNN | trained without m” row of fig9 has a result (experiments not run)")])
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == "fig9" && $0.reproduces.row != referenceRow }.count
        let title = "Figure 9: single-mass interpolation on \(ResultFigureStyle.dataLabel(reference))"
        var caption = """
        ROC-AUC per signal mass of the pNN trained on every mass (blue, the same in every column) and of the pNN \
        trained without one mass (brown); the left-out mass is marked by a red square. Below: ratio of the two \
        (pNN without m / all-mass pNN). A left-out 500 or 1500 GeV is extrapolation, the others interpolation.
        """
        caption += ResultFigureStyle.missingNote(drawn: panels.count, of: expected, items: "column(s)")
        let figure = ResultMassPanels(reference: reference, referenceTitle: "pNN, all masses", variantTitle: "pNN without m",
                                      highlightTitle: "left-out mass",
                                      highlightStyle: "pt 4 ps 2.2 lw 2.5 lc rgb \"\(ResultFigureStyle.leftOut)\"",
                                      panels: panels, replicates: ReplicateSpread.isDrawn(context) ? context.replicates : nil)
            .figure(name: name, title: title, caption: caption)
        return FigureOutcome(figures: [figure])
    }
}
