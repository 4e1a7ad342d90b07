/// The constants of the paper's evaluation (Anzalone et al. 2022, section 6), in one
/// place. Every default of the metrics and every stored result uses them; a change
/// here changes results, so it needs a new `EngineVersion` (see there).
public enum PaperProtocol {
    /// Equal bins on [0, 1] of the binned σ_ratio scan and of the score histograms
    /// (cuts at their lower edges j / 50).
    public static let significanceBins = 50
    /// Points kept per plotted ROC and PR curve (the areas use the full curves).
    public static let curvePoints = 200
}
