/// A growable buffer of bytes owned by a layer (e.g. a dropout's keep mask), reused across
/// steps: it reallocates only to grow, like `Matrix.resize(rows:)`. Padded by 64 bytes so
/// that a 16-byte vector load at any element of a full row stays inside the allocation.
final class ByteBuffer {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init() {
        capacity = 0
        pointer = Self.allocate(0)
    }

    deinit { pointer.deallocate() }

    /// Room for `count` bytes (contents unspecified after growing).
    func ensure(count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > capacity {
            pointer.deallocate()
            pointer = Self.allocate(count)
            capacity = count
        }
        return pointer
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 64)
        p.initialize(repeating: 0, count: count + 64)
        return p
    }
}
