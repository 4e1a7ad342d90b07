/// The data a suite runs on, as `--data` names it.
public enum DataChoice: String, CaseIterable, Sendable {
    /// HEPMASS-SIM, the embedded seeded generator; the default.
    case sim
    /// The UCI HEPMASS files in `--data-dir`; HEPMASS-IMB experiments are built from its
    /// training file with the paper's signal counts.
    case hepmass
    /// The authors' published HEPMASS-IMB files. Not readable yet: choosing it is an
    /// error that says so, rather than a silent alias of `hepmass`.
    case hepmassIMB = "hepmass-imb"

    /// `DataIdentity.source` of the results this choice produces ("sim" or "hepmass").
    public var resultSource: String {
        switch self {
        case .sim: return "sim"
        case .hepmass, .hepmassIMB: return "hepmass"
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
    /// folder that was not given or cannot be read yet.
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
            throw PipelineError("--data hepmass-imb (the published HEPMASS-IMB files) is not supported yet; use --data hepmass with the UCI HEPMASS files, from whose training file the HEPMASS-IMB experiments are built with the paper's signal counts")
        }
    }
}
