import Foundation

/// A command-line tool found on PATH (gnuplot, sbatch, squeue, …), and running one.
public enum ExternalTool {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable `name` in the first folder of PATH that has it, if any.
    public static func locate(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `name arguments…` and waits; throws `PipelineError` when `name` is not on PATH.
    public static func run(_ name: String, _ arguments: [String]) throws -> Output {
        guard let executable = locate(name) else {
            throw PipelineError("\(name) is not on PATH: run this on a machine of the cluster (or use --dry-run to only write the scripts)")
        }
        let process = Process()
        process.executableURL = executable
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

    /// This process's executable, for scripts that run it again.
    public static var currentExecutable: String {
        let resolved = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        return resolved != "/proc/self/exe" ? resolved : URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
