/// Sorting of (score, payload) pairs from the highest score to the lowest.
///
/// Sorting dominates the cost of every threshold metric, so this is an LSD radix sort
/// over an order-preserving 64-bit image of each Double: for x ≥ 0 the key is bits(x)
/// with the sign bit set, for x < 0 it is ¬bits(x); then x < y ⇔ key(x) < key(y), and the
/// map is inverted to give the scores back. Keys are complemented to sort descending.
/// Passes of `digitBits` bits; a pass whose digit is the same for every key (common for
/// the high bits of scores in [0, 1]) is skipped. O(n), stable (equal scores keep their
/// input order, so every later sum runs in one fixed order), 2·16·n bytes of scratch.
/// The payload travels with its key: no random-access gather afterwards.
enum DescendingScoreOrder {
    static let digitBits = 16

    struct Item {
        var key: UInt64
        var payload: Double
    }

    /// Sorts by decreasing score; scores must be finite, −0 and +0 are equal.
    static func sort(scores: UnsafeBufferPointer<Double>, payloads: UnsafeBufferPointer<Double>)
        -> (scores: [Double], payloads: [Double]) {
        let n = scores.count
        precondition(payloads.count == n)
        let radix = 1 << digitBits, mask = UInt64(radix - 1)
        let passes = (64 + digitBits - 1) / digitBits
        var a = [Item](repeating: Item(key: 0, payload: 0), count: n)
        var b = [Item](repeating: Item(key: 0, payload: 0), count: n)
        // counts[pass · radix + digit]: all histograms in one read.
        var counts = [Int](repeating: 0, count: passes * radix)
        a.withUnsafeMutableBufferPointer { a in
            counts.withUnsafeMutableBufferPointer { c in
                for i in 0..<n {
                    let key = ~orderKey(scores[i])
                    a[i] = Item(key: key, payload: payloads[i])
                    for p in 0..<passes { c[p * radix + Int((key >> UInt64(p * digitBits)) & mask)] &+= 1 }
                }
            }
        }
        var inA = true
        a.withUnsafeMutableBufferPointer { a in
        b.withUnsafeMutableBufferPointer { b in
        counts.withUnsafeMutableBufferPointer { c in
            for p in 0..<passes {
                let base = p * radix
                let shift = UInt64(p * digitBits)
                let source = inA ? a : b, target = inA ? b : a
                if n == 0 || c[base + Int((source[0].key >> shift) & mask)] == n { continue }
                var offset = 0
                for d in 0..<radix {
                    let count = c[base + d]
                    c[base + d] = offset
                    offset += count
                }
                for i in 0..<n {
                    let item = source[i]
                    let slot = base + Int((item.key >> shift) & mask)
                    let position = c[slot]
                    c[slot] = position &+ 1
                    target[position] = item
                }
                inA.toggle()
            }
        } } }
        let sorted = inA ? a : b
        var outScores = [Double](repeating: 0, count: n)
        var outPayloads = [Double](repeating: 0, count: n)
        for i in 0..<n {
            outScores[i] = score(ofKey: ~sorted[i].key)
            outPayloads[i] = sorted[i].payload
        }
        return (outScores, outPayloads)
    }

    /// Monotone map Double → UInt64 (adding 0 turns −0 into +0 so that they tie).
    @inline(__always)
    static func orderKey(_ x: Double) -> UInt64 {
        let bits = (x + 0.0).bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    /// Inverse of `orderKey`.
    @inline(__always)
    static func score(ofKey key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
