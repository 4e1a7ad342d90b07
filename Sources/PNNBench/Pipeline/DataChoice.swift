import PNNData

/// The data a suite runs on, as `--data` names it.
public enum DataChoice: String, CaseIterable, Sendable {
    /// HEPMASS-SIM, the embedded seeded generator; the default.
    case sim
    /// The UCI HEPMASS files in `--data-dir`; HEPMASS-IMB experiments are built from its
    /// training file with the paper's signal counts.
    case hepmass
    /// As `hepmass`, but the HEPMASS-IMB experiments read the authors' published files
    /// (`imbalanced_signal`, `imbalanced_background`) from `--data-dir` when they are
    /// there; without them HEPMASS-IMB is built as with `hepmass`.
    case hepmassIMB = "hepmass-imb"

    /// The `DataIdentity.source`s of the results this choice produces, most preferred
    /// first (`ResultSelection`). With `hepmass-imb`, HEPMASS-IMB results come from the
    /// published files ("hepmass-imb") and everything else from HEPMASS ("hepmass"); when
    /// the folder is given and holds no published file, the built set's results are the
    /// ones that count, so "hepmass-imb" results are left out.
    public func resultSources(dataDirectory: String?) -> [String] {
        switch self {
        case .sim: return ["sim"]
        case .hepmass: return ["hepmass"]
        case .hepmassIMB:
            if let dataDirectory, !HEPMASSIMBFiles.isPresent(in: dataDirectory) { return ["hepmass"] }
            return ["hepmass-imb", "hepmass"]
        }
    }

    /// The name reports print: "HEPMASS-SIM", "HEPMASS", "HEPMASS-IMB".
    public var displayName: String {
        switch self {
        case .sim: return "HEPMASS-SIM"
        case .hepmass: return "HEPMASS"
        case .hepmassIMB: return "HEPMASS-IMB"
        }
    }

    /// Where the events come from. Throws, naming the option, when the choice needs a
    /// folder that was not given.
    public func source(dataDirectory: String?) throws -> DataSource {
        switch self {
        case .sim:
            return .simulator()
        case .hepmass:
            guard let dataDirectory else {
                throw PipelineError("--data hepmass needs --data-dir DIR, the folder holding all_train.csv[.gz] and all_test.csv[.gz] (see the README)")
            }
            return .hepmass(directory: dataDirectory)
        case .hepmassIMB:
            guard let dataDirectory else {
                throw PipelineError("--data hepmass-imb needs --data-dir DIR, the folder holding imbalanced_signal.csv[.gz] and imbalanced_background.csv[.gz] (the published HEPMASS-IMB), all_test.csv[.gz], and all_train.csv[.gz] for Table 3 or when the published files are absent (see the README)")
            }
            return .hepmassIMB(directory: dataDirectory)
        }
    }
}
