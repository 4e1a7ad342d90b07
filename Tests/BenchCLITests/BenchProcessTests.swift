import Foundation
import Testing

/// The harness itself: a child that writes far more than a pipe holds to both outputs,
/// standard error first, completes with both captured.
@Suite struct BenchProcessTests {
    @Test func bothOutputsAreReadConcurrently() throws {
        // 2 MiB to stderr before anything goes to stdout: with stdout read to its end first,
        // the child would block on the full stderr pipe and the test would hang.
        let script = "head -c 2097152 /dev/zero | tr '\\0' e >&2; printf 'out\\n'; head -c 1048576 /dev/zero | tr '\\0' o"
        let r = try BenchProcess.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        #expect(r.status == 0)
        #expect(r.stderr.utf8.count == 2_097_152 && r.stderr.allSatisfy { $0 == "e" })
        #expect(r.stdout.hasPrefix("out\n") && r.stdout.utf8.count == 4 + 1_048_576)
    }
}
