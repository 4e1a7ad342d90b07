import PNNEngine

/// Writes events in the UCI HEPMASS CSV format: the header `# label,f0,…,f26,mass`, then
/// per event `label,f0,…,f26,mass` with the label and the mass as integers (`1`, `500`)
/// and the features in fixed point with 6 decimals (`-0.452418`; that is within 5·10⁻⁷
/// of the Float32 value, below the resolution of any standardised feature).
///
/// Rows are formatted in parallel blocks and appended in order. The output is an
/// `AtomicOutputFile`: written under a temporary name and renamed to `PATH` by
/// `commit()`; if the writer is dropped without a commit (an error, an interruption), the
/// temporary file is removed and no partial `PATH` ever exists.
public final class CSVWriter {
    public var path: String { file.path }
    private let file: AtomicOutputFile
    private let pool: WorkerPool

    public init(path: String, threads: Int = WorkerPool.availableCores) throws {
        file = try AtomicOutputFile(path: path)
        pool = WorkerPool(threads: max(1, threads))
        try file.write(Array((HEPMASSSchema.headerLine + "\n").utf8))
    }

    /// Appends all events of `dataset`.
    public func append(_ dataset: EventDataset) throws {
        try file.writeBlocks(rows: 0..<dataset.count, pool: pool) { Self.format(dataset, rows: $0) }
    }

    /// Flushes and renames the temporary file to `path`.
    public func commit() throws { try file.commit() }

    /// Writes a whole data set to `path` atomically.
    public static func write(_ dataset: EventDataset, to path: String, threads: Int = WorkerPool.availableCores) throws {
        let writer = try CSVWriter(path: path, threads: threads)
        try writer.append(dataset)
        try writer.commit()
    }

    /// The CSV text of `rows`.
    static func format(_ d: EventDataset, rows: Range<Int>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(rows.count * (HEPMASSSchema.featureCount * 10 + 12))
        let nf = HEPMASSSchema.featureCount
        d.features.withUnsafeBufferPointer { features in
            for i in rows {
                out.append(d.label[i] == 1 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                for j in 0..<nf {
                    out.append(UInt8(ascii: ","))
                    appendFixed6(features[i * nf + j], to: &out)
                }
                out.append(UInt8(ascii: ","))
                appendInteger(Int64(d.mass[i].rounded()), to: &out)
                out.append(10)
            }
        }
        return out
    }

    @inline(__always)
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        var v = value
        if v < 0 { out.append(UInt8(ascii: "-")); v = -v }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat { d[n] = UInt8(48 + v % 10); v /= 10; n += 1 } while v > 0
            while n > 0 { n -= 1; out.append(d[n]) }
        }
    }

    /// `value` rounded to 6 decimals, e.g. -0.452418.
    @inline(__always)
    static func appendFixed6(_ value: Float, to out: inout [UInt8]) {
        var scaled = Int64((Double(value) * 1_000_000).rounded())
        if scaled < 0 { out.append(UInt8(ascii: "-")); scaled = -scaled }
        appendInteger(scaled / 1_000_000, to: &out)
        out.append(UInt8(ascii: "."))
        var frac = scaled % 1_000_000
        var divisor: Int64 = 100_000
        for _ in 0..<6 { out.append(UInt8(48 + frac / divisor)); frac %= divisor; divisor /= 10 }
    }
}
