import ArgumentParser

/// Placeholder until the data issue lands.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "data", abstract: "HEPMASS readers and the HEPMASS-SIM generator (not yet available).")
    func run() throws { throw ValidationError("bench data is not implemented yet") }
}
