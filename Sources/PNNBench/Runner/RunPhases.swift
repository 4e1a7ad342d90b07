import Foundation
import PNNEngine

/// Where the wall time of a run goes, phase by phase: what `bench all` prints at its end
/// and the report's environment table shows.
///
/// Phases nest (data generated lazily inside an evaluation, say); each is charged its
/// exclusive time, the elapsed time minus that of the phases inside it, so the phases
/// never count a second twice and their sum is the time spent inside any phase:
///
///     exclusive(P) = elapsed(P) − Σ elapsed(children of P),   Σ_P exclusive(P) = Σ top-level elapsed
///
/// Phases are measured on the thread that drives the run; the worker threads of the
/// engine run inside them.
public final class RunPhases: @unchecked Sendable {
    public enum Phase: String, Codable, CaseIterable, Sendable {
        case startup = "start-up (suite, store, data identities)"
        case data = "data (generate or read, split)"
        case training = "training steps (incl. batch assembly)"
        case validation = "validation scoring (every epoch)"
        case checkpoints = "best-epoch weights and checkpoints"
        case evaluation = "test evaluation (per mass)"
        case store = "result store (read, write)"
        case comparison = "comparison"
        case report = "report (tables, figures)"

        /// Whether the phase is training proper, the rest being the run's overhead.
        public var isTraining: Bool { self == .training }
    }

    /// The process's phases, which every part of a run adds to.
    public static let shared = RunPhases()

    private let lock = NSLock()
    private var seconds: [Phase: Double] = [:]
    /// Open phases, innermost last, with their start and the elapsed time of their children.
    private var open: [(phase: Phase, start: Double, children: Double)] = []

    public init() {}

    /// Runs `body`, charging its time, less that of phases opened inside it, to `phase`.
    @discardableResult
    public func measure<T>(_ phase: Phase, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        open.append((phase, MonotonicClock.now(), 0))
        lock.unlock()
        defer {
            lock.lock()
            let entry = open.removeLast()
            let elapsed = MonotonicClock.now() - entry.start
            seconds[entry.phase, default: 0] += elapsed - entry.children
            if !open.isEmpty { open[open.count - 1].children += elapsed }
            lock.unlock()
        }
        return try body()
    }

    /// Adds seconds measured elsewhere (inside a phase still open, they move from it to `phase`).
    public func add(_ phase: Phase, seconds dt: Double) {
        lock.lock()
        seconds[phase, default: 0] += dt
        if !open.isEmpty { open[open.count - 1].children += dt }
        lock.unlock()
    }

    public func reset() {
        lock.lock()
        seconds = [:]
        open = []
        lock.unlock()
    }

    /// The phases so far against the wall time `wall` of the whole run.
    public func summary(wallSeconds wall: Double) -> Summary {
        lock.lock()
        defer { lock.unlock() }
        return Summary(wallSeconds: wall,
                       phases: Phase.allCases.compactMap { p in seconds[p].map { Summary.Entry(phase: p, seconds: $0) } })
    }

    /// The phases of one run, as printed and as stored beside its results.
    public struct Summary: Codable, Equatable, Sendable {
        public struct Entry: Codable, Equatable, Sendable {
            public let phase: Phase
            public let seconds: Double
        }

        public let wallSeconds: Double
        public let phases: [Entry]

        public var measuredSeconds: Double { phases.reduce(0) { $0 + $1.seconds } }
        /// Wall time outside every phase (process start-up before the first, exit).
        public var unaccountedSeconds: Double { wallSeconds - measuredSeconds }
        /// Share of the wall time that is not training steps.
        public var nonTrainingShare: Double {
            wallSeconds > 0 ? (wallSeconds - phases.filter { $0.phase.isTraining }.reduce(0) { $0 + $1.seconds }) / wallSeconds : 0
        }

        /// `<work-dir>/runs/<name>.phases.json`, where `bench all` leaves the phases of its
        /// run (`name`: the report folder's name, e.g. paper-sim-default).
        public static func file(workDirectory: URL, name: String) -> URL {
            workDirectory.appendingPathComponent("runs").appendingPathComponent("\(name).phases.json")
        }

        /// Writes the summary to `url` (unique temporary name, then rename).
        public func write(to url: URL) throws {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(CanonicalJSON.fileData(self), to: url.path)
        }

        /// The summary stored at `url`; nil when there is none or it cannot be read (an
        /// older format): phases are information, never a reason for a report to fail.
        public static func stored(at url: URL) -> Summary? {
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return try? CanonicalJSON.decoder().decode(Summary.self, from: data)
        }

        /// One line per phase with its share of the wall time, then the sums.
        public var table: String {
            func row(_ name: String, _ s: Double) -> String {
                name.padding(toLength: 44, withPad: " ", startingAt: 0)
                    + String(format: "%9.1f s  %5.1f %%", s, wallSeconds > 0 ? 100 * s / wallSeconds : 0)
            }
            var lines = phases.map { row("  " + $0.phase.rawValue, $0.seconds) }
            lines.append(row("  outside the phases", unaccountedSeconds))
            lines.append(row("  wall time", wallSeconds))
            lines.append(String(format: "  not training: %.1f %% of the wall time", 100 * nonTrainingShare))
            return lines.joined(separator: "\n")
        }
    }
}
