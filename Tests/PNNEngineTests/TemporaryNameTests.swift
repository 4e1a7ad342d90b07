import Foundation
import Testing
@testable import PNNEngine

/// Temporary names unique per host, process and write, and the removal of those that
/// killed writers left behind.
@Suite struct TemporaryNameTests {
    /// A process id no running process has (above Linux's largest pid_max, 2^22).
    static let deadPID: Int32 = 2_147_483_000

    @Test func namesCarryHostAndProcessAndDiffer() {
        let a = TemporaryName.beside("/tmp/x/result.json"), b = TemporaryName.beside("/tmp/x/result.json")
        #expect(a != b)
        let name = URL(fileURLWithPath: a).lastPathComponent
        #expect(name.hasPrefix(".result.json.tmp-\(TemporaryName.host)-\(getpid())-"))
        #expect(URL(fileURLWithPath: a).deletingLastPathComponent().path == "/tmp/x")
        #expect(TemporaryName.writer(of: name) == .init(host: TemporaryName.host, pid: getpid()))
        #expect(!TemporaryName.host.isEmpty && !TemporaryName.host.contains("-") && !TemporaryName.host.contains("."))
    }

    @Test func olderFormsAndOtherFilesAreRecognised() {
        #expect(TemporaryName.writer(of: "all_train.pnncache.tmp-123") == .init(host: nil, pid: 123))
        #expect(TemporaryName.writer(of: ".k.json.tmp-77-18446744073709551615") == .init(host: nil, pid: 77))
        #expect(TemporaryName.writer(of: "table3_single-0123456789abcdef.json") == nil)
        #expect(TemporaryName.writer(of: "k.json.timing.json") == nil)
    }

    @Test func removesOnlyWhatNoWriterCanStillRename() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnnbench-tmpname-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let host = TemporaryName.host, random = "00000000000000ff"
        let files = [
            "orphan": ".a.json.tmp-\(host)-\(Self.deadPID)-\(random)",        // this host, process gone
            "alive": ".b.json.tmp-\(host)-\(getpid())-\(random)",             // this very process
            "remote": ".c.json.tmp-othernode-\(Self.deadPID)-\(random)",      // another machine, recent
            "remoteOld": ".d.json.tmp-othernode-12-\(random)",                // another machine, two days old
            "result": "e.json",
        ]
        for name in files.values { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)],
                                              ofItemAtPath: dir.appendingPathComponent(files["remoteOld"]!).path)
        let removed = TemporaryName.removeStale(in: dir)
        #expect(removed == [files["orphan"]!, files["remoteOld"]!].sorted())
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == [files["alive"]!, files["remote"]!, files["result"]!])
        #expect(TemporaryName.removeStale(in: dir.appendingPathComponent("missing")).isEmpty)
    }
}
