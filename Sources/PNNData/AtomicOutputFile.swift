#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// An output file that is either absent or complete: bytes go to a `TemporaryName` beside
/// `path`, and `commit()` flushes it and renames it to `path` (atomic within a file
/// system). If the value is dropped without a commit (an error, an interruption), the
/// temporary file is removed, so no partial `path` ever exists.
final class AtomicOutputFile {
    let path: String
    let temporary: String
    private var fd: Int32
    private var committed = false

    init(path: String) throws {
        self.path = path
        temporary = TemporaryName.beside(path)
        fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporary) }
    }

    /// Writes rows `rows` as text: blocks of `blockRows` rows are formatted by `format` in
    /// parallel, a group of 4 blocks per thread at a time, and written in order, so the
    /// bytes do not depend on the thread count.
    func writeBlocks(rows: Range<Int>, pool: WorkerPool, blockRows: Int = 16_384, format: (Range<Int>) -> [UInt8]) throws {
        let blocks = (rows.count + blockRows - 1) / blockRows
        var group = 0
        while group < blocks {
            let groupEnd = min(blocks, group + 4 * pool.threadCount)
            var texts = [[UInt8]](repeating: [], count: groupEnd - group)
            texts.withUnsafeMutableBufferPointer { out in
                pool.run(tasks: groupEnd - group) { k in
                    let lo = rows.lowerBound + (group + k) * blockRows
                    out[k] = format(lo..<min(rows.upperBound, lo + blockRows))
                }
            }
            for text in texts { try write(text) }
            group = groupEnd
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try POSIXWrite.all(fd, $0, path: path) }
    }

    /// Flushes the temporary file to disk and renames it to `path`.
    func commit() throws {
        if fsync(fd) != 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
        close(fd)
        fd = -1
        if rename(temporary, path) != 0 { throw DataError.unwritable(file: path, reason: String(cString: strerror(errno))) }
        committed = true
    }
}
