import ArgumentParser

/// Placeholder until the metrics issue lands.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "Paper metrics for any scores (not yet available).")
    func run() throws { throw ValidationError("bench score is not implemented yet") }
}
