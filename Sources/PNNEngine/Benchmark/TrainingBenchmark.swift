import Foundation

/// Measures training throughput of a model on synthetic batches: full steps (forward,
/// loss, backward, L2, Adam update, dropout on), timed one by one after a warm-up.
public enum TrainingBenchmark {
    public struct Result: Codable, Sendable {
        public let architecture: String
        public let batchSize: Int
        public let threads: Int
        public let steps: Int
        public let parameters: Int
        public let medianStepMilliseconds: Double
        /// The spread of the timed steps: fastest, and the 25th and 75th percentiles. A wide
        /// spread means the machine was not idle (or the clock is coarse).
        public let minStepMilliseconds: Double
        public let quartileStepMilliseconds: [Double]
        public let samplesPerSecond: Double
        /// 6·(multiply-adds of the Dense layers)·B per step: 2 FLOPs per multiply-add in the
        /// forward pass and 4 in the backward pass (input and weight gradients).
        public let gflopsPerSecond: Double
        /// The step's Dense products timed alone (`GEMMBound`), their sum, and the fraction
        /// of the step it accounts for: T_bound / T_step (median step).
        public let gemmBound: GEMMBound.Result
        public let gemmBoundMilliseconds: Double
        public let gemmBoundFraction: Double
        public let peakResidentMegabytes: Double
        public let residentBeforeMegabytes: Double
        public let targetCPU: String
        /// Scoring the trained model (`InferenceBenchmark`, batch 4096): what per-epoch
        /// validation and test evaluation cost per event.
        public let inference: InferenceBenchmark.Result
        /// Median milliseconds per step for each stage, when profiled.
        public var profile: [Stage]?
        /// Median milliseconds of a stage per step, its share of the sum of the medians, and
        /// its fastest and 75th-percentile step (the spread of the measurement).
        public struct Stage: Codable, Sendable {
            public let stage: String
            public let milliseconds: Double
            public let share: Double
            public let fastestMilliseconds: Double
            public let upperQuartileMilliseconds: Double
        }
    }

    public static func run(architecture: PaperArchitecture, batchSize: Int = 1024, threads: Int,
                           warmupSteps: Int = 20, steps: Int = 200, seed: UInt64 = 42, profile: Bool = false) -> Result {
        let before = MemoryUsage.residentMegabytes()
        let pool = WorkerPool(threads: threads)
        let model = Model(spec: architecture.spec, seed: seed)
        let trainer = Trainer(model: model, seed: seed, pool: pool)
        // A few distinct batches, cycled: generating data is not what is measured.
        let batches = (0..<8).map { i -> SyntheticBatch in
            let b = SyntheticBatch(size: batchSize, features: architecture.spec.inputFeatures)
            b.fill(seed: seed, index: UInt64(i))
            return b
        }
        for s in 0..<warmupSteps {
            let b = batches[s % batches.count]
            trainer.step(x: b.x, mass: b.mass, labels: b.labels, weights: b.weights)
        }
        var times: [Double] = []
        times.reserveCapacity(steps)
        for s in 0..<steps {
            let b = batches[s % batches.count]
            let t0 = MonotonicClock.now()
            trainer.step(x: b.x, mass: b.mass, labels: b.labels, weights: b.weights)
            times.append(MonotonicClock.now() - t0)
        }
        times.sort()
        let median = times[times.count / 2]
        let quartiles = [times[times.count / 4], times[(3 * times.count) / 4]].map { $0 * 1e3 }
        let bound = GEMMBound.measure(model: model, batch: batchSize, pool: pool)
        // Training's peak, before the scoring benchmark allocates its events.
        let peak = MemoryUsage.peakResidentMegabytes()
        let inference = InferenceBenchmark.run(model: model, pool: pool, seed: seed)
        var stages: [Result.Stage]?
        if profile {
            // A separate pass: timing every stage adds clock reads to the step.
            let profiler = StepProfiler()
            model.profiler = profiler
            for s in 0..<steps {
                let b = batches[s % batches.count]
                trainer.step(x: b.x, mass: b.mass, labels: b.labels, weights: b.weights)
            }
            model.profiler = nil
            stages = profiler.table.map {
                Result.Stage(stage: $0.stage, milliseconds: $0.milliseconds, share: $0.share,
                             fastestMilliseconds: $0.fastest, upperQuartileMilliseconds: $0.upperQuartile)
            }
        }
        let flops = 6.0 * Double(model.forwardMultiplyAdds) * Double(batchSize)
        return Result(architecture: architecture.rawValue, batchSize: batchSize, threads: threads, steps: steps,
                      parameters: model.parameterCount, medianStepMilliseconds: median * 1e3,
                      minStepMilliseconds: times[0] * 1e3, quartileStepMilliseconds: quartiles,
                      samplesPerSecond: Double(batchSize) / median, gflopsPerSecond: flops / median / 1e9,
                      gemmBound: bound, gemmBoundMilliseconds: bound.milliseconds,
                      gemmBoundFraction: bound.milliseconds / (median * 1e3),
                      peakResidentMegabytes: peak, residentBeforeMegabytes: before,
                      targetCPU: CPUGuard.buildTargetCPU, inference: inference, profile: stages)
    }
}

/// Resident memory of this process, from /proc/self/status (Linux).
public enum MemoryUsage {
    /// VmHWM: the peak resident set size so far.
    public static func peakResidentMegabytes() -> Double { field("VmHWM:") }
    /// VmRSS: the current resident set size.
    public static func residentMegabytes() -> Double { field("VmRSS:") }

    static func field(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, let kb = Double(parts[1]) { return kb / 1024 }
        }
        return .nan
    }
}
