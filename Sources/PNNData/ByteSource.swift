#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CZlib

#if canImport(Glibc)
@inline(__always) private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Glibc.read(fd, p, n) }
#else
@inline(__always) private func posixRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { Darwin.read(fd, p, n) }
#endif

/// A sequential source of bytes: a plain file or a gzip stream inside one.
///
/// `read(into:)` fills as much of the buffer as it can and returns the byte count;
/// 0 means the end of the data. Errors name the file.
public protocol ByteSource: AnyObject {
    var path: String { get }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Opens `path` for sequential reading, transparently decompressing gzip (recognised
/// by its magic bytes 1f 8b, not by the name). A missing file raises
/// `DataError.fileNotFound` with `missingHint`.
public func openByteSource(_ path: String, missingHint: String = HEPMASSSchema.downloadHint) throws -> ByteSource {
    let file = try FileByteSource(path: path, missingHint: missingHint)
    var magic = [UInt8](repeating: 0, count: 2)
    let n = try magic.withUnsafeMutableBytes { try file.read(into: $0) }
    file.rewind()
    if n == 2 && magic[0] == 0x1F && magic[1] == 0x8B { return try GzipByteSource(file: file) }
    return file
}

/// Plain file, read with POSIX `read(2)` in whatever sizes the caller asks for.
public final class FileByteSource: ByteSource {
    public let path: String
    let fd: Int32

    public init(path: String, missingHint: String = HEPMASSSchema.downloadHint) throws {
        self.path = path
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { throw DataError.fileNotFound(file: path, hint: missingHint) }
            throw DataError.unreadable(file: path, reason: String(cString: strerror(errno)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw DataError.unreadable(file: path, reason: "is a directory, expected a file") }
        fd = open(path, O_RDONLY)
        if fd < 0 { throw DataError.unreadable(file: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    func rewind() { lseek(fd, 0, SEEK_SET) }

    /// File size in bytes.
    public var size: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var total = 0
        while total < buffer.count {
            let n = posixRead(fd, buffer.baseAddress! + total, buffer.count - total)
            if n < 0 {
                if errno == EINTR { continue }
                throw DataError.unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            total += n
        }
        return total
    }
}

/// A gzip stream (RFC 1952), decompressed with zlib's `inflate` (windowBits 15 + 32:
/// accept gzip or zlib headers). Concatenated members, as `cat a.gz b.gz` makes, are
/// read one after the other. A stream that ends before its trailer — a truncated
/// download — raises `DataError.corruptGzip` instead of silently yielding fewer rows.
public final class GzipByteSource: ByteSource {
    public let path: String
    private let file: FileByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEOF = false
    private var finished = false
    private var memberOpen = true

    static let inputSize = 1 << 20

    init(file: FileByteSource) throws {
        self.file = file
        self.path = file.path
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputSize, alignment: 16)
        let rc = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if rc != Z_OK {
            input.deallocate(); stream.deallocate()
            throw DataError.corruptGzip(file: file.path, reason: "zlib could not start (code \(rc))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    private func refill() throws {
        let n = try file.read(into: input)
        if n == 0 { inputEOF = true }
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(n)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished || buffer.count == 0 { return 0 }
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        let capacity = Int(stream.pointee.avail_out)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !inputEOF { try refill() }
            if stream.pointee.avail_in == 0 && inputEOF {
                if memberOpen {
                    throw DataError.corruptGzip(file: path, reason: "the compressed data ends before the end of the gzip stream (truncated file?); download it again")
                }
                finished = true
                break
            }
            if !memberOpen {
                // Another gzip member follows the previous one.
                inflateReset(stream)
                memberOpen = true
            }
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_OK:
                continue
            case Z_STREAM_END:
                memberOpen = false
            case Z_BUF_ERROR:
                // No progress possible: needs more input, which the loop head supplies or
                // reports as truncation.
                if stream.pointee.avail_in != 0 { throw DataError.corruptGzip(file: path, reason: "inflate made no progress") }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "code \(rc)"
                throw DataError.corruptGzip(file: path, reason: message)
            }
        }
        return capacity - Int(stream.pointee.avail_out)
    }
}
