import Foundation
import PNNData
import PNNEngine

/// What `bench data sim --masses` prints: the files written, then per signal point its
/// events, weight and Σw, and the background's events, Σw and negative-weight count.
struct GridSampleSummary {
    let sample: GridSample
    let signalPath: String
    let backgroundPath: String
    let generateSeconds: Double
    let writeSeconds: Double
    let threads: Int

    func text() -> String {
        let s = sample, grid = s.grid
        var lines: [String] = []
        lines.append("generated \(s.signalCount + s.backgroundCount) events in \(fmt(generateSeconds)) s (\(threads) threads): "
            + "\(s.signalCount) signal on \(grid.points.count) points, \(s.backgroundCount) background")
        lines.append("wrote \(signalPath) (\(megabytes(signalPath))) and \(backgroundPath) (\(megabytes(backgroundPath))) in \(fmt(writeSeconds)) s")
        lines.append("")
        let hasWidth = grid.widths != nil
        lines.append("  " + cell("mX [GeV]", 10) + (hasWidth ? cell("width", 8) : "") + cell("events", 10) + cell("weight", 14) + cell("Σw", 14))
        for p in grid.points.indices {
            let point = grid.points[p]
            lines.append("  " + cell(SignalGrid.shortestText(point.mass), 10) + (hasWidth ? cell(SignalGrid.shortestText(point.relativeWidth), 8) : "")
                + cell(String(s.signalCounts[p]), 10) + cell(String(format: "%.6g", Double(s.signalWeights[p])), 14)
                + cell(fmt(s.signalWeightSum(p), 1), 14))
        }
        let target = ToyWeightModel.backgroundCrossSection * ToyWeightModel.luminosity
        lines.append("  background \(GridSampleWriter.backgroundProcess): \(s.backgroundCount) events, weight ±\(String(format: "%.6g", Double(s.backgroundMagnitude))), "
            + "Σw = \(fmt(s.backgroundWeightSum, 1)) (σ_tt·L = \(fmt(target, 1))), "
            + "\(s.negativeCount) negative weights (F = \(SignalGrid.shortestText(s.weightModel.negativeFraction)))")
        return lines.joined(separator: "\n")
    }

    private func megabytes(_ path: String) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return fmt(Double(size) / 1e6) + " MB"
    }

    /// Right-aligned in `width` characters, at least one space before it.
    private func cell(_ s: String, _ width: Int) -> String {
        " " + TextColumns.pad(s, width - 1, rightAligned: true)
    }
}
