import Foundation
@testable import PNNBench

/// Paths for the registry tests: the fixture suites and the repository's own `Suites/`.
enum RegistryFixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures/registry", withExtension: nil)!
    }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name + ".yaml") }

    /// Loads fixture `name`.yaml as a suite.
    static func suite(_ name: String) throws -> Suite {
        try SuiteRegistry.load(contentsOf: url(name))
    }

    /// The `SuiteError` loading fixture `name`.yaml throws (nil when it loads).
    static func error(_ name: String) -> SuiteError? {
        do {
            _ = try suite(name)
            return nil
        } catch let error as SuiteError {
            return error
        } catch {
            return SuiteError(.syntax, file: "?", line: nil, "unexpected error type: \(error)")
        }
    }

    /// The repository's `Suites/` folder (tests run from anywhere).
    static var suitesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Suites")
    }
}
