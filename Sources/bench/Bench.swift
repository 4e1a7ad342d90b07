import ArgumentParser
import Foundation
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
        Exit status: 0 success, 1 a comparison fell outside its tolerance, 2 bad input or usage.
        """,
        subcommands: [AllCommand.self, ListCommand.self, RunCommand.self, SubmitCommand.self, StatusCommand.self, CompareCommand.self, BaselineCommand.self, ReportCommand.self, StoreCommand.self, PerfCommand.self, ModelCommand.self, CalibrateCommand.self, ScoreCommand.self, DataCommand.self]
    )

    static func main() {
        // Logs (CI, `| tee`) should see each progress line when it is printed.
        setvbuf(stdout, nil, _IOLBF, 0)
        CPUGuard.exitIfUnsupported()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            // Help and --version are "errors" that exit 0; everything else is bad input or
            // usage, which the command-line contract reports with exit status 2.
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
