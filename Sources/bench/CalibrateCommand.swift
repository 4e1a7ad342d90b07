import ArgumentParser
import Foundation
import PNNBench
import PNNData
import PNNEngine

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Train individual NNs on HEPMASS-SIM and compare their ROC-AUC per mass with the paper's.",
        discussion: """
        HEPMASS-SIM is tuned so that an individual network per mass (trained on that mass's signal \
        against all background, no mass input) reaches about the ROC-AUC the paper reports for \
        HEPMASS (Table 3, "Individual-NNs": 77.35, 92.59, 97.42, 98.89, 99.45 %). This command \
        measures that profile for the generator's current parameters, or for overrides given with \
        --set NAME=VALUE (see `bench data sim --help` for the names), so a developer can re-tune it.
        """)

    @Option(help: "Training events generated (before the 75/25 split).")
    var trainEvents = 300_000
    @Option(help: "Test events generated.")
    var testEvents = 150_000
    @Option(help: "Epochs per network.")
    var epochs = 10
    @Option(help: "Mini-batch size.")
    var batch = 1024
    @Option(help: "Training seed.")
    var seed: UInt64 = 42
    @OptionGroup var threads: ThreadsOption
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a simulation parameter (repeatable).", valueName: "NAME=VALUE"))
    var assignments: [String] = []
    @Option(help: "Allowed distance from the paper, in AUC points.")
    var tolerance: Double = 4

    func run() throws {
        let parameters = try SimulationParameters.default.setting(assignments)
        let scale = Scale(name: "calibration", trainEvents: trainEvents, testEvents: testEvents, epochs: epochs, batchSize: batch)
        let start = Date()
        let (result, timing) = try SimulatorCalibration(parameters: parameters, scale: scale, seed: seed, threads: threads.count).run()
        print("HEPMASS-SIM \(assignments.isEmpty ? "default parameters" : assignments.joined(separator: " ")); \(result.data.description)")
        print("individual NNs, \(epochs) epochs, batch \(batch), seed \(seed)")
        print("mass   ROC-AUC %   paper %   Δ      within ±\(tolerance)")
        var allWithin = true
        for m in result.perMass {
            let ours = 100 * m.rocAUC, paper = SimulatorCalibration.paperIndividualAUC[m.mass] ?? .nan
            let within = abs(ours - paper) <= tolerance
            allWithin = allWithin && within
            print(String(format: "%-6d %8.2f   %7.2f   %+6.2f  %@", m.mass, ours, paper, ours - paper, within ? "yes" : "NO"))
        }
        print(String(format: "trained %.0f s at %.0f samples/s; total %.0f s", timing.trainingSeconds, timing.samplesPerSecond,
                     Date().timeIntervalSince(start)))
        if !allWithin { throw ExitCode(1) }
    }
}
