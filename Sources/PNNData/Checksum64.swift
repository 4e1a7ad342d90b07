import PNNEngine

/// A fast 64-bit content checksum for the binary cache (not cryptographic).
///
/// Data is cut into fixed 4 MiB blocks; each block is hashed with four independent
/// multiply–rotate lanes over 32-byte stripes (the round structure of xxHash64, so the
/// CPU keeps four multiplications in flight), and the block hashes are folded in order.
/// Blocks are independent, so they are hashed in parallel; the fold order is fixed, so
/// the value does not depend on the thread count. Any flipped bit changes the value.
enum Checksum64 {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let blockSize = 4 << 20

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { rotl(acc &+ input &* p2, 31) &* p1 }

    /// Hash of one block of at most `blockSize` bytes.
    static func block(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var a = p1 &+ p2, b = p2, c: UInt64 = 0, d = 0 &- p1
        var i = 0
        while i + 32 <= n {
            a = round(a, p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = round(b, p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = round(c, p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = round(d, p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = rotl(a, 1) &+ rotl(b, 7) &+ rotl(c, 12) &+ rotl(d, 18)
        while i < n { h = rotl(h ^ (UInt64(p.load(fromByteOffset: i, as: UInt8.self)) &* p3), 11) &* p1; i += 1 }
        return SplitMix64.mix(h ^ UInt64(n))
    }

    /// Checksum of `n` bytes at `p`.
    static func of(_ p: UnsafeRawPointer, _ n: Int, pool: WorkerPool) -> UInt64 {
        let blocks = (n + blockSize - 1) / blockSize
        var hashes = [UInt64](repeating: 0, count: blocks)
        hashes.withUnsafeMutableBufferPointer { h in
            pool.run(tasks: blocks) { k in
                let lo = k * blockSize
                h[k] = block(p + lo, min(blockSize, n - lo))
            }
        }
        return fold(hashes, length: n)
    }

    /// Folds a sequence of hashes in order.
    static func fold(_ hashes: [UInt64], length: Int) -> UInt64 {
        var h = SplitMix64.mix(UInt64(length) &+ p3)
        for x in hashes { h = SplitMix64.mix(h ^ x) &* p1 }
        return h
    }
}
