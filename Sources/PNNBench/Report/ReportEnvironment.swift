import Foundation
import PNNEngine

/// The facts about the machine and build a report states next to its numbers. Everything
/// here is fixed for a given machine, build and checkout: no clock time, so that the same
/// results and timings give the same report bytes.
public struct ReportEnvironment: Equatable, Sendable {
    /// "model name" of /proc/cpuinfo, or "unknown".
    public var cpuModel: String
    /// Logical CPUs of the machine.
    public var logicalCPUs: Int
    public var engineVersion: String
    /// The LLVM CPU the numeric code was compiled for (`PNNBENCH_TARGET_CPU`).
    public var targetCPU: String
    /// `git rev-parse --short HEAD` of the project folder, or "unknown".
    public var gitCommit: String

    public init(cpuModel: String, logicalCPUs: Int, engineVersion: String, targetCPU: String, gitCommit: String) {
        self.cpuModel = cpuModel
        self.logicalCPUs = logicalCPUs
        self.engineVersion = engineVersion
        self.targetCPU = targetCPU
        self.gitCommit = gitCommit
    }

    /// The environment of this process; `root` is the folder whose git commit is reported.
    public static func current(root: URL) -> ReportEnvironment {
        ReportEnvironment(cpuModel: cpuModel(cpuinfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""),
                          logicalCPUs: ProcessInfo.processInfo.activeProcessorCount,
                          engineVersion: EngineVersion.current, targetCPU: CPUGuard.buildTargetCPU,
                          gitCommit: gitCommit(root: root) ?? "unknown")
    }

    /// The first "model name : …" line of a /proc/cpuinfo text (x86; other architectures
    /// may lack it, then "unknown").
    public static func cpuModel(cpuinfo: String) -> String {
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "model name" {
                let name = parts[1].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { return name }
            }
        }
        return "unknown"
    }

    /// `git rev-parse --short HEAD` in `root`; nil without git or outside a repository.
    static func gitCommit(root: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--short", "HEAD"]
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
