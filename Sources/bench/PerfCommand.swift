import ArgumentParser
import PNNEngine

/// Placeholder: the training benchmark comes with the engine.
struct PerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "perf", abstract: "Training throughput of the engine.")
    @Flag(help: "Time the three GEMM forms on the model's layer shapes instead of whole models.")
    var kernels = false
    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?
    @Flag(help: "Print JSON.")
    var json = false
    func run() throws {
        let pool = WorkerPool(threads: threads ?? WorkerPool.availableCores)
        if kernels {
            let results = KernelBenchmark.run(pool: pool)
            for r in results { print(r.summary) }
        }
    }
}
