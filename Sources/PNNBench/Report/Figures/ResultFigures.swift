/// Every figure of the report drawn from stored results: Figures 9, 10, 13, 14 (a, b, c)
/// and 15 of the paper and training curves, for a suite on HEPMASS that declares their
/// artifacts, the conditioning study's figures, and the figures of artifacts on declared
/// data sets. Figures whose experiments did not run are listed in `omitted` with the
/// reason, never drawn empty.
public enum ResultFigures {
    public static func make(_ context: FigureContext) throws -> FigureOutcome {
        var outcome = FigureOutcome()
        // The paper's figures are HEPMASS's: a suite without HEPMASS experiments has none.
        let declared = context.suite.usesHEPMASS ? Set(context.suite.artifacts.map(\.id)) : []
        let has = { (artifacts: [String]) in artifacts.contains(where: declared.contains) }
        if has(["fig9"]) { outcome.append(Fig09Interpolation.make(context)) }
        if has(["fig10"]) { outcome.append(Fig10Extrapolation.make(context)) }
        if has(["fig13"]) { outcome.append(Fig13Baselines.make(context)) }
        if has(Fig14HalfMass.panels.map(\.0)) { outcome.append(Fig14HalfMass.make(context)) }
        if has(["fig15"]) { outcome.append(Fig15ClassSeparation.make(context)) }
        if has(TrainingCurves.representatives.map(\.artifact)) { outcome.append(TrainingCurves.make(context)) }
        outcome.append(ConditioningFigure.make(context))
        outcome.append(DeclaredResultFigures.make(context))
        return outcome
    }
}
