import ArgumentParser
import PNNEngine

/// The main job. Until the suite runner exists it says so and points at what works now.
struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every experiment of the paper, compare with the baselines and write the report.",
        discussion: "The suite runner (Suites/, Baselines/, Reports/) is still to come; today this command only says so.")

    func run() throws {
        print("""
        PNNBench: the suite runner that trains every experiment of the paper is still to come.
        Available now:
          bench perf            training throughput of the paper's affine and pnn models
          bench perf --kernels  the matrix-product kernels on the models' layer shapes
        Engine: target CPU \(CPUGuard.buildTargetCPU) [\(CPUGuard.buildFeatures)], \(WorkerPool.availableCores) cores.
        """)
    }
}
