import Foundation
import Yams

extension Claim {
    /// Reads a claims file:
    ///
    /// ```yaml
    /// claims:
    ///   - id: individual-beat-single-hepmass
    ///     statement: "Individual NNs beat the single NN at every mass."
    ///     source: "§6.2, Table 3"
    ///     compare:
    ///       metric: roc-auc                  # or sigma-ratio
    ///       artifact: table3
    ///       better: "Individual-NNs | None"  # a row, or a list of rows (their mean)
    ///       worse: "Single-NN | None"
    ///       at: each-mass                    # average | each-mass | 750 | [750, 1000]
    ///       # mean-over: [750, 1000, 1250]   # instead of at: the mean over these masses
    ///       margin: 0                        # optional, points
    ///   - id: hardest-mass-500-hepmass
    ///     statement: "500 GeV is the hardest mass."
    ///     argmin: {metric: roc-auc, artifact: table3, rows: all, mass: 500}
    /// ```
    public static func parseAll(text: String, file: String) throws -> [Claim] {
        var top = try YAMLFields(file: file, node: try YAMLFields.root(text: text, file: file), what: "a claims file")
        let list = try top.list(try top.require("claims"), "claims")
        try top.rejectUnknownKeys()
        var claims: [Claim] = []
        var seen: [String: Int] = [:]
        for node in list {
            let claim = try parse(node, file: file)
            if let first = seen[claim.id] {
                throw BaselineError(file: file, line: claim.line, "claim id \"\(claim.id)\" is used twice (first on line \(first))")
            }
            seen[claim.id] = claim.line ?? 0
            claims.append(claim)
        }
        return claims
    }

    public static func load(path: String) throws -> [Claim] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(file: path, line: nil, "cannot be read")
        }
        return try parseAll(text: String(decoding: data, as: UTF8.self), file: path)
    }

    static func parse(_ node: Node, file: String) throws -> Claim {
        var fields = try YAMLFields(file: file, node: node, what: "a claim")
        let id = try fields.requireString("id")
        let statement = try fields.requireString("statement")
        let source = try fields.string("source")
        let compareNode = fields.value("compare")
        let argminNode = fields.value("argmin")
        try fields.rejectUnknownKeys()
        let check: Check
        switch (compareNode, argminNode) {
        case (let c?, nil): check = .compare(try comparison(c, file: file))
        case (nil, let a?): check = .argmin(try argmin(a, file: file))
        default: throw fields.error("claim \"\(id)\" needs exactly one of \"compare:\" or \"argmin:\"")
        }
        return Claim(id: id, statement: statement, source: source, check: check, line: fields.line)
    }

    static func metric(_ fields: inout YAMLFields) throws -> BaselineMetric {
        let name = try fields.requireString("metric")
        guard let metric = BaselineMetric(rawValue: name) else {
            throw fields.error("unknown metric \"\(name)\" (use roc-auc or sigma-ratio)", at: fields.mapping["metric"])
        }
        return metric
    }

    /// A row label or a list of them.
    static func rows(_ fields: inout YAMLFields, _ key: String) throws -> [String] {
        let node = try fields.require(key)
        if let text = node.scalar?.string { return [text] }
        let rows = try fields.list(node, key).map { item -> String in
            guard let text = item.scalar?.string else { throw fields.error("\"\(key)\" must list row labels", at: item) }
            return text
        }
        guard !rows.isEmpty else { throw fields.error("\"\(key)\" lists no rows", at: node) }
        return rows
    }

    static func comparison(_ node: Node, file: String) throws -> Ordering {
        var fields = try YAMLFields(file: file, node: node, what: "\"compare\"")
        let metric = try metric(&fields)
        let artifact = try fields.requireString("artifact")
        let better = try rows(&fields, "better")
        let worse = try rows(&fields, "worse")
        let margin = try fields.double("margin") ?? 0
        let atNode = fields.value("at")
        let meanNode = fields.value("mean-over")
        try fields.rejectUnknownKeys()
        let position: Position
        switch (atNode, meanNode) {
        case (let at?, nil):
            if let text = at.scalar?.string, text == "average" {
                position = .average
            } else if let text = at.scalar?.string, text == "each-mass" {
                position = .each(nil)
            } else if at.scalar != nil {
                position = .each([try fields.integer(at, "at")])
            } else {
                position = .each(try fields.list(at, "at").map { try fields.integer($0, "at") })
            }
        case (nil, let masses?):
            position = .meanOver(try fields.list(masses, "mean-over").map { try fields.integer($0, "mean-over") })
        default:
            throw fields.error("give exactly one of \"at:\" (average, each-mass, a mass or a list of masses) or \"mean-over:\" (a list of masses)")
        }
        return Ordering(metric: metric, artifact: artifact, better: better, worse: worse, at: position, margin: margin)
    }

    static func argmin(_ node: Node, file: String) throws -> Argmin {
        var fields = try YAMLFields(file: file, node: node, what: "\"argmin\"")
        let metric = try metric(&fields)
        let artifact = try fields.requireString("artifact")
        let rowsNode = try fields.require("rows")
        let rowList: [String]?
        if rowsNode.scalar?.string == "all" {
            rowList = nil
        } else {
            rowList = try rows(&fields, "rows")
        }
        guard let massNode = fields.value("mass") else { throw fields.error("missing key \"mass\"") }
        let mass = try fields.integer(massNode, "mass")
        try fields.rejectUnknownKeys()
        return Argmin(metric: metric, artifact: artifact, rows: rowList, mass: mass)
    }
}
