import ArgumentParser
import Foundation
import PNNEngine

struct PerfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perf",
        abstract: "Measure training throughput of the paper's models (build with -c release).",
        discussion: """
        Trains the model on random data (27 features, mass from the five HEPMASS points) with the \
        paper's settings — Adam, L2, dropout 0.25 — and reports the median over timed steps: \
        samples per second, milliseconds per step, achieved GFLOP/s (6 × multiply-adds of the Dense \
        layers × batch per step) and the peak resident memory of the process; the spread of the step \
        times (fastest step and quartiles: a wide spread means the machine was busy); and the GEMM \
        bound: the step's Dense products timed alone on this machine, and the fraction of the step \
        they account for (100 % would mean everything else is free). Then the trained model's         scoring speed (dropout off, batch 4096: what per-epoch validation and test evaluation cost         per event) beside its forward products timed alone.
        Every speed figure PNNBench quotes comes from this command. Numbers from a debug build are \
        meaningless: run  swift run -c release bench perf
        """)

    @Option(help: "Architecture: affine, pnn, pnn-linear or single. Repeat for several; default: affine and pnn.")
    var arch: [String] = []

    @Option(help: "Mini-batch size.")
    var batch: Int = 1024

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Timed steps per model (after 20 warm-up steps).")
    var steps: Int = 200

    @Flag(help: "Also show where a step's time goes: each layer's forward and backward, loss, L2, Adam (a separate, instrumented pass). A dropout whose work rides in a neighbouring layer's pass is counted there.")
    var profile = false

    @Flag(help: "Also time the three matrix-product forms on the models' layer shapes.")
    var kernels = false

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        for a in arch where PaperArchitecture(rawValue: a) == nil {
            throw ValidationError("unknown architecture '\(a)'; expected one of: \(PaperArchitecture.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard batch >= 1 else { throw ValidationError("--batch must be at least 1") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let threadCount = threads ?? WorkerPool.availableCores
        let architectures = arch.isEmpty ? [PaperArchitecture.affine, .pnn] : arch.compactMap(PaperArchitecture.init(rawValue:))
        var results: [TrainingBenchmark.Result] = []
        if !json {
            print("target CPU \(CPUGuard.buildTargetCPU) [\(CPUGuard.buildFeatures)], threads \(threadCount), batch \(batch)")
        }
        for a in architectures {
            let r = TrainingBenchmark.run(architecture: a, batchSize: batch, threads: threadCount, steps: steps, profile: profile)
            results.append(r)
            if !json {
                print(String(format: "%@ %7d params  %9.0f samples/s  %7.3f ms/step  %6.1f GFLOP/s  peak RSS %6.1f MB (%.1f MB before)",
                             a.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) as NSString, r.parameters, r.samplesPerSecond, r.medianStepMilliseconds,
                             r.gflopsPerSecond, r.peakResidentMegabytes, r.residentBeforeMegabytes))
                let q = r.quartileStepMilliseconds
                print(String(format: "    step: median %.3f ms, fastest %.3f, quartiles %.3f–%.3f (%d steps)",
                             r.medianStepMilliseconds, r.minStepMilliseconds, q[0], q[1], r.steps))
                print(String(format: "    GEMM bound: %.3f ms of Dense products timed alone = %.1f %% of the step (%.0f samples/s at the bound)",
                             r.gemmBoundMilliseconds, r.gemmBoundFraction * 100, Double(batch) / r.gemmBoundMilliseconds * 1e3))
                let inf = r.inference
                print(String(format: "    scoring (dropout off, batch %d): %.0f samples/s, %.3f ms per batch; its forward products alone = %.1f %% of it",
                             inf.batchSize, inf.samplesPerSecond, inf.medianBatchMilliseconds, inf.forwardBoundFraction * 100))
                if profile {
                    for p in r.gemmBound.products {
                        print(String(format: "      %@ %@ %d×%d×%d  %.3f ms", p.layer.padding(toLength: 8, withPad: " ", startingAt: 0) as NSString,
                                     p.form.padding(toLength: 11, withPad: " ", startingAt: 0) as NSString, p.m, p.n, p.k, p.medianMilliseconds))
                    }
                }
                if let stages = r.profile {
                    print("    stage                    median   share   fastest  75th pct.  (ms per step)")
                    for stage in stages {
                        print(String(format: "    %@ %8.3f  %5.1f %%  %8.3f  %8.3f", stage.stage.padding(toLength: 22, withPad: " ", startingAt: 0) as NSString,
                                     stage.milliseconds, stage.share * 100, stage.fastestMilliseconds, stage.upperQuartileMilliseconds))
                    }
                }
            }
        }
        var kernelResults: [KernelBenchmark.Result] = []
        if kernels {
            kernelResults = KernelBenchmark.run(pool: WorkerPool(threads: threadCount), batch: batch)
            if !json { for k in kernelResults { print(k.summary) } }
        }
        if json {
            struct Report: Encodable {
                let targetCPU: String
                let cpuFeatures: String
                let models: [TrainingBenchmark.Result]
                let kernels: [KernelRow]
            }
            struct KernelRow: Encodable { let form: String; let m, n, k: Int; let medianMilliseconds, gflopsPerSecond: Double }
            let report = Report(targetCPU: CPUGuard.buildTargetCPU, cpuFeatures: CPUGuard.buildFeatures, models: results,
                                kernels: kernelResults.map { KernelRow(form: $0.form.trimmingCharacters(in: .whitespaces), m: $0.m, n: $0.n, k: $0.k,
                                                                         medianMilliseconds: $0.medianSeconds * 1e3, gflopsPerSecond: $0.gflops) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
    }
}
