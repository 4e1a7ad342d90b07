import Foundation

/// Everything a comparison checks against: the tables of one kind of baseline for one
/// suite and the suite's claims.
public struct BaselineSet: Sendable {
    public enum Kind: Equatable, Sendable, CustomStringConvertible {
        /// The published numbers the suite reproduces (`Baselines/<suite>/`: the paper's
        /// Tables 3–5 for the paper suite). Each row is matched to a result by artifact and
        /// row; rows without results are reported but do not fail, since a partial run
        /// (`bench run table3/*`) is a normal use. Claims gate the exit status.
        case paper
        /// Results of the embedded simulator recorded at one scale
        /// (`Baselines/sim/<scale>/<suite>.yaml`).
        /// Each row is one experiment; a recorded experiment without a result fails (an
        /// experiment that stopped running is a regression). Claims are shown but do not
        /// gate: the recorded numbers already pin down what the regression check needs, and
        /// a claim that does not hold on simulated data is a finding, not a regression.
        case sim(scale: String)

        public var description: String {
            switch self {
            case .paper: return "paper"
            case .sim(let scale): return "sim (\(scale))"
            }
        }

        /// Folder of the suite's tables below the `Baselines/` root.
        public func folder(in root: URL, suite: String) -> URL {
            switch self {
            case .paper: return root.appendingPathComponent(suite)
            case .sim(let scale): return root.appendingPathComponent("sim").appendingPathComponent(scale)
            }
        }
    }

    public var kind: Kind
    public var tables: [BaselineTable]
    public var claims: [Claim]

    public init(kind: Kind, tables: [BaselineTable], claims: [Claim]) {
        self.kind = kind
        self.tables = tables
        self.claims = claims
    }

    /// The recorded baseline of `suite` in `Baselines/sim/<scale>/`.
    public static func simFileName(suite: String) -> String { suite + ".yaml" }

    /// Whether a baseline row without a matching result is a failure.
    public var missingResultFails: Bool { if case .sim = kind { return true } else { return false } }
    /// Whether a claim that fails makes the comparison fail.
    public var claimsGate: Bool { kind == .paper }

    public static let claimsFileName = "claims.yaml"

    /// Reads the baseline of `kind` for `suite` below `directory` (the `Baselines/`
    /// folder): every `*.yaml` table of `Baselines/<suite>/`, sorted by name (none when the
    /// folder holds only claims), or the
    /// recorded `Baselines/sim/<scale>/<suite>.yaml`; and `Baselines/<suite>/claims.yaml`
    /// when present. `suiteArgument` is how the user named the suite (a name or a file
    /// path), for the hint on how to record a missing baseline.
    public static func load(kind: Kind, suite: String = "paper", directory: URL, suiteArgument: String? = nil) throws -> BaselineSet {
        let folder = kind.folder(in: directory, suite: suite)
        let tableFiles: [String]
        switch kind {
        case .paper:
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
                throw BaselineError(file: folder.path, line: nil, "no such folder; the published numbers of suite '\(suite)' belong in Baselines/\(suite)/ (is --root the project folder?)")
            }
            tableFiles = names.filter { $0.hasSuffix(".yaml") && $0 != claimsFileName && !$0.hasPrefix(".") }.sorted()
            // A suite of our own experiments (no published numbers) may bring claims alone.
            guard !tableFiles.isEmpty || names.contains(claimsFileName) else {
                throw BaselineError(file: folder.path, line: nil, "holds neither baseline tables (*.yaml) nor \(claimsFileName)")
            }
        case .sim(let scale):
            let name = simFileName(suite: suite)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) else {
                throw BaselineError(file: folder.appendingPathComponent(name).path, line: nil,
                                    "no recorded baseline of suite '\(suite)' for scale \(scale); record one with `bench baseline record --scale \(scale)\(suite == "paper" ? "" : " --suite \(suiteArgument ?? suite)")`")
            }
            tableFiles = [name]
        }
        let tables = try tableFiles.map { try BaselineTable.load(path: folder.appendingPathComponent($0).path) }
        let claimsURL = directory.appendingPathComponent(suite).appendingPathComponent(claimsFileName)
        let claims = FileManager.default.fileExists(atPath: claimsURL.path) ? try Claim.load(path: claimsURL.path) : []
        return BaselineSet(kind: kind, tables: tables, claims: claims)
    }
}
