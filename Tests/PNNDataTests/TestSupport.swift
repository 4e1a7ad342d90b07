import Foundation
@testable import PNNData

/// Path of a fixture file in the test bundle.
func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pnndata-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Runs `body` and returns the DataError it throws (nil if none or another error).
func dataError(_ body: () throws -> Void) -> DataError? {
    do { try body() } catch let e as DataError { return e } catch { return nil }
    return nil
}

/// A small synthetic data set: `perGroup` events for each (label, mass) and, if
/// `processes` > 1, background spread over that many processes.
func syntheticDataset(perGroup: Int, masses: [Float] = HEPMASSSchema.signalMasses, signalPerMass: [Int]? = nil,
                      processes: Int = 1) -> EventDataset {
    var features: [Float] = [], mass: [Float] = [], label: [UInt8] = [], process: [UInt8] = []
    var id: Float = 0
    for (k, m) in masses.enumerated() {
        for _ in 0..<(signalPerMass?[k] ?? perGroup) {
            features += (0..<27).map { Float($0) + id * 100 }; mass.append(m); label.append(1); process.append(0); id += 1
        }
        for i in 0..<perGroup {
            features += (0..<27).map { Float($0) + id * 100 }; mass.append(m); label.append(0)
            process.append(UInt8(i % processes)); id += 1
        }
    }
    return EventDataset(features: features, mass: mass, label: label, process: process, signalMasses: masses)
}
