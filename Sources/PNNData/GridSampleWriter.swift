#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// Writes a `GridSample` as two CSV files, signal and background apart, each with a
/// plain header line (no leading `#`):
///
///     signal.csv       lep_pt,…,m_wwbb,mX[,width],weight
///     background.csv   lep_pt,…,m_wwbb,weight,process
///
/// the 27 `HEPMASSSchema.featureNames`, standardised, in fixed point with 6 decimals as
/// `CSVWriter` writes them; the parameters as their shortest text (`500`, `0.06`; `width`
/// only when the grid has widths); the weight with 9 significant digits (`%.9g`, which
/// reads back to the same Float32); the process as `ttbar`. Signal rows go point by point
/// in grid order, background rows in generation order.
///
/// Both files are written completely under temporary names before either is renamed
/// (`AtomicOutputFile`); should the second rename fail, the first file is removed again,
/// so a folder never holds a signal file without its background.
public enum GridSampleWriter {
    public static let signalFileName = "signal.csv"
    public static let backgroundFileName = "background.csv"
    /// The background's process column.
    public static let backgroundProcess = "ttbar"

    public static func signalHeader(_ grid: SignalGrid) -> String {
        (HEPMASSSchema.featureNames + grid.parameterNames + ["weight"]).joined(separator: ",")
    }

    public static var backgroundHeader: String {
        (HEPMASSSchema.featureNames + ["weight", "process"]).joined(separator: ",")
    }

    /// Writes DIRECTORY/signal.csv and DIRECTORY/background.csv (the folder must exist)
    /// and returns their paths. The bytes do not depend on `threads`.
    @discardableResult
    public static func write(_ sample: GridSample, to directory: String,
                             threads: Int = WorkerPool.availableCores) throws -> (signal: String, background: String) {
        let pool = WorkerPool(threads: max(1, threads))
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        let signal = try AtomicOutputFile(path: folder + signalFileName)
        let background = try AtomicOutputFile(path: folder + backgroundFileName)

        try signal.write(Array((signalHeader(sample.grid) + "\n").utf8))
        for p in sample.grid.points.indices {
            let fields = sample.grid.parameterTexts(p) + [weightText(sample.signalWeights[p])]
            let suffix = Array(("," + fields.joined(separator: ",") + "\n").utf8)
            try writeRows(sample.features, rows: sample.signalRows(p), to: signal, pool: pool) { _ in suffix }
        }

        try background.write(Array((backgroundHeader + "\n").utf8))
        let rows = sample.backgroundRows
        let positive = Array(",\(weightText(sample.backgroundMagnitude)),\(backgroundProcess)\n".utf8)
        let negative = Array(",\(weightText(-sample.backgroundMagnitude)),\(backgroundProcess)\n".utf8)
        try writeRows(sample.features, rows: rows, to: background, pool: pool) { row in
            sample.negativeBackground[row - rows.lowerBound] ? negative : positive
        }

        try signal.commit()
        do {
            try background.commit()
        } catch {
            unlink(signal.path)
            throw error
        }
        return (signal.path, background.path)
    }

    /// `w` as `%.9g`: nine significant digits identify every Float32.
    static func weightText(_ w: Float) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 32) { buffer in
            _ = withVaList([Double(w)]) { vsnprintf(buffer.baseAddress!, 32, "%.9g", $0) }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// Appends `rows` of `features`, each followed by `suffix(row)` (its leading comma to
    /// its newline). Blocks of rows are formatted in parallel and written in order.
    private static func writeRows(_ features: [Float], rows: Range<Int>, to file: AtomicOutputFile, pool: WorkerPool,
                                  suffix: (Int) -> [UInt8]) throws {
        try file.writeBlocks(rows: rows, pool: pool) { format(features, rows: $0, suffix: suffix) }
    }

    private static func format(_ features: [Float], rows: Range<Int>, suffix: (Int) -> [UInt8]) -> [UInt8] {
        let nf = HEPMASSSchema.featureCount
        var out = [UInt8]()
        out.reserveCapacity(rows.count * (nf * 10 + 24))
        features.withUnsafeBufferPointer { f in
            for i in rows {
                for j in 0..<nf {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    CSVWriter.appendFixed6(f[i * nf + j], to: &out)
                }
                out += suffix(i)
            }
        }
        return out
    }
}
