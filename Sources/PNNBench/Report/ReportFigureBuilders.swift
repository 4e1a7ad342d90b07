/// The figure builders `bench report` runs, in the order their figures appear in the
/// report. Each family lives in `Report/Figures/` and is added here when it lands.
public enum ReportFigureBuilders {
    public static var standard: [ReportBuilder.FigureBuilder] {
        [DataFigures.make, EmbeddingFigures.make, ResultFigures.make]
    }
}
