/// Where in the paper an experiment's numbers belong: an artifact ("table3", "table4",
/// "table5", "fig9", "fig10", "fig13", "fig14a", "fig14b", "fig14c", "fig15") and the
/// row label as the baselines spell it (e.g. "Affine | Identical (fixed)").
public struct PaperReference: Codable, Hashable, Sendable {
    public var artifact: String
    public var row: String

    public init(artifact: String, row: String) {
        self.artifact = artifact
        self.row = row
    }
}
