#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide free list of 64-byte-aligned Float buffers for packed GEMM panels.
///
/// A kernel call checks a buffer out for its duration and returns it, so steady-state
/// training does no allocation, and any number of concurrent or nested GEMM calls (on
/// the same pool or different pools) each get a private buffer — no thread-local state.
final class ScratchBuffers: @unchecked Sendable {
    static let shared = ScratchBuffers()

    private struct Buffer {
        let pointer: UnsafeMutablePointer<Float>
        let capacity: Int
    }

    private var free: [Buffer] = []
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    private init() {
        lock = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    /// Runs `body` with a buffer of at least `count` Floats (contents unspecified).
    func with<R>(count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        let buffer = checkOut(count)
        defer { giveBack(buffer) }
        return try body(buffer.pointer)
    }

    private func checkOut(_ count: Int) -> Buffer {
        pthread_mutex_lock(lock)
        // Prefer the smallest buffer that fits; otherwise grow the largest one, so the
        // list converges to a few buffers of the sizes the model actually uses.
        var pick: Int? = nil
        for (i, b) in free.enumerated() where b.capacity >= count {
            if pick == nil || b.capacity < free[pick!].capacity { pick = i }
        }
        var taken: Buffer? = nil
        if let i = pick {
            taken = free.remove(at: i)
        } else if !free.isEmpty {
            let i = free.indices.max { free[$0].capacity < free[$1].capacity }!
            free.remove(at: i).pointer.deallocate()
        }
        pthread_mutex_unlock(lock)
        if let taken { return taken }
        let capacity = max(1024, (count + 1023) & ~1023)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Float>.stride, alignment: 64)
        return Buffer(pointer: raw.bindMemory(to: Float.self, capacity: capacity), capacity: capacity)
    }

    private func giveBack(_ buffer: Buffer) {
        pthread_mutex_lock(lock)
        free.append(buffer)
        pthread_mutex_unlock(lock)
    }
}
