import Dispatch

/// Runs independent tasks on a fixed number of threads.
///
/// Determinism rule for every caller: tasks write disjoint outputs and each output is
/// computed by exactly one task in a fixed order, so results never depend on the
/// number of threads or on scheduling.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int

    public init(threads: Int) {
        precondition(threads >= 1, "a worker pool needs at least one thread")
        self.threadCount = threads
    }

    /// Runs `body(task)` for every task in `0..<tasks`, spread over the pool's threads.
    public func run(tasks: Int, _ body: (Int) -> Void) {
        if tasks <= 0 { return }
        if threadCount == 1 || tasks == 1 {
            for t in 0..<tasks { body(t) }
            return
        }
        let workers = min(threadCount, tasks)
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                var t = w
                while t < tasks {
                    body(t)
                    t += workers
                }
            }
        }
    }

    /// Splits `0..<count` into contiguous chunks (multiples of `granularity`) and runs
    /// `body(range)` on each; at most one chunk per thread plus remainder.
    public func parallelRanges(count: Int, granularity: Int = 1, _ body: (Range<Int>) -> Void) {
        if count <= 0 { return }
        let units = (count + granularity - 1) / granularity
        let chunks = min(threadCount, units)
        let perChunk = (units + chunks - 1) / chunks
        run(tasks: chunks) { c in
            let lo = c * perChunk * granularity
            let hi = min(count, (c + 1) * perChunk * granularity)
            if lo < hi { body(lo..<hi) }
        }
    }

    /// Number of hardware threads available to this process.
    public static var availableCores: Int { max(1, System.activeProcessorCount) }
}

/// Minimal processor count without Foundation.
enum System {
    static var activeProcessorCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
