import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent tasks on a fixed set of persistent threads.
///
/// `threads - 1` worker threads are created once; the calling thread is the remaining
/// participant, so `threads: 1` creates none. Idle workers spin for about
/// `spinSeconds` after a job (a training step issues ~40 kernel calls in quick
/// succession, and waking a blocked thread costs tens of µs) and then block.
///
/// Determinism rule for every caller: tasks write disjoint outputs and each output is
/// computed by exactly one task in a fixed order, so results never depend on the
/// number of threads or on which thread ran which task.
///
/// Re-entrancy: if `run` is called while this pool is already running a job — from
/// inside a task, or concurrently from another thread — the new job runs serially on
/// its calling thread.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    private let shared: PoolShared?
    private var workers: [pthread_t] = []

    public init(threads: Int) {
        precondition(threads >= 1, "a worker pool needs at least one thread")
        self.threadCount = threads
        guard threads > 1 else { shared = nil; return }
        let shared = PoolShared()
        self.shared = shared
        for _ in 1..<threads {
            let context = Unmanaged.passRetained(shared).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { context in
                Unmanaged<PoolShared>.fromOpaque(context!).takeRetainedValue().workerLoop()
                return nil
            }, context)
            precondition(rc == 0, "pthread_create failed (\(rc))")
            workers.append(thread)
        }
    }

    deinit {
        shared?.stop()
        for thread in workers { pthread_join(thread, nil) }
    }

    /// Runs `body(task)` exactly once for every task in `0..<tasks`, spread over the
    /// pool's threads (dynamically: a thread takes the next unstarted task). Returns
    /// when all tasks have finished.
    public func run(tasks: Int, _ body: (Int) -> Void) {
        if tasks <= 0 { return }
        guard tasks > 1, let shared, shared.tryBegin() else {
            for t in 0..<tasks { body(t) }
            return
        }
        withoutActuallyEscaping(body) { body in shared.runJob(tasks: tasks, body) }
    }

    /// Splits `0..<count` into contiguous chunks (multiples of `granularity`) and runs
    /// `body(range)` on each; at most one chunk per thread.
    public func parallelRanges(count: Int, granularity: Int = 1, _ body: (Range<Int>) -> Void) {
        if count <= 0 { return }
        let granularity = max(1, granularity)
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

/// State shared by a pool's caller and its worker threads.
///
/// A job is published through `generation`: odd = no job open, even = a job open. The
/// caller writes the job (body, task count, counters) while the generation is odd, then
/// opens it. A worker that saw generation g registers in `active` and re-checks that g
/// is still current before touching the job; the caller closes the generation and waits
/// for `active == 0` before returning, so no worker can see a stale or dead closure.
/// (Both sides use sequentially consistent atomics: of "worker registers, then reads
/// generation" and "caller closes generation, then reads active", one sees the other.)
final class PoolShared: @unchecked Sendable {
    static let spinSeconds = 100e-6

    static let initialGeneration = 1
    let generation = Atomic<Int>(PoolShared.initialGeneration)
    let busy = Atomic<Bool>(false)
    let active = Atomic<Int>(0)
    let nextTask = Atomic<Int>(0)
    let finished = Atomic<Int>(0)
    let sleepers = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    private var body: ((Int) -> Void)? = nil
    private var taskCount = 0
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>

    init() {
        mutex = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
    }

    deinit {
        pthread_cond_destroy(wake)
        pthread_mutex_destroy(mutex)
        wake.deallocate()
        mutex.deallocate()
    }

    /// Claims the pool for one job; false if a job is already running (nested call).
    func tryBegin() -> Bool {
        busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    }

    func runJob(tasks: Int, _ job: @escaping (Int) -> Void) {
        body = job
        taskCount = tasks
        nextTask.store(0, ordering: .relaxed)
        finished.store(0, ordering: .relaxed)
        generation.add(1, ordering: .sequentiallyConsistent)            // open (even)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
        }
        work(job, tasks)
        waitUntil { self.finished.load(ordering: .acquiring) == tasks }
        generation.add(1, ordering: .sequentiallyConsistent)            // close (odd)
        waitUntil { self.active.load(ordering: .sequentiallyConsistent) == 0 }
        body = nil
        busy.store(false, ordering: .releasing)
    }

    /// Takes unstarted tasks until none are left.
    @inline(__always)
    private func work(_ job: (Int) -> Void, _ tasks: Int) {
        while true {
            let t = nextTask.wrappingAdd(1, ordering: .relaxed).oldValue
            if t >= tasks { return }
            job(t)
            finished.add(1, ordering: .releasing)
        }
    }

    /// Spins on `condition`, yielding the CPU once the wait gets long (the machine may
    /// be oversubscribed and the thread we wait for descheduled).
    private func waitUntil(_ condition: () -> Bool) {
        var spins = 0
        while !condition() {
            spins += 1
            if spins > 1000 { sched_yield() }
        }
    }

    func workerLoop() {
        // Start from the initial generation, not the current one: a thread that starts
        // late must still notice a job or a stop() issued before it ran.
        var seen = PoolShared.initialGeneration
        while true {
            let g = waitForNewGeneration(after: seen)
            seen = g
            if stopping.load(ordering: .acquiring) { return }
            if g & 1 == 1 { continue }                                    // closed: missed a job
            active.add(1, ordering: .sequentiallyConsistent)
            if generation.load(ordering: .sequentiallyConsistent) == g { joinOpenJob() }
            active.subtract(1, ordering: .sequentiallyConsistent)
        }
    }

    /// Out of line so that the worker's copy of the closure is released before it
    /// deregisters from `active` (the caller's closure must not outlive `run`).
    @inline(never)
    private func joinOpenJob() {
        if let job = body { work(job, taskCount) }
    }

    /// Spins briefly, then sleeps on the condition variable, until the generation differs from `seen`.
    private func waitForNewGeneration(after seen: Int) -> Int {
        let deadline = MonotonicClock.now() + PoolShared.spinSeconds
        var spins = 0
        while true {
            let g = generation.load(ordering: .sequentiallyConsistent)
            if g != seen { return g }
            spins += 1
            if spins & 255 == 0 && MonotonicClock.now() > deadline { break }
        }
        pthread_mutex_lock(mutex)
        sleepers.add(1, ordering: .sequentiallyConsistent)
        var g = generation.load(ordering: .sequentiallyConsistent)
        while g == seen {
            pthread_cond_wait(wake, mutex)
            g = generation.load(ordering: .sequentiallyConsistent)
        }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
        return g
    }

    /// Wakes every worker and makes it exit.
    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        pthread_mutex_lock(mutex)
        generation.add(2, ordering: .sequentiallyConsistent)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(mutex)
    }
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
