import Foundation
import Yams

extension BaselineTable {
    /// Reads a baseline file. Layout (values in percent; `~` for a cell the source lacks):
    ///
    /// ```yaml
    /// artifact: table5                  # default artifact of the rows
    /// title: "Table 5. …"
    /// dataset: hepmass-imb              # informative
    /// masses: [500, 750, 1000, 1250, 1500]
    /// tolerance: {roc-auc: 1.0, sigma-ratio: 1.5}
    /// metadata: {scale: smoke}          # optional, free text
    /// rows:
    ///   - row: "Affine | Identical (fixed)"
    ///     experiment: table5/affine-…   # optional: match this experiment id only
    ///     seed: 42                      # optional: match the result of this seed only
    ///     artifact: table5              # optional: overrides the default
    ///     roc-auc: [77.19, 92.62, 97.43, 98.86, 99.40]
    ///     roc-auc-average: 93.10
    ///     sigma-ratio: [74.70, 86.30, 92.52, 95.31, 95.61]
    ///     sigma-ratio-average: 88.89
    ///     tolerance: {roc-auc: 0.5, reason: "…"}   # optional, per row; a reason is required
    ///     note: "…"                     # optional
    /// ```
    ///
    /// Every error names the file and line; unknown keys are errors.
    public static func parse(text: String, file: String) throws -> BaselineTable {
        var top = try YAMLFields(file: file, node: try YAMLFields.root(text: text, file: file), what: "a baseline file")
        let defaultArtifact = try top.string("artifact")
        let title = try top.string("title")
        let dataset = try top.string("dataset")
        let massesNode = try top.require("masses")
        let masses = try top.list(massesNode, "masses").map { try top.integer($0, "masses") }
        guard !masses.isEmpty, Set(masses).count == masses.count else {
            throw top.error("\"masses\" must list distinct masses", at: massesNode)
        }
        let defaultTolerance = try tolerance(top.value("tolerance"), file: file, needsReason: false)
        var metadata = try self.metadata(top.value("metadata"), top)
        if let dataset { metadata["dataset"] = dataset }
        let rowsNode = try top.require("rows")
        let replicatesNode = top.value("replicates")
        try top.rejectUnknownKeys()
        let replicates = try replicatesNode.map { try recordedReplicates($0, top) } ?? []

        var rows: [BaselineRow] = []
        var seen: [String: Int] = [:]
        for node in try top.list(rowsNode, "rows") {
            rows.append(try row(node, file: file, masses: masses, defaultArtifact: defaultArtifact,
                                defaultTolerance: defaultTolerance, seen: &seen))
        }
        return BaselineTable(file: file, title: title, masses: masses, rows: rows, metadata: metadata, replicates: replicates)
    }

    /// `metadata:`, a mapping of text values (optional).
    static func metadata(_ node: Node?, _ top: YAMLFields) throws -> [String: String] {
        var metadata: [String: String] = [:]
        guard let node else { return metadata }
        guard let mapping = node.mapping else { throw top.error("\"metadata\" must be a mapping", at: node) }
        for (key, value) in mapping {
            guard let k = key.string, let v = value.scalar?.string else { throw top.error("metadata values must be text", at: key) }
            metadata[k] = v
        }
        return metadata
    }

