import Foundation
import PNNEngine

/// Writes a small analysis-like data set in the "bring your own data" layout: separate
/// signal and background CSV files, 12 features `x0`…`x11`, per-event weights with some
/// negative ones, and a background process column.
///
/// - one parameter: `mA` at 300, 400, …, 900 GeV (7 points);
/// - two parameters: `mX` ∈ {400, 600, 800} × `mY` ∈ {50, 100, 150} (9 points).
///
/// Signal at a point is a narrow peak in x0 ~ N(mA/100, 0.4) (or mX/100) over a flat
/// background x0 ~ U(1.5, 10.5), like a reconstructed resonance mass, so a network must be
/// told the point to find it; x1 ~ N(1.5, 1) against N(0, 1) separates at every point;
/// with two parameters x2 ~ N(1.5·(mY − 100)/50, 0.5) against N(0, 1.5). All other
/// features are N(0, 1). Weights:
/// signal 10⁻³·(500/m)², background 10⁻² (process `tt`, 2 of 3 events) or 2·10⁻²
/// (`wjets`); 10 % of events of each class carry the weight's negative. Deterministic
/// from `seed`.
enum DeclaredDataFixture {
    static let masses: [Double] = [300, 400, 500, 600, 700, 800, 900]
    static let gridX: [Double] = [400, 600, 800]
    static let gridY: [Double] = [50, 100, 150]

    /// Writes `signal.csv` and `background.csv` into `directory`.
    static func write(to directory: URL, parameters: Int = 1, signalPerPoint: Int = 400, background: Int = 4000, seed: UInt64 = 7) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = RandomStream(seed: seed, purpose: .dataGeneration, index: 99)
        func gaussian(_ mean: Double, _ sd: Double) -> Double { mean + sd * random.nextGaussian() }
        let features = (0..<12).map { "x\($0)" }
        let points: [[Double]] = parameters == 1 ? masses.map { [$0] } : gridX.flatMap { x in gridY.map { [x, $0] } }
        let names = parameters == 1 ? ["mA"] : ["mX", "mY"]

        var signal = (features + names + ["weight"]).joined(separator: ",") + "\n"
        for point in points {
            for _ in 0..<signalPerPoint {
                var x = (0..<12).map { _ in gaussian(0, 1) }
                x[0] = gaussian(point[0] / 100, 0.4)
                x[1] = gaussian(1.5, 1)
                if parameters == 2 { x[2] = gaussian(1.5 * (point[1] - 100) / 50, 0.5) }
                let sign: Double = random.nextDouble() < 0.1 ? -1 : 1
                let w = sign * 1e-3 * pow(500 / point[0], 2)
                signal += (x.map { String(format: "%.5f", $0) } + point.map { String(format: "%g", $0) } + [String(format: "%.6g", w)]).joined(separator: ",") + "\n"
            }
        }
        var backgroundText = (features + ["weight", "process"]).joined(separator: ",") + "\n"
        for i in 0..<background {
            var x = (0..<12).map { _ in gaussian(0, 1) }
            x[0] = 1.5 + 9 * random.nextDouble()
            if parameters == 2 { x[2] = gaussian(0, 1.5) }
            let process = i % 3 == 0 ? "wjets" : "tt"
            let sign: Double = random.nextDouble() < 0.1 ? -1 : 1
            let w = sign * (process == "tt" ? 1e-2 : 2e-2)
            backgroundText += (x.map { String(format: "%.5f", $0) } + [String(format: "%.6g", w), process]).joined(separator: ",") + "\n"
        }
        try signal.write(to: directory.appendingPathComponent("signal.csv"), atomically: true, encoding: .utf8)
        try backgroundText.write(to: directory.appendingPathComponent("background.csv"), atomically: true, encoding: .utf8)
    }

    /// A suite declaring the data set as `toy` (files beside the suite), training pNN and
    /// affine on every other point (identical-sampled and uniform-sampled background),
    /// written to `directory/toy.yaml`; returns its URL.
    @discardableResult
    static func writeSuite(to directory: URL, parameters: Int = 1, negativeWeights: String = "keep") throws -> URL {
        let declaration = parameters == 1
            ? "    parameters: mA\n    points: [300, 400, 500, 600, 700, 800, 900]\n"
            : "    parameters: [mX, mY]\n    points: found\n"
        let trainPoints = parameters == 1
            ? "{except: [400, 600, 800]}"
            : "[[400, 50], [400, 150], [600, 100], [800, 50], [800, 150]]"
        let yaml = """
        description: A test data set declared by the test itself.
        datasets:
          toy:
            signal: signal.csv
            background: background.csv
        \(declaration)    weight: weight
            process: process
            negativeWeights: \(negativeWeights)
        artifacts:
          interp: "Interpolation to left-out points"
        experiments:
          - id: interp/{model}-{backgroundMass}
            matrix:
              model: [pnn, affine]
              backgroundMass: [identical-sampled, uniform-sampled]
            artifact: interp
            row: "{model:label} {backgroundMass:label}"
            dataset: toy
            balance: class
            trainPoints: \(trainPoints)
          - id: all/pnn
            artifact: interp
            row: "pNN, all points"
            dataset: toy
            model: pnn
            backgroundMass: identical-sampled
            balance: class

        """
        let url = directory.appendingPathComponent("toy.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
