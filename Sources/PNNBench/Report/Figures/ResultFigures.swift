/// Every figure of the report drawn from stored results: Figures 9, 10, 13, 14 (a, b, c)
/// and 15 of the paper, and training curves. Figures whose experiments did not run are
/// listed in `omitted` with the reason, never drawn empty.
public enum ResultFigures {
    public static func make(_ context: FigureContext) throws -> FigureOutcome {
        var outcome = FigureOutcome()
        outcome.append(Fig09Interpolation.make(context))
        outcome.append(Fig10Extrapolation.make(context))
        outcome.append(Fig13Baselines.make(context))
        outcome.append(Fig14HalfMass.make(context))
        outcome.append(Fig15ClassSeparation.make(context))
        outcome.append(TrainingCurves.make(context))
        return outcome
    }
}
