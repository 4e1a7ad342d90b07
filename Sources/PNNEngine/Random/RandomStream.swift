/// What a random stream is used for. Each purpose gets its own independent key space so
/// that, e.g., changing the dropout rate never changes the weight initialisation or the
/// order in which events are shuffled.
public enum RandomPurpose: UInt64, Sendable, CaseIterable {
    case initialization = 1
    case shuffle = 2
    case dropout = 3
    case massSampling = 4
    case split = 5
    case dataGeneration = 6
    case subsampling = 7
    case batchSampling = 8
    case bootstrap = 9
    case benchmark = 10
    /// Which generated events get a negative weight (`bench data sim --masses`): kept
    /// apart from `.dataGeneration` so that the signs never move the kinematics.
    case eventWeightSign = 11
}

/// A seeded, counter-based random stream: key = f(seed, purpose, index); value n of the
/// stream is `SplitMix64.value(key, n)`.
///
/// `index` separates sub-streams of one purpose (an epoch, a layer, a mass point), so a
/// stream can be recreated anywhere from those three numbers alone.
public struct RandomStream: Sendable {
    public let key: UInt64
    public private(set) var position: UInt64 = 0

    public init(seed: UInt64, purpose: RandomPurpose, index: UInt64 = 0) {
        self.key = RandomStream.key(seed: seed, purpose: purpose, index: index)
    }

    /// key = mix(mix(mix(seed) ⊕ purpose·γ) ⊕ (index+1)·γ'): distinct inputs give
    /// unrelated keys because `mix` is a bijection with full avalanche.
    public static func key(seed: UInt64, purpose: RandomPurpose, index: UInt64) -> UInt64 {
        let a = SplitMix64.mix(seed ^ 0x5DEE_CE66_D1CE_4E5B)
        let b = SplitMix64.mix(a ^ (purpose.rawValue &* SplitMix64.gamma))
        return SplitMix64.mix(b ^ ((index &+ 1) &* 0xD1B5_4A32_D192_ED03))
    }

    /// The seed of network g of an experiment that trains several (an individual NN per
    /// mass): seed + g·0x9E3779B9, wrapping, so network 0 has the experiment's own seed.
    /// Each network's streams are then keyed from its seed like any other.
    public static func networkSeed(_ seed: UInt64, network g: Int) -> UInt64 { seed &+ UInt64(g) &* 0x9E37_79B9 }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let v = SplitMix64.value(key: key, index: position)
        position &+= 1
        return v
    }

    /// Uniform on [0, 1) with 24 bits.
    @inline(__always)
    public mutating func nextFloat() -> Float { SplitMix64.unitFloat(next()) }

    /// Uniform on [0, 1) with 53 bits.
    @inline(__always)
    public mutating func nextDouble() -> Double { SplitMix64.unitDouble(next()) }

    /// Uniform on [low, high).
    @inline(__always)
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * nextDouble() }

    /// Uniform integer in 0..<bound, unbiased (Lemire's multiply-and-reject).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// Standard normal deviate (Box–Muller; one of the pair is used so that the stream
    /// position advances by exactly two per call).
    public mutating func nextGaussian() -> Double {
        let u1 = 1.0 - nextDouble()  // (0, 1]
        let u2 = nextDouble()
        return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
    }

    /// Fisher–Yates shuffle of `array` in place.
    public mutating func shuffle<T>(_ array: inout [T]) {
        if array.count < 2 { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { array.swapAt(i, j) }
        }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) func _log(_ x: Double) -> Double { Glibc.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Darwin
@inline(__always) func _log(_ x: Double) -> Double { Darwin.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Darwin.cos(x) }
#endif
