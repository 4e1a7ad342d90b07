import Foundation
import PNNBench

/// Runs a scheduler's command-line tool (sbatch, squeue, …) found on PATH.
enum ExternalCommand {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The absolute path of `name` on PATH, if any.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name arguments…` and waits; throws `PipelineError` when `name` is not on PATH.
    static func run(_ name: String, _ arguments: [String]) throws -> Output {
        guard let executable = locate(name) else {
            throw PipelineError("\(name) is not on PATH: run this on a machine of the cluster (or use --dry-run to only write the scripts)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// This process's executable, for scripts that run `bench` again.
    static var benchExecutable: String {
        let resolved = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return resolved != "/proc/self/exe" ? resolved : URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
