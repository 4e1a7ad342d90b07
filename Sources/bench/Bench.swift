import ArgumentParser
import PNNEngine

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "PNNBench: reproduce and benchmark parametric neural networks for signal/background classification.",
        discussion: """
        Trains the experiments of Anzalone, Diotalevi & Bonacorsi (2022) on a seeded, deterministic \
        CPU engine, evaluates them with the paper's per-mass protocol and compares them with reference tables.
        Build in release mode for anything numeric:  swift run -c release bench <command>
        """,
        subcommands: [AllCommand.self, PerfCommand.self, ScoreCommand.self, DataCommand.self]
    )

    static func main() {
        CPUGuard.exitIfUnsupported()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
