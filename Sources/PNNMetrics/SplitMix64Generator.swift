/// A small seeded random generator (SplitMix64, Steele, Lea & Flood 2014):
///
///     state += γ,  γ = 0x9E3779B97F4A7C15
///     z = state;  z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9;  z = (z ⊕ z≫27)·0x94D049BB133111EB
///     output z ⊕ z≫31
///
/// PNNMetrics depends on nothing, so it carries its own; the engine's `SplitMix64` uses
/// the same function, hence the same stream for the same seed. 2⁶⁴ period, passes BigCrush,
/// and the output is a pure function of (seed, call number): bootstrap intervals are
/// reproducible on every machine.
public struct SplitMix64Generator: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The output function alone; also used to derive independent seeds.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<n as ⌊u·n / 2⁶⁴⌋ (the high word of a 64×64 product):
    /// one multiplication, bias below n / 2⁶⁴, and defined here, not by the standard
    /// library, so it cannot change with the compiler.
    @inline(__always)
    public mutating func index(below n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }
}
