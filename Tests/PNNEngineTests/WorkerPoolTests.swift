import Testing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import PNNEngine

struct WorkerPoolTests {
    /// Every task runs exactly once, for many job sizes in a row (exercises the reuse of
    /// the persistent threads and the hand-over between consecutive jobs).
    @Test(arguments: [1, 2, 3, 4])
    func runsEveryTaskExactlyOnce(threads: Int) {
        let pool = WorkerPool(threads: threads)
        #expect(pool.threadCount == threads)
        for tasks in [0, 1, 2, 3, 5, 8, 17, 64, 1000] {
            for _ in 0..<20 {
                let counts = UnsafeMutablePointer<Int>.allocate(capacity: max(1, tasks))
                counts.initialize(repeating: 0, count: max(1, tasks))
                pool.run(tasks: tasks) { t in counts[t] += 1 }   // tasks write disjoint slots
                #expect((0..<tasks).allSatisfy { counts[$0] == 1 }, "\(tasks) tasks on \(threads) threads")
                counts.deallocate()
            }
        }
    }

    @Test(arguments: [1, 2, 4])
    func parallelRangesCoverEachIndexOnce(threads: Int) {
        let pool = WorkerPool(threads: threads)
        for (count, granularity) in [(1, 1), (7, 1), (100, 6), (1024, 16), (5, 8)] {
            let hits = UnsafeMutablePointer<Int>.allocate(capacity: count)
            hits.initialize(repeating: 0, count: count)
            pool.parallelRanges(count: count, granularity: granularity) { range in
                #expect(range.lowerBound % granularity == 0)
                for i in range { hits[i] += 1 }
            }
            #expect((0..<count).allSatisfy { hits[$0] == 1 })
            hits.deallocate()
        }
    }

    /// A `run` from inside a task executes serially instead of deadlocking.
    @Test func nestedRunIsSerialAndComplete() {
        let pool = WorkerPool(threads: 3)
        let total = Atomic<Int>(0)
        pool.run(tasks: 6) { _ in
            pool.run(tasks: 10) { _ in total.add(1, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 60)
    }

    /// Jobs submitted from several threads at once to one pool all complete correctly.
    @Test func concurrentCallersShareOnePool() {
        let pool = WorkerPool(threads: 2)
        let outer = WorkerPool(threads: 4)
        let total = Atomic<Int>(0)
        outer.run(tasks: 8) { _ in
            for _ in 0..<50 { pool.run(tasks: 7) { _ in total.add(1, ordering: .relaxed) } }
        }
        #expect(total.load(ordering: .relaxed) == 8 * 50 * 7)
    }

    /// Pools can be created and destroyed repeatedly (threads are joined on deinit),
    /// including right after a job and after the workers went to sleep.
    @Test func shutdownIsClean() {
        for i in 0..<50 {
            let pool = WorkerPool(threads: 2 + i % 3)
            let total = Atomic<Int>(0)
            pool.run(tasks: 9) { _ in total.add(1, ordering: .relaxed) }
            #expect(total.load(ordering: .relaxed) == 9)
            if i % 10 == 0 { usleep(300) }  // let the workers block before deinit
        }
    }
}
