import Foundation

/// Everything a comparison checks against: the tables of one kind of baseline and the
/// paper's claims.
public struct BaselineSet: Sendable {
    public enum Kind: Equatable, Sendable, CustomStringConvertible {
        /// The paper's Tables 3–5 (`Baselines/paper/`). Each row is matched to a result by
        /// artifact and row; rows without results are reported but do not fail, since a
        /// partial run (`bench run table3/*`) is a normal use. Claims gate the exit status.
        case paper
        /// Results of the embedded simulator recorded at one scale (`Baselines/sim/<scale>/`).
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

        /// Folder of the tables below the `Baselines/` root.
        public func folder(in root: URL) -> URL {
            switch self {
            case .paper: return root.appendingPathComponent("paper")
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

    /// Whether a baseline row without a matching result is a failure.
    public var missingResultFails: Bool { if case .sim = kind { return true } else { return false } }
    /// Whether a claim that fails makes the comparison fail.
    public var claimsGate: Bool { kind == .paper }

    public static let claimsFileName = "claims.yaml"

    /// Reads the baseline of `kind` below `directory` (the `Baselines/` folder): every
    /// `*.yaml` table in its folder, sorted by name, and `paper/claims.yaml` when present.
    public static func load(kind: Kind, directory: URL) throws -> BaselineSet {
        let folder = kind.folder(in: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            switch kind {
            case .paper:
                throw BaselineError(file: folder.path, line: nil, "no such folder; the paper's tables belong in Baselines/paper/ (is --root the project folder?)")
            case .sim(let scale):
                throw BaselineError(file: folder.path, line: nil, "no recorded baseline for scale \(scale); record one with `bench baseline record --scale \(scale)`")
            }
        }
        let tableFiles = names.filter { $0.hasSuffix(".yaml") && $0 != claimsFileName && !$0.hasPrefix(".") }.sorted()
        guard !tableFiles.isEmpty else {
            throw BaselineError(file: folder.path, line: nil, "holds no baseline tables (*.yaml)")
        }
        let tables = try tableFiles.map { try BaselineTable.load(path: folder.appendingPathComponent($0).path) }
        let claimsURL = directory.appendingPathComponent("paper").appendingPathComponent(claimsFileName)
        let claims = FileManager.default.fileExists(atPath: claimsURL.path) ? try Claim.load(path: claimsURL.path) : []
        return BaselineSet(kind: kind, tables: tables, claims: claims)
    }
}
