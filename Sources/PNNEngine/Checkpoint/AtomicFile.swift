import Foundation

/// Writes a file so that readers see either the old contents or the complete new ones:
/// data goes to a temporary file in the same directory (`TemporaryName`, unique per host,
/// process and write), which is then renamed over the destination (rename is atomic
/// within a file system, so of two processes writing the same file one complete version
/// wins).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = URL(fileURLWithPath: TemporaryName.beside(path))
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
