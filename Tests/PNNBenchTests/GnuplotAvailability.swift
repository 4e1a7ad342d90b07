import Foundation
import Testing
@testable import PNNBench

/// Whether the tests that render with the real gnuplot run. Under CI (the environment
/// variable `CI` set, as `.ci/run` and most CI services do) they always run, so a missing
/// gnuplot fails them; elsewhere they are reported as skipped when gnuplot is missing —
/// never passed without rendering.
enum GnuplotAvailability {
    static let gnuplot = GnuplotRenderer.locate()
    static var underCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// The condition of `.enabled(if:)` for a rendering test.
    static var testsRun: Bool { gnuplot != nil || underCI }
    static let skipReason: Comment = "gnuplot is not installed (apt-get install gnuplot-nox); with CI set this test fails instead"

    /// The gnuplot to render with; fails the test when it is missing (only reached under CI).
    static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(gnuplot, "gnuplot is required when CI is set: install gnuplot-nox", sourceLocation: sourceLocation)
    }
}
