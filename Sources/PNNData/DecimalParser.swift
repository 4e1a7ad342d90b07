/// Parses one decimal number from raw bytes, without allocating — the hot loop of the
/// CSV reader (7M rows × 29 fields for HEPMASS).
///
/// Grammar: `[+-]? (d+ [. d*] | . d+) ([eE] [+-]? d+)?`, or `[+-]? (nan | inf | infinity)`
/// in any case. The value is `M · 10^e` with the first 19 significant digits in the
/// integer M (exact in UInt64), computed in Double and rounded once to Float; for
/// |e| ≤ 22 the power of ten is exact, so every value written with ≤ 15 significant
/// digits comes out correctly rounded to Double before the single rounding to Float.
enum DecimalParser {
    enum Result { case number(Float), invalid }

    private static let powers: [Double] = (0...22).map { e in
        var p = 1.0
        for _ in 0..<e { p *= 10 }
        return p
    }

    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Result {
        var i = 0
        var negative = false
        if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        if i == n { return .invalid }
        let c0 = p[i] | 0x20
        if c0 == UInt8(ascii: "n") || c0 == UInt8(ascii: "i") { return special(p + i, n - i, negative) }

        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0, seen = 0
        while i < n, p[i] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); if mantissa != 0 { digits += 1 } } else { exponent += 1 }
            i += 1; seen += 1
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48); exponent -= 1; if mantissa != 0 { digits += 1 } }
                i += 1; seen += 1
            }
        }
        if seen == 0 { return .invalid }
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var eNeg = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) { eNeg = p[i] == UInt8(ascii: "-"); i += 1 }
            var e = 0, eDigits = 0
            while i < n, p[i] &- 48 < 10 { if e < 100_000 { e = e * 10 + Int(p[i] &- 48) }; i += 1; eDigits += 1 }
            if eDigits == 0 { return .invalid }
            exponent += eNeg ? -e : e
        }
        if i != n { return .invalid }
        var value = Double(mantissa)
        if mantissa != 0 && exponent != 0 {
            if exponent > 0 {
                value = exponent <= 22 ? value * powers[exponent] : value * pow10(exponent)
            } else {
                value = -exponent <= 22 ? value / powers[-exponent] : value / pow10(-exponent)
            }
        }
        let f = Float(value)
        return .number(negative ? -f : f)
    }

    private static func pow10(_ e: Int) -> Double {
        var result = 1.0, base = 10.0, k = min(e, 400)
        while k > 0 { if k & 1 == 1 { result *= base }; base *= base; k >>= 1 }
        return result
    }

    private static func special(_ p: UnsafePointer<UInt8>, _ n: Int, _ negative: Bool) -> Result {
        var word = ""
        for k in 0..<n { word.unicodeScalars.append(Unicode.Scalar(p[k] | 0x20)) }
        switch word {
        case "nan": return .number(.nan)
        case "inf", "infinity": return .number(negative ? -.infinity : .infinity)
        default: return .invalid
        }
    }
}
