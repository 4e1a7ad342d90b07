/// The UTF-8 byte-order mark, EF BB BF: spreadsheet programs write it at the start of a
/// CSV file they save as "UTF-8". The readers skip it there (and only there: anywhere else
/// it is an unexpected character).
public enum UTF8ByteOrderMark {
    public static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
}
