import Foundation

/// The one JSON encoding used for result files and hash inputs, so that equal values
/// always give equal bytes:
/// - object keys sorted (Swift dictionaries and synthesized `Codable` would otherwise
///   follow declaration or hash order);
/// - numbers as Swift prints them: the shortest decimal that reads back to the same
///   `Double`, so a value round-trips exactly and is written the same way every time;
/// - non-finite numbers (a σ_ratio of an empty class, say) as the strings "nan", "inf",
///   "-inf" rather than an encoding error;
/// - slashes not escaped (ids such as "table3/affine-…" stay readable).
public enum CanonicalJSON {
    static let nonFinite = (positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// Pretty-printed (for files people read and diff) or compact (for hashing).
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return decoder
    }

    /// Pretty, sorted encoding with a final newline (files end in one, like any text file).
    public static func fileData<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder(pretty: true).encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
