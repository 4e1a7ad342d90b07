import Foundation
import PNNBench

/// Shows a suite's progress: on a terminal one status line rewritten in place
/// (experiment k of n, network, epoch, loss, validation AUC, samples/s, ETA); in logs
/// (not a terminal, or CI set) one plain line per finished epoch.
final class ProgressPrinter {
    let total: Int
    let interactive: Bool
    private let start = Date()
    private var finishedSeconds: [Double] = []
    private var experimentStart = Date()
    private var index = 0
    private var id = ""

    init(total: Int) {
        self.total = total
        let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        interactive = isatty(STDOUT_FILENO) != 0 && !ci
    }

    func begin(_ k: Int, id: String) {
        index = k
        self.id = id
        experimentStart = Date()
        if !interactive { print("[\(k)/\(total)] \(id)") }
    }

    func update(_ p: ExperimentRunner.Progress) {
        let t = p.training
        let network = p.networks > 1 ? " net \(p.network)/\(p.networks)\(p.mass.map { " (\($0) GeV)" } ?? "")" : ""
        let auc = t.validationAUC.map { String(format: " val AUC %.4f", $0) } ?? ""
        let line = String(format: "[%d/%d] %@%@ epoch %d/%d step %d/%d loss %.4f%@ %.0fk samples/s ETA %@",
                          index, total, id, network, t.epoch, t.epochs, t.step, t.stepsPerEpoch, t.meanLoss, auc,
                          t.samplesPerSecond / 1000, eta(p))
        if interactive {
            print("\r\u{1B}[K" + line, terminator: "")
            fflush(stdout)
        } else if t.validationAUC != nil {
            print("  " + line)
        }
    }

    func finish(summary: String) {
        finishedSeconds.append(Date().timeIntervalSince(experimentStart))
        if interactive { print("\r\u{1B}[K", terminator: "") }
        print("[\(index)/\(total)] \(id): \(summary)")
    }

    func skip(_ k: Int, id: String, reason: String) {
        print("[\(k)/\(total)] \(id): \(reason)")
    }

    /// Remaining experiments × mean time of those finished so far (or of this one's
    /// progress when none has finished), minus what this one has done.
    private func eta(_ p: ExperimentRunner.Progress) -> String {
        let t = p.training
        let done = (Double(p.network - 1) + (Double(t.epoch - 1) + Double(t.step) / Double(max(t.stepsPerEpoch, 1))) / Double(max(t.epochs, 1)))
            / Double(max(p.networks, 1))
        let elapsed = Date().timeIntervalSince(experimentStart)
        let perExperiment = finishedSeconds.isEmpty ? (done > 0 ? elapsed / done : 0) : finishedSeconds.reduce(0, +) / Double(finishedSeconds.count)
        let remaining = max(0, perExperiment * (1 - done)) + perExperiment * Double(total - index)
        return Self.duration(remaining)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m" }
        if s >= 60 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s)s"
    }

    var elapsed: String { Self.duration(Date().timeIntervalSince(start)) }
}
