/// The bytes of a score file being parsed, and a cursor over its lines.
///
/// The bytes are followed by a NUL terminator, so that strtod can read a field in place
/// without copying it. `lineNumber` counts every line, blank or not, so error messages
/// name the line an editor shows.
struct ScoreFileText {
    let base: UnsafePointer<UInt8>
    /// Bytes before the terminator.
    let count: Int
    /// The file name, for error messages.
    let name: String
    /// Start of the next unread line.
    private(set) var position = 0
    /// 1-based number of the line `nextLine` returned last.
    private(set) var lineNumber = 0

    /// `base[count]` must be 0. A UTF-8 byte-order mark at the start is skipped.
    init(base: UnsafePointer<UInt8>, count: Int, name: String) {
        self.base = base
        self.count = count
        self.name = name
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { position = 3 }
    }

    /// The next non-blank line as [start, end), without its "\n" and a trailing "\r"
    /// (Windows line ends); nil at the end of the text. Blank lines are skipped.
    @inline(__always)
    mutating func nextLine() -> (start: Int, end: Int)? {
        while position < count {
            lineNumber += 1
            let start = position
            var e = start
            while e < count && base[e] != UInt8(ascii: "\n") { e += 1 }
            var c = e
            if c > start && base[c - 1] == UInt8(ascii: "\r") { c -= 1 }
            position = e + 1
            if !isBlank(start, c) { return (start, c) }
        }
        return nil
    }

    /// Whether [a, b) holds only spaces and tabs.
    @inline(__always)
    func isBlank(_ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b { if base[i] != UInt8(ascii: " ") && base[i] != UInt8(ascii: "\t") { return false }; i += 1 }
        return true
    }

    /// [a, b) as text for an error message, cut after 40 bytes (marked "…") so that a
    /// garbled line cannot flood the terminal.
    func quote(_ a: Int, _ b: Int) -> String {
        let limit = min(b, a + 40)
        let s = String(decoding: UnsafeBufferPointer(start: base + a, count: max(limit - a, 0)), as: UTF8.self)
        return limit < b ? s + "…" : s
    }
}