    /// One entry of `rows:`. The identity a result is matched by (its experiment, or artifact
    /// and row label, and its seed) must be unique in the file: `seen` holds those read so
    /// far, with their lines.
    static func row(_ node: Node, file: String, masses: [Int], defaultArtifact: String?,
                    defaultTolerance: [BaselineMetric: Double], seen: inout [String: Int]) throws -> BaselineRow {
        var fields = try YAMLFields(file: file, node: node, what: "a row")
        let label = try fields.requireString("row")
        guard let artifact = try fields.string("artifact") ?? defaultArtifact else {
            throw fields.error("row \"\(label)\" has no artifact (give \"artifact:\" in the row or at the top of the file)")
        }
        let experiment = try fields.string("experiment")
        var seed: UInt64?
        if let node = fields.value("seed") {
            guard let scalar = node.scalar, let value = UInt64(scalar.string) else {
                throw fields.error("\"seed\" must be a non-negative whole number, found \(YAMLFields.show(node))", at: node)
            }
            seed = value
        }
        let note = try fields.string("note")
        let rowTolerance = try tolerance(fields.value("tolerance"), file: file, needsReason: true)
        var values: [BaselineMetric: [Double?]] = [:]
        var averages: [BaselineMetric: Double] = [:]
        var tolerances: [BaselineMetric: Double] = [:]
        for metric in BaselineMetric.allCases {
            if let node = fields.value(metric.rawValue) {
                let list = try fields.optionalNumbers(node, metric.rawValue)
                guard list.count == masses.count else {
                    throw fields.error("\"\(metric.rawValue)\" has \(list.count) values, expected \(masses.count) (one per mass \(masses))", at: node)
                }
                values[metric] = list
            }
            if let average = try fields.double(metric.rawValue + "-average") { averages[metric] = average }
            if values[metric] != nil || averages[metric] != nil {
                guard let t = rowTolerance[metric] ?? defaultTolerance[metric] else {
                    throw fields.error("row \"\(label)\" has \(metric.rawValue) values but no \(metric.rawValue) tolerance (give one under \"tolerance:\")")
                }
                tolerances[metric] = t
            }
        }
        guard !tolerances.isEmpty else {
            throw fields.error("row \"\(label)\" has no values (roc-auc, sigma-ratio, pr-auc or their -average)")
        }
        try fields.rejectUnknownKeys()
        let identity = (experiment ?? "\(artifact) · \(label)") + (seed.map { " seed \($0)" } ?? "")
        if let first = seen[identity] {
            throw fields.error("row \(identity) appears twice (first on line \(first)); a result could match either")
        }
        seen[identity] = fields.line ?? 0
        return BaselineRow(reference: PaperReference(artifact: artifact, row: label), experiment: experiment, seed: seed,
                           values: values, averages: averages, tolerance: tolerances, note: note, line: fields.line)
    }

    /// `replicates:` of a recorded file, one entry per experiment:
    /// `{experiment: "…", n: 3, roc-auc-average: {mean: 93.4, sd: 0.12}, collapsed: [44]}`.
    static func recordedReplicates(_ node: Node, _ top: YAMLFields) throws -> [RecordedReplicates] {
        let file = top.file
        return try top.list(node, "replicates").map { item in
            var fields = try YAMLFields(file: file, node: item, what: "a replicates entry")
            let experiment = try fields.requireString("experiment")
            let count = try fields.integer(fields.require("n"), "n")
            guard count >= 1 else { throw fields.error("\"n\" must be at least 1") }
            var averages: [BaselineMetric: RecordedReplicates.Summary] = [:]
            for metric in BaselineMetric.allCases {
                guard let summaryNode = fields.value(metric.rawValue + "-average") else { continue }
                var summary = try YAMLFields(file: file, node: summaryNode, what: "\"\(metric.rawValue)-average\"")
                let mean = try summary.number(summary.require("mean"), "mean")
                let sdNode = try summary.require("sd")
                let sd: Double? = sdNode.scalar.map { ["~", "null"].contains($0.string) } == true ? nil : try summary.number(sdNode, "sd")
                try summary.rejectUnknownKeys()
                averages[metric] = .init(mean: mean, standardDeviation: sd)
            }
            var collapsed: [UInt64] = []
            if let list = fields.value("collapsed") {
                collapsed = try fields.list(list, "collapsed").map { item in
                    guard let value = item.scalar.flatMap({ UInt64($0.string) }) else {
                        throw fields.error("\"collapsed\" lists seeds (whole numbers), found \(YAMLFields.show(item))", at: item)
                    }
                    return value
                }
            }
            try fields.rejectUnknownKeys()
            return RecordedReplicates(experiment: experiment, count: count, averages: averages, collapsed: collapsed)
        }
    }

    /// Reads `path` and parses it.
    public static func load(path: String) throws -> BaselineTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, line: nil, "cannot be read")
        }
        return try parse(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// `tolerance: {roc-auc: x, sigma-ratio: y, reason: "…"}`; a row-level override must
    /// say why (tolerances are a claim about our uncertainty, not a knob to make cells pass).
    static func tolerance(_ node: Node?, file: String, needsReason: Bool) throws -> [BaselineMetric: Double] {
        guard let node else { return [:] }
        var fields = try YAMLFields(file: file, node: node, what: "\"tolerance\"")
        var result: [BaselineMetric: Double] = [:]
        for metric in BaselineMetric.allCases {
            if let value = try fields.double(metric.rawValue) {
                guard value >= 0 else { throw fields.error("tolerance \(metric.rawValue) must not be negative") }
                result[metric] = value
            }
        }
        let reason = try fields.string("reason")
        if needsReason && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw fields.error("a row's own tolerance needs a \"reason:\" saying why it differs from the file's")
        }
        try fields.rejectUnknownKeys()
        return result
    }
}
