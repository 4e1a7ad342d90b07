#if canImport(Glibc)
import Glibc
#endif

/// write(2) until every byte is out: the call may write less than asked, or be
/// interrupted (EINTR) before writing anything.
enum POSIXWrite {
    static func all(_ fd: Int32, _ p: UnsafeRawBufferPointer, path: String) throws {
        var done = 0
        while done < p.count {
            let w = Glibc.write(fd, p.baseAddress! + done, p.count - done)
            if w < 0 {
                if errno == EINTR { continue }
                throw DataError.unwritable(file: path, reason: String(cString: strerror(errno)))
            }
            done += w
        }
    }
}
