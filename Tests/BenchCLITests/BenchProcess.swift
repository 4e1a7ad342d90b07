import Foundation

/// Runs the built `bench` executable (the one `swift build`/`swift test` put next to the
/// test bundle) and captures its output, for end-to-end tests of the command line.
struct BenchProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Directory holding the build products (the test bundle lives there too).
    static var productsDirectory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("bench").path) { return url }
        }
        fatalError("bench executable not found next to the test bundle; run `swift build` first")
    }

    static var executable: URL { productsDirectory.appendingPathComponent("bench") }

    /// Runs `bench arguments…` in `directory` (default: a fresh temporary directory).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil) throws -> Output {
        try run(executable: executable, arguments, in: directory, stdin: stdin)
    }

    /// Runs any program and captures both of its outputs. They are read concurrently (the
    /// standard error on a thread of its own): a child that fills one pipe while the other
    /// is being read to its end would otherwise block forever.
    static func run(executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let errorReader = PipeReader(err.fileHandleForReading)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads a pipe to its end on a thread of its own.
    final class PipeReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        /// Everything the pipe carried, once its writer closed it.
        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A new empty temporary directory, removed by the caller when done.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
