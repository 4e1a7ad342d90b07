import Foundation
import Testing
@testable import PNNData

@Suite struct BinaryCacheTests {
    func written() throws -> (dir: String, path: String, data: EventDataset) {
        let dir = try temporaryDirectory()
        let d = syntheticDataset(perGroup: 50, signalPerMass: [70, 28, 7, 3, 1], processes: 2)
        let path = BinaryCache.cachePath(for: "/x/all_train.csv.gz", in: dir)
        try BinaryCache.write(d, to: path)
        return (dir, path, d)
    }

    @Test func roundTripIsExactAndLeavesNoTemporaryFile() throws {
        let (dir, path, d) = try written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(path.hasSuffix("/all_train.pnncache"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["all_train.pnncache"])
        let r = try BinaryCache.read(path)
        #expect(r.features == d.features && r.mass == d.mass && r.label == d.label && r.process == d.process)
        #expect(r.signalMasses == d.signalMasses)
    }

    @Test func truncatedCacheIsDetected() throws {
        let (dir, path, _) = try written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for cut in [bytes.count - 1, bytes.count / 2, 10] {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            let error = dataError { _ = try BinaryCache.read(path) }
            guard case let .corruptCache(_, reason)? = error else { Issue.record("got \(String(describing: error))"); continue }
            #expect(reason.contains("truncated"), "\(reason)")
        }
    }

    @Test func flippedBitsAndForeignFilesAreDetected() throws {
        let (dir, path, _) = try written()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        for (offset, expected) in [(original.count - 3, "payload checksum"), (200, "payload checksum"), (17, "header checksum"), (0, "magic")] {
            var bytes = original
            bytes[offset] ^= 0x10
            try bytes.write(to: URL(fileURLWithPath: path))
            let error = dataError { _ = try BinaryCache.read(path) }
            guard case let .corruptCache(_, reason)? = error else { Issue.record("got \(String(describing: error))"); continue }
            #expect(reason.contains(expected), "\(reason)")
        }
        let missing = dataError { _ = try BinaryCache.read(dir + "/none.pnncache") }
        #expect(missing?.description.contains("bench data import") == true)
    }

    @Test func checksumDoesNotDependOnThreads() {
        let bytes = (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ ($0 >> 9)) }
        let a = bytes.withUnsafeBytes { Checksum64.of($0.baseAddress!, $0.count, pool: .init(threads: 1)) }
        let b = bytes.withUnsafeBytes { Checksum64.of($0.baseAddress!, $0.count, pool: .init(threads: 4)) }
        #expect(a == b)
    }
}
