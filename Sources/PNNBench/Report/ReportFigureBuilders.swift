/// The figure builders `bench report` runs, in the order their figures appear in the
/// report. Each family lives in `Report/Figures/`; a new family is drawn once it is listed here.
public enum ReportFigureBuilders {
    public static var standard: [ReportBuilder.FigureBuilder] {
        [DataFigures.make, EmbeddingFigures.make, ResultFigures.make]
    }
}
