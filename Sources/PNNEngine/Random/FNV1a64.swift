/// 64-bit FNV-1a hash (Fowler–Noll–Vo): the checksum of checkpoint files and the content
/// address of result files and data fingerprints.
///
/// h₀ = 14695981039346656037; for each byte b: h ← (h ⊕ b) · 1099511628211 (mod 2⁶⁴).
/// Not cryptographic: it only has to give distinct names to distinct run inputs. With n
/// runs in a store the chance of any collision is about n²/2⁶⁵ (≈ 3·10⁻¹⁴ for n = 1000).
public struct FNV1a64: Sendable {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    public init() {}

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* FNV1a64.prime
        }
    }

    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a64()
        h.combine(bytes)
        return h.value
    }

    /// The value as 16 lowercase hex digits (leading zeros kept, so every key has one length).
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
