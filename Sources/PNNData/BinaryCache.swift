#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// The binary cache of an `EventDataset` (`bench data import`): loads a 7M-row file in
/// well under the 2 s a CSV parse would take ×30.
///
/// Layout, little-endian, version 1:
///
/// | offset | bytes  | content                                                       |
/// |--------|--------|---------------------------------------------------------------|
/// | 0      | 8      | magic `PNNCACHE`                                              |
/// | 8      | 4      | version (UInt32) = 1                                          |
/// | 12     | 4      | feature count (UInt32) = 27                                   |
/// | 16     | 8      | row count N (UInt64)                                          |
/// | 24     | 4      | signal-mass count K (UInt32)                                  |
/// | 28     | 4      | reserved, 0                                                   |
/// | 32     | 8      | payload checksum (UInt64, `Checksum64` of the sections below, |
/// |        |        | each section hashed separately, section hashes folded in order)|
/// | 40     | 8      | header checksum (UInt64, `Checksum64` of bytes 0..<40)        |
/// | 48     | 16     | reserved, 0                                                   |
/// | 64     | 4K     | section 0: signal masses, Float32 GeV                         |
/// | pad    |        | zero bytes up to a multiple of 64                             |
/// |        | 108 N  | section 1: features, Float32, N × 27 row-major                |
/// |        | 4 N    | section 2: mass column, Float32 GeV                           |
/// |        | N      | section 3: label column, UInt8                                |
/// |        | N      | section 4: background process column, UInt8                   |
///
/// Each column is one contiguous section. The 27 features form one section in the
/// in-memory row-major layout (not 27 feature columns): loading is then one read straight
/// into the array training gathers rows from, with no transpose of 756 MB.
///
/// The file size must equal what the header implies (else: truncated), and both
/// checksums must match (else: corrupt). Writing goes to a `TemporaryName` in the same
/// directory, then `rename(2)`, so a reader never sees a half-written cache.
public enum BinaryCache {
    public static let magic: [UInt8] = Array("PNNCACHE".utf8)
    public static let version: UInt32 = 1
    public static let headerSize = 64
    public static let fileExtension = "pnncache"

