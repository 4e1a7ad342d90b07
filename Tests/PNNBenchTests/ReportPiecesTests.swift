import Foundation
import Testing
@testable import PNNBench

@Suite struct ReportPiecesTests {
    @Test func markdownTableEscapesPipesAndAligns() {
        var table = MarkdownTable(header: ["row", "500 GeV"])
        table.append(["pNN | Identical (fixed)", "**77.35**"])
        #expect(table.text == "| row | 500 GeV |\n| --- | ---: |\n| pNN \\| Identical (fixed) | **77.35** |\n")
    }

    @Test func cpuModelFromProcCpuinfo() {
        let text = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\nflags\t: fpu\n"
        #expect(ReportEnvironment.cpuModel(cpuinfo: text) == "Intel(R) Xeon(R) CPU @ 2.20GHz")
        #expect(ReportEnvironment.cpuModel(cpuinfo: "processor : 0\n") == "unknown")
    }

    @Test func durations() {
        #expect(ReportBuilder.duration(12.34) == "12.3 s")
        #expect(ReportBuilder.duration(534) == "8 min 54 s")
        #expect(ReportBuilder.duration(3723) == "1 h 02 min 03 s")
    }

    @Test func deltaNeverPrintsMinusZero() {
        #expect(PaperTableSection.delta(-0.001) == "+0.00")
        #expect(PaperTableSection.delta(-0.006) == "-0.01")
    }
}
