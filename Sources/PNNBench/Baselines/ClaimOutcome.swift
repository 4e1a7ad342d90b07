/// What became of one claim on a set of results.
public struct ClaimOutcome: Equatable, Sendable {
    public enum Status: String, Equatable, Sendable {
        case holds
        case fails
        /// Some row the claim needs has no result: nothing can be said (not a failure).
        case notRun = "not run"
    }

    public var claim: Claim
    public var status: Status
    /// The numbers behind the verdict, or which rows are missing.
    public var detail: String
}
