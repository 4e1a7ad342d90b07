/// The SplitMix64 output function (Steele, Lea, Flood 2014), used as a counter-based
/// generator: the i-th value of the stream with key k is
///
///     x = k + (i + 1) · γ,   γ = 0x9E3779B97F4A7C15 (mod 2⁶⁴)
///     x = (x ⊕ (x ≫ 30)) · 0xBF58476D1CE4E5B9
///     x = (x ⊕ (x ≫ 27)) · 0x94D049BB133111EB
///     value = x ⊕ (x ≫ 31)
///
/// which is exactly what a SplitMix64 generator seeded with k returns on its (i+1)-th call.
/// Being a pure function of (key, index), any element of any stream can be computed
/// independently, on any thread, in any order: the basis of the engine's determinism.
public enum SplitMix64 {
    public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    public static func mix(_ z: UInt64) -> UInt64 {
        var x = z
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The value at position `index` (0-based) of the stream keyed by `key`.
    @inline(__always)
    public static func value(key: UInt64, index: UInt64) -> UInt64 {
        mix(key &+ (index &+ 1) &* gamma)
    }

    /// Top 24 bits as a Float uniform on [0, 1).
    @inline(__always)
    public static func unitFloat(_ bits: UInt64) -> Float { Float(bits >> 40) * 0x1p-24 }

    /// Top 53 bits as a Double uniform on [0, 1).
    @inline(__always)
    public static func unitDouble(_ bits: UInt64) -> Double { Double(bits >> 11) * 0x1p-53 }
}
