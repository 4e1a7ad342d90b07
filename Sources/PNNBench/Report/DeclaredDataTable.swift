import Foundation
import PNNData

/// The events of one declared data set as the report lists them, from the data the runs
/// used (capped at the scale's event counts): per signal point, and per background
/// process, the number of events and their summed weight Σw = Σᵢ wᵢ (weights as given,
/// negative ones included; Σw = events when the data set has no weight column), in the
/// training events (before each run's 75/25 training/validation split) and the test set.
struct DeclaredDataTable {
    var name: String
    /// `DataIdentity.description` of the data.
    var description: String
    var rows: [(label: String, train: WeightTally.Group, test: WeightTally.Group)]

    init(name: String, data: PreparedData) {
        self.name = name
        self.description = data.identity.description
        let points = data.train.signalPoints
        let processCount = Int(max(data.train.process.max() ?? 0, data.test.process.max() ?? 0)) + 1
        let train = WeightTally(data.train, processCount: processCount), test = WeightTally(data.test, processCount: processCount)
        let total = WeightTally.Group.total
        var rows: [(label: String, train: WeightTally.Group, test: WeightTally.Group)] = points.indices.map { k in
            ("signal " + ParameterPoint.label(points[k], names: data.train.parameterNames), train.signal[k], test.signal[k])
        }
        rows.append(("**signal, all points**", total(train.signal), total(test.signal)))
        // A data set without a process column has one unnamed process.
        for k in 0..<processCount where train.background[k].events + test.background[k].events > 0 {
            let process = k < data.processNames.count ? data.processNames[k] : ""
            rows.append(("background" + (process.isEmpty ? "" : " " + process), train.background[k], test.background[k]))
        }
        rows.append(("**background, all processes**", total(train.background), total(test.background)))
        self.rows = rows
    }

    /// Four significant digits: weights span orders of magnitude between data sets.
    static func weight(_ w: Double) -> String { String(format: "%.4g", w) }

    func markdown() -> String {
        let out = "### Data set `\(name)`\n\n\(description).\n\n"
        var table = MarkdownTable(header: ["events", "training events", "training Σw", "test events", "test Σw"])
        for row in rows {
            table.append([row.label, "\(row.train.events)", Self.weight(row.train.sumOfWeights), "\(row.test.events)", Self.weight(row.test.sumOfWeights)])
        }
        return out + table.text + "\n"
    }
}
