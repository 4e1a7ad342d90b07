/// The column layout of the HEPMASS files (Baldi et al. 2016, UCI "HEPMASS" data set),
/// which every reader, writer and the HEPMASS-SIM generator share.
///
/// A row is `label, f0, …, f26, mass`: the class label (1 signal, 0 background), 27
/// standardised features and the signal-mass hypothesis in GeV. The per-mass files
/// (`1000_train.csv`) omit the mass column. Feature order, from the UCI description:
///
/// | columns  | meaning                                                        |
/// |----------|----------------------------------------------------------------|
/// | f0–f2    | lepton pT, η, φ                                                |
/// | f3–f4    | missing transverse energy: magnitude, φ                        |
/// | f5       | number of jets                                                 |
/// | f6–f21   | jets 1–4 (by decreasing pT): pT, η, φ, b-tag                   |
/// | f22–f26  | m_jj, m_jjj, m_ℓν, m_jℓν, m_WWbb                               |
///
/// so there are 22 low-level and 5 high-level features, and f26 is the reconstructed
/// resonance mass m_WWbb, the single most discriminating feature.
public enum HEPMASSSchema {
    /// Number of event features (f0…f26), without label and mass.
    public static let featureCount = 27
    /// Columns of a full row: label + 27 features + mass.
    public static let columnCount = 29
    /// The signal-mass hypotheses of HEPMASS in GeV.
    public static let signalMasses: [Float] = [500, 750, 1000, 1250, 1500]
    /// Index of m_WWbb (f26).
    public static let mWWbb = 26
    /// Divisor applied to the mass before it is given to a network (paper §4.4: m/1000).
    public static let massScale: Float = 1000

    /// Feature names in column order, for reports and `bench data inspect`.
    public static let featureNames: [String] = {
        var names = ["lep_pt", "lep_eta", "lep_phi", "met", "met_phi", "n_jets"]
        for j in 1...4 { names += ["j\(j)_pt", "j\(j)_eta", "j\(j)_phi", "j\(j)_btag"] }
        names += ["m_jj", "m_jjj", "m_lv", "m_jlv", "m_wwbb"]
        return names
    }()

    /// Column names of the header line: `label, f0, …, f26, mass`.
    public static func headerColumns(withMass: Bool = true) -> [String] {
        ["label"] + (0..<featureCount).map { "f\($0)" } + (withMass ? ["mass"] : [])
    }

    /// The header line written by `CSVWriter` (with the UCI files' leading `# `).
    public static var headerLine: String { "# " + headerColumns().joined(separator: ",") }

    /// A known signal mass close to `value` (within 0.01 GeV, which absorbs files that
    /// print 500 as 499.999969), or nil.
    @inline(__always)
    public static func knownMass(_ value: Float, in masses: [Float] = signalMasses) -> Float? {
        for m in masses where abs(m - value) <= 0.01 { return m }
        return nil
    }

    /// Where to get the real data, for "file not found" messages.
    public static let downloadHint = """
    HEPMASS is the "HEPMASS" data set of the UCI Machine Learning Repository \
    (https://archive.ics.uci.edu/ml/datasets/HEPMASS, files also at http://mlphysics.ics.uci.edu/data/hepmass/). \
    Download all_train.csv.gz and all_test.csv.gz (or the per-mass files such as 1000_train.csv.gz) \
    and put them, compressed or not, in the data directory passed as --data-dir \
    (for example .bench/data/hepmass/); `bench data import FILE --out DIR` then builds a fast binary cache.
    """
}