    /// The cache path for a CSV file inside `directory`: `all_train.csv.gz` → `DIR/all_train.pnncache`.
    public static func cachePath(for csvPath: String, in directory: String) -> String {
        var name = csvPath.split(separator: "/").last.map(String.init) ?? csvPath
        for suffix in [".gz", ".csv"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return (directory.hasSuffix("/") ? directory : directory + "/") + name + "." + fileExtension
    }

    struct Header {
        var rows: Int
        var masses: Int
        var payloadChecksum: UInt64
        var featuresOffset: Int { (headerSize + 4 * masses + 63) / 64 * 64 }
        var fileSize: Int { featuresOffset + rows * (4 * HEPMASSSchema.featureCount + 4 + 1 + 1) }
    }

    // MARK: writing

    /// Writes `dataset` to `path` atomically (temporary file + rename).
    public static func write(_ dataset: EventDataset, to path: String, threads: Int = WorkerPool.availableCores) throws {
        let pool = WorkerPool(threads: max(1, threads))
        let n = dataset.count
        var header = Header(rows: n, masses: dataset.signalMasses.count, payloadChecksum: 0)
        header.payloadChecksum = payloadChecksum(dataset, pool: pool)

        var head = [UInt8](repeating: 0, count: header.featuresOffset)
        head.replaceSubrange(0..<8, with: magic)
        store(&head, 8, version)
        store(&head, 12, UInt32(HEPMASSSchema.featureCount))
        store(&head, 16, UInt64(n))
        store(&head, 24, UInt32(header.masses))
        store(&head, 32, header.payloadChecksum)
        store(&head, 40, head.withUnsafeBytes { Checksum64.of($0.baseAddress!, 40, pool: pool) })
        for (k, m) in dataset.signalMasses.enumerated() { store(&head, headerSize + 4 * k, m.bitPattern) }

        let temporary = TemporaryName.beside(path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
        var ok = false
        defer {
            close(fd)
            if !ok { unlink(temporary) }
        }
        func put(_ p: UnsafeRawBufferPointer) throws { try POSIXWrite.all(fd, p, path: path) }
        try head.withUnsafeBytes(put)
        try dataset.features.withUnsafeBytes(put)
        try dataset.mass.withUnsafeBytes(put)
        try dataset.label.withUnsafeBytes(put)
        try dataset.process.withUnsafeBytes(put)
        if fsync(fd) != 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
        if rename(temporary, path) != 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
        ok = true
    }

    static func payloadChecksum(_ d: EventDataset, pool: WorkerPool) -> UInt64 {
        let sections: [UInt64] = [
            d.signalMasses.withUnsafeBytes { Checksum64.of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count, pool: pool) },
            d.features.withUnsafeBytes { Checksum64.of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count, pool: pool) },
            d.mass.withUnsafeBytes { Checksum64.of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count, pool: pool) },
            d.label.withUnsafeBytes { Checksum64.of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count, pool: pool) },
            d.process.withUnsafeBytes { Checksum64.of($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, $0.count, pool: pool) },
        ]
        return Checksum64.fold(sections, length: d.count)
    }

    private static func store<T: FixedWidthInteger>(_ bytes: inout [UInt8], _ offset: Int, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    // MARK: reading

    /// Loads a cache written by `write`, verifying size and checksums.
    public static func read(_ path: String, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        let pool = WorkerPool(threads: max(1, threads))
        let file = try FileByteSource(path: path, missingHint: "Create it with `bench data import FILE.csv --out DIR`.")
        let size = file.size
        guard size >= headerSize else {
            throw DataError.corruptCache(file: path, reason: "file has \(size) bytes, shorter than the \(headerSize)-byte header (truncated)")
        }
        var head = [UInt8](repeating: 0, count: headerSize)
        try readExactly(file, into: &head, at: 0, path: path)
        guard Array(head[0..<8]) == magic else {
            throw DataError.corruptCache(file: path, reason: "magic bytes are not `PNNCACHE`, expected a PNNBench binary cache")
        }
        let storedHeaderSum: UInt64 = load(head, 40)
        guard head.withUnsafeBytes({ Checksum64.of($0.baseAddress!, 40, pool: pool) }) == storedHeaderSum else {
            throw DataError.corruptCache(file: path, reason: "header checksum mismatch")
        }
        let version: UInt32 = load(head, 8)
        guard version == Self.version else {
            throw DataError.corruptCache(file: path, reason: "format version \(version), expected \(Self.version)")
        }
        let featureCount: UInt32 = load(head, 12)
        guard featureCount == UInt32(HEPMASSSchema.featureCount) else {
            throw DataError.corruptCache(file: path, reason: "\(featureCount) features per row, expected \(HEPMASSSchema.featureCount)")
        }
        let rows: UInt64 = load(head, 16), masses: UInt32 = load(head, 24)
        guard rows < 1 << 36, masses < 1024 else { throw DataError.corruptCache(file: path, reason: "implausible row or mass count in header") }
        let header = Header(rows: Int(rows), masses: Int(masses), payloadChecksum: load(head, 32))
        guard size == header.fileSize else {
            throw DataError.corruptCache(file: path, reason: "file has \(size) bytes, expected \(header.fileSize) for \(rows) rows (\(size < header.fileSize ? "truncated" : "trailing bytes"))")
        }
        let n = header.rows
        var signalMasses = [Float](repeating: 0, count: header.masses)
        try signalMasses.withUnsafeMutableBytes { try preadAll(file, $0, at: headerSize, path: path, pool: pool) }
        var offset = header.featuresOffset
        func column<T>(_ count: Int, _: T.Type) throws -> [T] {
            let array = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                try preadAll(file, UnsafeMutableRawBufferPointer(buffer), at: offset, path: path, pool: pool)
                initialized = count
            }
            offset += count * MemoryLayout<T>.stride
            return array
        }
        let features = try column(n * HEPMASSSchema.featureCount, Float.self)
        let mass = try column(n, Float.self)
        let label = try column(n, UInt8.self)
        let process = try column(n, UInt8.self)
        let dataset = EventDataset(features: features, mass: mass, label: label, process: process, signalMasses: signalMasses)
        guard payloadChecksum(dataset, pool: pool) == header.payloadChecksum else {
            throw DataError.corruptCache(file: path, reason: "payload checksum mismatch")
        }
        for i in 0..<n where label[i] > 1 {
            throw DataError.corruptCache(file: path, reason: "row \(i) has label \(label[i]), expected 0 or 1")
        }
        return dataset
    }

    private static func load<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    private static func readExactly(_ file: FileByteSource, into bytes: inout [UInt8], at offset: Int, path: String) throws {
        try bytes.withUnsafeMutableBytes { try preadAll(file, $0, at: offset, path: path, pool: WorkerPool(threads: 1)) }
    }

    /// Reads `buffer.count` bytes at `offset`, in 64 MiB pieces spread over the pool.
    private static func preadAll(_ file: FileByteSource, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String, pool: WorkerPool) throws {
        let piece = 64 << 20
        let pieces = (buffer.count + piece - 1) / piece
        let failures = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, pieces))
        defer { failures.deallocate() }
        failures.initialize(repeating: 0, count: max(1, pieces))
        pool.run(tasks: pieces) { k in
            var done = k * piece
            let end = min(buffer.count, done + piece)
            while done < end {
                let r = pread(file.fd, buffer.baseAddress! + done, end - done, off_t(offset + done))
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { failures[k] = r == 0 ? -1 : errno; return }
                done += r
            }
        }
        for k in 0..<pieces where failures[k] != 0 {
            throw DataError.corruptCache(file: path, reason: failures[k] == -1 ? "file ends early (truncated)" : String(cString: strerror(failures[k])))
        }
    }
}
