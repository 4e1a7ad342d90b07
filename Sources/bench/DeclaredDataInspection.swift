import Foundation
import PNNData
import PNNEngine

/// `bench data inspect --suite FILE --dataset NAME`: what a declared data set's files hold
/// once read as the runner reads them — files and checksums, features, the scaling the
/// networks see, and per parameter point and background process the events, the signed
/// weight sum and the negative weights of the training and test parts.
struct DeclaredDataInspection {
    let declaration: DatasetDeclaration
    let loaded: DeclaredDatasetReader.Loaded
    let loadSeconds: Double
    /// The training and test parts counted per point and process.
    let tallies: (train: WeightTally, test: WeightTally)

    init(declaration: DatasetDeclaration, loaded: DeclaredDatasetReader.Loaded, loadSeconds: Double) {
        self.declaration = declaration
        self.loaded = loaded
        self.loadSeconds = loadSeconds
        let processes = max(1, loaded.processNames.count)
        tallies = (WeightTally(loaded.train, processCount: processes), WeightTally(loaded.test, processCount: processes))
    }

    struct Group: Encodable {
        let name: String
        let train: WeightTally.Group
        let test: WeightTally.Group
    }

    var points: [Group] {
        let (train, test) = tallies
        return loaded.train.signalPoints.indices.map { k in
            Group(name: ParameterPoint.label(loaded.train.signalPoints[k], names: loaded.train.parameterNames),
                  train: train.signal[k], test: test.signal[k])
        }
    }

    var processes: [Group] {
        let (train, test) = tallies
        return loaded.processNames.enumerated().map { id, name in
            Group(name: name.isEmpty ? "(no process column)" : name, train: train.background[id], test: test.background[id])
        }
    }

    func text() -> String {
        let d = loaded.train
        var lines = ["data set '\(declaration.name)': \(loaded.train.count) training + \(loaded.test.count) test events (read in \(fmt(loadSeconds)) s)"]
        if let description = declaration.description { lines.append("  \(description)") }
        for file in loaded.files { lines.append("  file \(file.path)  (checksum \(FNV1a64.hex(file.checksum)))") }
        lines.append("  \(loaded.featureNames.count) features: \(loaded.featureNames.joined(separator: ", "))")
        let scaling = d.parameterScaling
        let mapped = zip(d.parameterNames, zip(scaling.offset, scaling.scale)).map { name, s in
            s.0 == 0 ? "\(name) / \(ParameterPoint.text(s.1))" : "(\(name) − \(ParameterPoint.text(s.0))) / \(ParameterPoint.text(s.1))"
        }
        lines.append("  parameters: \(d.parameterNames.joined(separator: ", ")); networks see \(mapped.joined(separator: ", "))")
        lines.append("  weights: \(declaration.weight.map { "column '\($0)', negative weights in training: \(declaration.negativeWeights.rawValue)" } ?? "none (every event weighs 1)")")
        lines.append("")
        lines.append(table("signal point", points))
        lines.append("")
        lines.append(table("background process", processes))
        return lines.joined(separator: "\n")
    }

    private func table(_ title: String, _ groups: [Group]) -> String {
        let width = max(title.count, groups.map(\.name.count).max() ?? 0) + 2
        var lines = ["  " + title.padding(toLength: width, withPad: " ", startingAt: 0)
            + ["train", "Σw", "w < 0", "test", "Σw", "w < 0"].map { TextColumns.pad($0, 12, rightAligned: true) }.joined()]
        for g in groups {
            var line = "  " + g.name.padding(toLength: width, withPad: " ", startingAt: 0)
            for t in [g.train, g.test] {
                line += [String(t.events), String(format: "%.6g", t.sumOfWeights), String(t.negative)]
                    .map { TextColumns.pad($0, 12, rightAligned: true) }.joined()
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    func jsonText() -> String {
        struct Output: Encodable {
            let dataset: String
            let files: [[String: String]]
            let features: [String]
            let parameters: [String]
            let parameterOffset: [Float]
            let parameterScale: [Float]
            let points: [Group]
            let processes: [Group]
        }
        let d = loaded.train
        let output = Output(dataset: declaration.name,
                            files: loaded.files.map { ["path": $0.path, "checksum": FNV1a64.hex($0.checksum)] },
                            features: loaded.featureNames, parameters: d.parameterNames,
                            parameterOffset: d.parameterScaling.offset, parameterScale: d.parameterScaling.scale,
                            points: points, processes: processes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(output)) ?? Data(), as: UTF8.self)
    }
}
