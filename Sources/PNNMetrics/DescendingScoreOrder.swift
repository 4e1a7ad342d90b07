/// The permutation that lists scores from the highest to the lowest.
///
/// Sorting dominates the cost of every threshold metric, so this is an LSD radix sort
/// (four passes of 16 bits) over an order-preserving 64-bit image of each Double:
/// for x ≥ 0 the key is bits(x) with the sign bit set, for x < 0 it is ¬bits(x); then
/// x < y ⇔ key(x) < key(y). Keys are complemented to sort descending. It is O(n),
/// stable (equal scores keep their input order, which makes every later sum happen
/// in one fixed order) and needs 2·n·(8 + 4) bytes of scratch.
enum DescendingScoreOrder {
    /// Indices into `scores` such that `scores[order[0]] ≥ scores[order[1]] ≥ …`.
    /// Scores must be finite (NaN has no place in an order); −0 and +0 are equal.
    static func permutation(of scores: UnsafeBufferPointer<Double>) -> [UInt32] {
        let n = scores.count
        precondition(n <= Int(UInt32.max), "more than 2³² scores")
        var keys = [UInt64](repeating: 0, count: n)
        var order = [UInt32](repeating: 0, count: n)
        var keys2 = [UInt64](repeating: 0, count: n)
        var order2 = [UInt32](repeating: 0, count: n)
        // counts[pass][digit]; all four histograms in one read of the keys.
        var counts = [Int](repeating: 0, count: 4 << 16)

        keys.withUnsafeMutableBufferPointer { k in
            order.withUnsafeMutableBufferPointer { o in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n {
                        let key = ~orderKey(scores[i])
                        k[i] = key
                        o[i] = UInt32(truncatingIfNeeded: i)
                        c[Int(key & 0xFFFF)] &+= 1
                        c[(1 << 16) + Int((key >> 16) & 0xFFFF)] &+= 1
                        c[(2 << 16) + Int((key >> 32) & 0xFFFF)] &+= 1
                        c[(3 << 16) + Int(key >> 48)] &+= 1
                    }
                }
            }
        }

        var sourceIsFirst = true
        for pass in 0..<4 {
            let base = pass << 16
            // A digit shared by every key moves nothing: skip the pass (common for the
            // high bits of scores confined to [0, 1]).
            if n == 0 || counts[base + digit(keys: sourceIsFirst ? keys : keys2, index: 0, pass: pass)] == n {
                continue
            }
            var offset = 0
            for d in 0..<(1 << 16) {
                let c = counts[base + d]
                counts[base + d] = offset
                offset += c
            }
            let shift = UInt64(pass * 16)
            func scatter(_ sk: UnsafeMutableBufferPointer<UInt64>, _ so: UnsafeMutableBufferPointer<UInt32>,
                         _ dk: UnsafeMutableBufferPointer<UInt64>, _ dOrder: UnsafeMutableBufferPointer<UInt32>,
                         _ c: UnsafeMutableBufferPointer<Int>) {
                for i in 0..<n {
                    let key = sk[i]
                    let slot = base + Int((key >> shift) & 0xFFFF)
                    let position = c[slot]
                    c[slot] = position &+ 1
                    dk[position] = key
                    dOrder[position] = so[i]
                }
            }
            counts.withUnsafeMutableBufferPointer { c in
                if sourceIsFirst {
                    keys.withUnsafeMutableBufferPointer { sk in order.withUnsafeMutableBufferPointer { so in
                        keys2.withUnsafeMutableBufferPointer { dk in order2.withUnsafeMutableBufferPointer { d in
                            scatter(sk, so, dk, d, c)
                        } } } }
                } else {
                    keys2.withUnsafeMutableBufferPointer { sk in order2.withUnsafeMutableBufferPointer { so in
                        keys.withUnsafeMutableBufferPointer { dk in order.withUnsafeMutableBufferPointer { d in
                            scatter(sk, so, dk, d, c)
                        } } } }
                }
            }
            sourceIsFirst.toggle()
        }
        return sourceIsFirst ? order : order2
    }

    /// Monotone map Double → UInt64 (adding 0 turns −0 into +0 so that they tie).
    @inline(__always)
    static func orderKey(_ x: Double) -> UInt64 {
        let bits = (x + 0.0).bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    @inline(__always)
    private static func digit(keys: [UInt64], index: Int, pass: Int) -> Int {
        Int((keys[index] >> UInt64(pass * 16)) & 0xFFFF)
    }
}
