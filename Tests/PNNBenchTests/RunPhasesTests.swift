import Foundation
import Testing
@testable import PNNBench

/// The phase accounting of a run: nested phases are charged their exclusive time, so the
/// phases add up to the time spent inside them and nothing is counted twice.
@Suite struct RunPhasesTests {
    /// Busy-waits `seconds` (sleep would be as good, but this keeps the clock honest under load).
    func spin(_ seconds: Double) {
        let t0 = Date()
        while Date().timeIntervalSince(t0) < seconds {}
    }

    @Test func nestedPhasesAreChargedTheirExclusiveTime() {
        let phases = RunPhases()
        let t0 = Date()
        phases.measure(.evaluation) {
            spin(0.02)
            phases.measure(.data) { spin(0.05) }
            spin(0.02)
        }
        phases.measure(.training) { spin(0.03) }
        let wall = Date().timeIntervalSince(t0)
        let summary = phases.summary(wallSeconds: wall)
        let byPhase = Dictionary(uniqueKeysWithValues: summary.phases.map { ($0.phase, $0.seconds) })
        #expect(Set(byPhase.keys) == [.evaluation, .data, .training])
        // The inner 50 ms are data's alone; evaluation keeps its own 40 ms.
        #expect(byPhase[.data]! >= 0.05 && byPhase[.data]! < 0.05 + 0.03)
        #expect(byPhase[.evaluation]! >= 0.04 && byPhase[.evaluation]! < 0.04 + 0.03)
        #expect(summary.measuredSeconds <= wall)
        #expect(summary.unaccountedSeconds >= 0 && summary.unaccountedSeconds < 0.01)
        // Listed in the phases' fixed order, whatever order they ran in.
        #expect(summary.phases.map(\.phase) == [.data, .training, .evaluation])
        #expect(abs(summary.nonTrainingShare - (wall - byPhase[.training]!) / wall) < 1e-12)
    }

    @Test func addedSecondsMoveOutOfTheOpenPhase() {
        let phases = RunPhases()
        phases.measure(.training) {
            spin(0.02)
            phases.add(.validation, seconds: 0.015)
        }
        let s = phases.summary(wallSeconds: 1)
        let training = s.phases.first { $0.phase == .training }!.seconds
        let validation = s.phases.first { $0.phase == .validation }!.seconds
        #expect(validation == 0.015)
        #expect(training >= 0.02 - 0.015 && training < 0.02)
    }

    @Test func aThrowingPhaseIsStillClosed() {
        struct Failure: Error {}
        let phases = RunPhases()
        #expect(throws: Failure.self) { try phases.measure(.data) { throw Failure() } }
        phases.measure(.store) { spin(0.01) }
        let s = phases.summary(wallSeconds: 1)
        #expect(s.phases.map(\.phase) == [.data, .store])
        // Had `data` stayed open, `store` would have been subtracted from it, not listed alone.
        #expect(s.phases[0].seconds < 0.01)
    }

    @Test func summaryRoundTripsThroughItsFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phases-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = RunPhases.Summary(wallSeconds: 12.5, phases: [.init(phase: .training, seconds: 10), .init(phase: .report, seconds: 2)])
        let url = RunPhases.Summary.file(workDirectory: dir, name: "paper-sim-smoke")
        #expect(url.path.hasSuffix("runs/paper-sim-smoke.phases.json"))
        try summary.write(to: url)
        #expect(RunPhases.Summary.stored(at: url) == summary)
        #expect(abs(summary.unaccountedSeconds - 0.5) < 1e-12)
        #expect(abs(summary.nonTrainingShare - 2.5 / 12.5) < 1e-12)
        #expect(summary.table.contains("not training: 20.0 % of the wall time"))
        try Data("{".utf8).write(to: url)
        #expect(RunPhases.Summary.stored(at: url) == nil)
    }
}
