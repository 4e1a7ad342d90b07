#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import PNNEngine

/// Who may change a work folder's store at a time: any number of runs (which add results)
/// together, or one `bench store --remove` (which deletes some) alone.
///
/// The lock is `flock(2)` on `<work-dir>/store.lock`: shared for a run, exclusive for a
/// removal. The kernel releases it when its process ends, however it ends, so a killed run
/// never blocks the store. Each holder also writes a file in `<work-dir>/store.lock.d/`
/// saying what it is (command, process id, host, start time), so a removal refused
/// because the store is in use can name who uses it; files left by ended processes are
/// removed by the next exclusive holder. On NFS, Linux maps `flock` to byte-range locks,
/// so runs on several cluster nodes sharing one work folder hold the lock together.
public final class StoreLock {
    public enum Mode: Sendable { case shared, exclusive }

    /// The store is held by others; `holders` says by whom (one line each).
    public struct Busy: Error, CustomStringConvertible {
        public var holders: [String]
        public var description: String {
            "the store is in use by " + (holders.isEmpty ? "another process" : holders.joined(separator: "; "))
                + "; try again when it has finished"
        }
    }

    public let mode: Mode
    private let descriptor: Int32
    private let holderFile: URL

    static func lockURL(_ workDirectory: URL) -> URL { workDirectory.appendingPathComponent("store.lock") }
    static func holdersURL(_ workDirectory: URL) -> URL { workDirectory.appendingPathComponent("store.lock.d") }

    /// What this process writes into its holder file: "bench run --scale smoke (pid 4711
    /// on node07, since 2026-12-06T18:40:05Z)".
    public static func describeThisProcess() -> String {
        let command = (["bench"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let since = ISO8601DateFormatter().string(from: Date())
        return "\(command) (pid \(getpid()) on \(TemporaryName.host), since \(since))"
    }

    /// Takes the lock of the store in `workDirectory`. Shared: waits while a removal holds
    /// it (calling `waiting` once with its holders first). Exclusive: never waits; throws
    /// `Busy` naming the holders when any process holds it.
    public init(_ mode: Mode, workDirectory: URL, holder: String = StoreLock.describeThisProcess(),
                waiting: (([String]) -> Void)? = nil) throws {
        self.mode = mode
        let holders = Self.holdersURL(workDirectory)
        try FileManager.default.createDirectory(at: holders, withIntermediateDirectories: true)
        let path = Self.lockURL(workDirectory).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot open \(path): \(String(cString: strerror(errno)))"])
        }
        let operation = mode == .shared ? LOCK_SH : LOCK_EX
        if flock(fd, operation | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, mode == .shared else {
                let busy = errno == EWOULDBLOCK
                close(fd)
                if busy { throw Busy(holders: Self.holders(in: holders)) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            waiting?(Self.holders(in: holders))
            while flock(fd, operation) != 0 {
                guard errno == EINTR else { close(fd); throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            }
        }
        descriptor = fd
        if mode == .exclusive {
            // Nobody else holds the lock: every holder file left is of an ended process.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: holders.path)) ?? [] {
                try? FileManager.default.removeItem(at: holders.appendingPathComponent(name))
            }
        }
        holderFile = holders.appendingPathComponent("\(TemporaryName.host)-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))")
        try? AtomicFile.write(Data((holder + "\n").utf8), to: holderFile.path)
    }

    /// The descriptions in the holder files, sorted.
    static func holders(in folder: URL) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: holderFile)
        close(descriptor)
    }
}
