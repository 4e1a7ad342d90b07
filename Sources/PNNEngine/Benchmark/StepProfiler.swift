/// Wall time per stage of a training step (each layer's forward and backward, the loss,
/// the L2 penalty and Adam update), step by step, so that `bench perf --profile` can show
/// where a step's time goes. Per stage it reports the median over steps, which a few
/// steps disturbed by other processes do not move. Off unless attached to a model.
public final class StepProfiler {
    /// Seconds of every finished step, per stage.
    public private(set) var samples: [String: [Double]] = [:]
    public private(set) var order: [String] = []
    public private(set) var steps = 0
    private var current: [String: Double] = [:]

    public init() {}

    @inline(__always)
    func measure<T>(_ stage: String, _ body: () -> T) -> T {
        let t0 = MonotonicClock.now()
        let result = body()
        let dt = MonotonicClock.now() - t0
        if samples[stage] == nil && current[stage] == nil { order.append(stage) }
        current[stage, default: 0] += dt
        return result
    }

    func finishStep() {
        for stage in order { samples[stage, default: []].append(current[stage] ?? 0) }
        current = [:]
        steps += 1
    }

    /// Stages in first-seen order with their median milliseconds per step, the share of
    /// the sum of the medians, and the fastest and 75th-percentile step: the profile's own
    /// noise (a stage whose quartile is far above its median was disturbed).
    public var table: [(stage: String, milliseconds: Double, share: Double, fastest: Double, upperQuartile: Double)] {
        let sorted = order.map { (samples[$0] ?? [0]).sorted() }
        let medians = sorted.map { $0[$0.count / 2] }
        let total = medians.reduce(0, +)
        return order.indices.map { k in
            (order[k], medians[k] * 1e3, total > 0 ? medians[k] / total : 0, sorted[k][0] * 1e3,
             sorted[k][(3 * sorted[k].count) / 4] * 1e3)
        }
    }
}
