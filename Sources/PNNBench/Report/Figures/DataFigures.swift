import Foundation
import PNNData
import PNNEngine

/// The data-set figures of the paper's §3: the m_WWbb distribution per signal mass
/// against the background (Fig. 3a), Pearson correlations of the training variables
/// (Fig. 5) and the class and mass imbalance of HEPMASS-IMB (Fig. 6). All are computed
/// from the training events of the experiments' data (`context.provider`). They describe
/// the data, which do not change with `--seed`, so any subsampling uses the data seed.
/// A suite without HEPMASS experiments has none (its declared data sets are listed in the
/// report's "Data sets" section, `DeclaredDataTable`).
public enum DataFigures {
    public static func make(_ context: FigureContext) throws -> FigureOutcome {
        var outcome = FigureOutcome()
        guard context.suite.usesHEPMASS else { return outcome }
        let names = ["fig03a-mwwbb-distribution", "fig05-correlations", "fig05b-correlations-target", "fig06-imbalance"]
        guard let provider = context.provider else {
            for name in names { outcome.omitted.append((name, "no data provider: the data-set figures need the experiment data")) }
            return outcome
        }
        let hepmass = try provider.data(.hepmass)
        let dataName = DataFigureText.dataName(hepmass.identity, imbalanced: false)
        outcome.figures.append(DataDistributionFigure.make(hepmass.train, dataName: dataName))
        outcome.figures.append(DataCorrelationFigure.matrix(hepmass.train, dataName: dataName,
                                                                  seed: DatasetProvider.simulatorDataSeed))
        outcome.figures.append(DataCorrelationFigure.target(hepmass.train, dataName: dataName))
        let imbalanced = try provider.data(.hepmassIMB)
        outcome.figures.append(DataImbalanceFigure.make(imbalanced.train,
                                                        dataName: DataFigureText.dataName(imbalanced.identity, imbalanced: true)))
        return outcome
    }
}

/// Shared wording of the data-set figures.
enum DataFigureText {
    /// "HEPMASS" / "HEPMASS-IMB", with "-SIM" when the events come from the simulator,
    /// so a simulated figure is never mistaken for the real data set, and "(published)"
    /// for the authors' HEPMASS-IMB files rather than the set built from HEPMASS.
    static func dataName(_ identity: DataIdentity, imbalanced: Bool) -> String {
        if identity.source == "sim" { return imbalanced ? "HEPMASS-SIM (HEPMASS-IMB composition)" : "HEPMASS-SIM" }
        if identity.source == "hepmass-imb" { return "HEPMASS-IMB (published)" }
        return imbalanced ? "HEPMASS-IMB" : "HEPMASS"
    }

    /// Mass in GeV without a trailing ".0".
    static func gev(_ m: Float) -> String { m == m.rounded() ? String(Int(m)) : String(m) }

    /// Quotes a string for a gnuplot script (double quotes, backslash-escaped).
    static func quoted(_ s: String) -> String { "\"" + escaped(s) + "\"" }

    /// `s` backslash-escaped for the inside of a double-quoted gnuplot string.
    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
