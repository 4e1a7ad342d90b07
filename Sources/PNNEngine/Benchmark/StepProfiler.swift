/// Accumulates wall time per stage of a training step (each layer's forward and backward,
/// the loss, the L2 penalty, the Adam update) so that `bench perf --profile` can show where
/// a step's time goes. Off unless a profiler is attached to the trainer.
public final class StepProfiler {
    public private(set) var seconds: [String: Double] = [:]
    public private(set) var order: [String] = []
    public private(set) var steps = 0

    public init() {}

    @inline(__always)
    func measure<T>(_ stage: String, _ body: () -> T) -> T {
        let t0 = MonotonicClock.now()
        let result = body()
        let dt = MonotonicClock.now() - t0
        if seconds[stage] == nil { order.append(stage) }
        seconds[stage, default: 0] += dt
        return result
    }

    func finishStep() { steps += 1 }

    public func reset() {
        seconds = [:]
        order = []
        steps = 0
    }

    /// Stages in first-seen order with their mean milliseconds per step and share of the total.
    public var table: [(stage: String, milliseconds: Double, share: Double)] {
        let total = order.reduce(0) { $0 + seconds[$1]! }
        return order.map { ($0, seconds[$0]! / Double(max(steps, 1)) * 1e3, seconds[$0]! / total) }
    }
}
