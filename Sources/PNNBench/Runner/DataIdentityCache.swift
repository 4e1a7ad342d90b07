#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import PNNData
import PNNEngine

/// Data identities of files on disk, kept between processes so that commands which only
/// need result keys (`compare`, `report`, `status`, `store`) do not read the events again.
///
/// An entry is valid for exactly the request it was computed for (data set, event caps,
/// declaration) and the state of every input file: its resolved path, size, modification
/// and status-change times (nanoseconds) and inode and device numbers. Any change of a
/// file (rewritten, replaced, touched, moved over) changes one of these, so the identity
/// is computed again from the events rather than mistaken for the old one. An identity is
/// stored only when no input changed while it was being computed.
///
/// Files: `<directory>/<FNV-1a 64 of the entry's material>.json`, written atomically. The
/// cache is an optimisation: a folder that cannot be written only costs the next reader a
/// full read.
public struct DataIdentityCache: Sendable {
    public static let folderName = "data-identity"
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// One input file as `stat(2)` sees it.
    struct FileStamp: Codable, Equatable {
        var path: String
        var size: Int64
        var modifiedNanoseconds: Int64
        var changedNanoseconds: Int64
        var inode: UInt64
        var device: UInt64

        /// Throws `DataError.fileNotFound` when the file is missing (the same error reading it would give).
        init(_ path: String) throws {
            var info = stat()
            let resolved = realpath(path, nil).map { pointer -> String in defer { free(pointer) }; return String(cString: pointer) } ?? path
            guard stat(resolved, &info) == 0 else {
                throw DataError.fileNotFound(file: path, hint: "it was there a moment ago")
            }
            self.path = resolved
            size = Int64(info.st_size)
            #if canImport(Glibc)
            modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changedNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            #else
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            changedNanoseconds = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
            #endif
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }
    }

    /// What an identity was computed from.
    struct Material: Codable, Equatable {
        var request: String
        var files: [FileStamp]
    }

    struct Entry: Codable {
        var material: Material
        var identity: DataIdentity
    }

    /// The identity of `request` over `files`: the stored one when every file is as it
    /// was, else `compute()`'s (stored for the next time when the files did not change
    /// meanwhile).
    public func identity(request: String, files: [String], compute: () throws -> DataIdentity) throws -> DataIdentity {
        let material = Material(request: request, files: try files.map(FileStamp.init))
        let url = entryURL(material)
        if let data = FileManager.default.contents(atPath: url.path),
           let entry = try? CanonicalJSON.decoder().decode(Entry.self, from: data), entry.material == material {
            return entry.identity
        }
        let identity = try compute()
        if let after = try? files.map(FileStamp.init), after == material.files,
           let bytes = try? CanonicalJSON.fileData(Entry(material: material, identity: identity)) {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? AtomicFile.write(bytes, to: url.path)
        }
        return identity
    }

    func entryURL(_ material: Material) -> URL {
        // Encoding strings and integers cannot fail.
        let bytes = try! CanonicalJSON.encoder(pretty: false).encode(material)
        return directory.appendingPathComponent(FNV1a64.hex(FNV1a64.hash(bytes)) + ".json")
    }
}
