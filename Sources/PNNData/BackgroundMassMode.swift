/// How background events get their mass feature (paper §4.2). The mass is meaningless
/// for background, so it is a choice of two independent things:
///
/// - `distribution`: **identical** — m ~ the discrete set M of (training) signal masses,
///   each equally likely; **uniform** — m ~ U(min M, max M).
/// - `assignment`: **fixed** — drawn once per event and kept for the whole training (as
///   if written to disk; HEPMASS's own file is identical-fixed); **sampled** — drawn
///   again every time the event appears in a mini-batch.
///
/// The four combinations are the paper's (a) identical fixed, (b) identical sampled,
/// (c) uniform fixed, (d) uniform sampled. Spelled `identical-fixed` etc. on the
/// command line and in suite files.
public struct BackgroundMassMode: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Distribution: String, Hashable, Sendable, Codable, CaseIterable { case identical, uniform }
    public enum Assignment: String, Hashable, Sendable, Codable, CaseIterable { case fixed, sampled }

    public var distribution: Distribution
    public var assignment: Assignment

    public init(_ distribution: Distribution, _ assignment: Assignment) {
        self.distribution = distribution
        self.assignment = assignment
    }

    public static let identicalFixed = BackgroundMassMode(.identical, .fixed)
    public static let identicalSampled = BackgroundMassMode(.identical, .sampled)
    public static let uniformFixed = BackgroundMassMode(.uniform, .fixed)
    public static let uniformSampled = BackgroundMassMode(.uniform, .sampled)
    public static let allCases: [BackgroundMassMode] = [.identicalFixed, .identicalSampled, .uniformFixed, .uniformSampled]

    /// Parses `identical-fixed`, `uniform-sampled`, …
    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: "-").map(String.init)
        guard parts.count == 2, let d = Distribution(rawValue: parts[0]), let a = Assignment(rawValue: parts[1]) else { return nil }
        self.init(d, a)
    }

    public var description: String { "\(distribution.rawValue)-\(assignment.rawValue)" }

    /// Set to `true` in an encoder's `userInfo` to write the mode as its text
    /// (`"identical-fixed"`) instead of the object `{"assignment", "distribution"}`.
    /// Result keys hash the text form; result files hold the object.
    public static let encodesAsText = CodingUserInfoKey(rawValue: "PNNData.BackgroundMassMode.encodesAsText")!

    enum CodingKeys: String, CodingKey { case distribution, assignment }

    public func encode(to encoder: Encoder) throws {
        if encoder.userInfo[Self.encodesAsText] as? Bool == true {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        } else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(distribution, forKey: .distribution)
            try container.encode(assignment, forKey: .assignment)
        }
    }
}
