import Testing

@Suite struct HelpTests {
    @Test func helpListsCommands() throws {
        let result = try BenchProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("perf"))
    }

    @Test func unknownCommandIsUsageError() throws {
        let result = try BenchProcess.run(["no-such-command"])
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }
}
