#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation
import PNNData
import Testing
@testable import PNNBench

/// The identity of data on disk is reused only while every input file is as it was.
@Suite struct DataIdentityCacheTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pnn-identity-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Counts how often the identity is computed from the "events".
    final class Counter { var calls = 0 }

    static func identity(_ cache: DataIdentityCache, _ file: URL, _ counter: Counter, request: String = "r") throws -> DataIdentity {
        try cache.identity(request: request, files: [file.path]) {
            counter.calls += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            return DataIdentity(source: "test", description: "d", fingerprint: text)
        }
    }

    @Test func aChangedFileIsNeverTakenForTheOldOne() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("events.csv")
        try "a,b\n1,2\n".write(to: file, atomically: false, encoding: .utf8)
        let cache = DataIdentityCache(directory: dir.appendingPathComponent("cache"))
        let counter = Counter()
        #expect(try Self.identity(cache, file, counter).fingerprint == "a,b\n1,2\n")
        #expect(try Self.identity(cache, file, counter).fingerprint == "a,b\n1,2\n")
        #expect(counter.calls == 1, "the second lookup is served from the cache")
        #expect(try Self.identity(cache, file, counter, request: "other caps").fingerprint == "a,b\n1,2\n")
        #expect(counter.calls == 2, "another request is another entry")

        // Same size, rewritten in place (the inode stays): the times change.
        try "a,b\n1,3\n".write(to: file, atomically: false, encoding: .utf8)
        #expect(try Self.identity(cache, file, counter).fingerprint == "a,b\n1,3\n")
        #expect(counter.calls == 3)

        // Replaced by another file whose times are set back to the old ones: the inode and
        // status-change time differ.
        var info = stat()
        #expect(stat(file.path, &info) == 0)
        let replacement = dir.appendingPathComponent("new.csv")
        try "a,b\n1,4\n".write(to: replacement, atomically: false, encoding: .utf8)
        #if canImport(Glibc)
        var times = [info.st_atim, info.st_mtim]
        #else
        var times = [info.st_atimespec, info.st_mtimespec]
        #endif
        #expect(utimensat(AT_FDCWD, replacement.path, &times, 0) == 0)
        #expect(rename(replacement.path, file.path) == 0)
        #expect(try Self.identity(cache, file, counter).fingerprint == "a,b\n1,4\n")
        #expect(counter.calls == 4)
    }

    @Test func aMissingFileIsAnError() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = DataIdentityCache(directory: dir.appendingPathComponent("cache"))
        #expect(throws: DataError.self) { try Self.identity(cache, dir.appendingPathComponent("none.csv"), Counter()) }
    }

    /// With HEPMASS-format files a second provider (a second `bench compare`) gets every
    /// data set's identity without reading an event, and the identity is the one reading gives.
    @Test func hepmassIdentityNeedsNoEventsTheSecondTime() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (train, test) = HEPMASSSimulator(parameters: .default).trainTest(trainEvents: 3000, testEvents: 1000, imbalanced: false, seed: 5, threads: 2)
        try CSVWriter.write(train, to: dir.appendingPathComponent("all_train.csv").path, threads: 2)
        try CSVWriter.write(test, to: dir.appendingPathComponent("all_test.csv").path, threads: 2)
        let scale = Scale(name: "tiny", trainEvents: 2000, testEvents: 800, epochs: 1, batchSize: 256)
        let cache = DataIdentityCache(directory: dir.appendingPathComponent("cache"))
        func provider() -> DatasetProvider {
            let p = DatasetProvider(source: .hepmass(directory: dir.path), scale: scale, threads: 2)
            p.identityCache = cache
            return p
        }
        let first = provider()
        let read = try first.identity(.hepmass)
        #expect(first.preparedKinds == [.hepmass])
        let second = provider()
        #expect(try second.identity(.hepmass) == read)
        #expect(second.preparedKinds.isEmpty, "served from the cache")
        #expect(try second.data(.hepmass).identity == read)

        // A changed test file changes the identity (the test events are part of it).
        let changed = HEPMASSSimulator(parameters: .default).trainTest(trainEvents: 10, testEvents: 1000, imbalanced: false, seed: 6, threads: 2).test
        try CSVWriter.write(changed, to: dir.appendingPathComponent("all_test.csv").path, threads: 2)
        let third = provider()
        #expect(try third.identity(.hepmass) != read)
    }
}
