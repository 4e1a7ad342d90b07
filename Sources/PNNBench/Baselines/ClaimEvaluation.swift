import Foundation
import PNNData
import PNNMetrics

extension Claim {
    /// The claim at one point on the results of one seed.
    public struct PointEffect: Equatable, Sendable {
        public var label: String
        /// Positive when the claim holds here: better − worse for a comparison; for an
        /// argmin, the lowest value at any other mass minus the value at the claimed mass.
        public var effect: Double
        public var better: Double?
        public var worse: Double?
        /// The point in words, for a single seed (argmin: where the lowest value is).
        public var words: String?
    }

    /// The claim's points on `results` (one result per experiment, all of one seed), or
    /// why it cannot be checked (rows without results). Rows are found by `spec.reproduces`.
    public func effects(on results: [RunResult]) -> Result<[PointEffect], MissingRows> {
        switch check {
        case .compare(let ordering): return Claim.effects(ordering, results)
        case .argmin(let argmin): return Claim.effects(argmin, results)
        }
    }

    /// Why a claim cannot be checked on some results.
    public struct MissingRows: Error, Equatable, Sendable {
        public var message: String
    }

    /// The margin a point's effect must exceed.
    public var margin: Double {
        if case .compare(let c) = check { return c.margin }
        return 0
    }

    /// Decides the claim on `results`, over the seeds they carry (one seed: a point estimate).
    public func evaluate(on results: [RunResult]) -> ClaimOutcome {
        evaluate(on: ReplicateResults(results))
    }

    /// Decides the claim over the seeds of `replicates`, paired by seed (see `ClaimOutcome`).
    /// Seeds where some needed row has no result are left out; with none left the claim is
    /// `.notRun`.
    public func evaluate(on replicates: ReplicateResults) -> ClaimOutcome {
        var seeds: [UInt64] = [], perSeed: [[PointEffect]] = []
        var missing: String?
        var skipped: [UInt64] = []
        for seed in replicates.seeds {
            switch effects(on: replicates.results(seed: seed)) {
            case .failure(let m):
                if missing == nil { missing = m.message }
                if !replicates.results(seed: seed).isEmpty { skipped.append(seed) }
            case .success(let points):
                // The same points on every seed (a seed missing an argmin row is left out).
                if let first = perSeed.first, first.map(\.label) != points.map(\.label) {
                    skipped.append(seed)
                    continue
                }
                seeds.append(seed)
                perSeed.append(points)
            }
        }
        guard let first = perSeed.first else {
            return ClaimOutcome(claim: self, status: .notRun, detail: missing ?? "no results")
        }
        let points = first.indices.map { k -> ClaimOutcome.Point in
            let effects = perSeed.map { $0[k].effect }
            let statistics = try? ReplicateStatistics(effects)
            let status: ClaimOutcome.Status
            if let statistics, let interval = statistics.interval {
                status = interval.lowerBound > margin ? .holds : interval.upperBound < margin ? .fails : .inconclusive
            } else if let statistics {
                status = statistics.mean > margin ? .holds : .fails
            } else {
                status = .fails
            }
            return ClaimOutcome.Point(label: first[k].label, effects: effects,
                                      better: perSeed.compactMap { $0[k].better }, worse: perSeed.compactMap { $0[k].worse },
                                      margin: margin, status: status, statistics: statistics,
                                      words: perSeed.count == 1 ? first[k].words : nil)
        }
        let status: ClaimOutcome.Status = points.contains { $0.status == .fails } ? .fails
            : points.allSatisfy { $0.status == .holds } ? .holds : .inconclusive
        var outcome = ClaimOutcome(claim: self, status: status, seeds: seeds, points: points, detail: "")
        outcome.detail = describe(outcome, argminName: Self.pointName(argminMass, replicates.results(seed: seeds[0])))
            + (skipped.isEmpty ? "" : "; left out seed(s) \(skipped.map(String.init).joined(separator: ", ")): rows missing")
        return outcome
    }

    // MARK: - Effects of one seed

    private static func find(_ rows: [String], in artifact: String, _ results: [RunResult]) -> (found: [RunResult], missing: [String]) {
        var found: [RunResult] = [], missing: [String] = []
        for row in rows {
            let reference = PaperReference(artifact: artifact, row: row)
            if let result = results.first(where: { $0.spec.reproduces == reference }) { found.append(result) } else { missing.append(row) }
        }
        return (found, missing)
    }

    private static func missingRows(_ artifact: String, _ rows: [String]) -> MissingRows {
        MissingRows(message: "no results for \(artifact) rows " + rows.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    /// "750 GeV" for HEPMASS; for a declared data set the point's value ("600"), or its
    /// id and values ("point 6 (600, 0.1)") when the id is a position.
    static func pointName(_ id: Int, _ results: [RunResult]) -> String {
        guard let result = results.first, result.spec.dataset.isDeclared else { return "\(id) GeV" }
        guard let values = result.perMass.first(where: { $0.mass == id })?.point else { return "\(id)" }
        return "point \(id) (\(values.map { ParameterPoint.text($0) }.joined(separator: ", ")))"
    }

    private static func effects(_ c: Ordering, _ results: [RunResult]) -> Result<[PointEffect], MissingRows> {
        let better = find(c.better, in: c.artifact, results)
        let worse = find(c.worse, in: c.artifact, results)
        let missing = better.missing + worse.missing
        if !missing.isEmpty { return .failure(missingRows(c.artifact, missing)) }
        // A group of rows stands for the mean of its rows' values.
        func groupMean(_ group: [RunResult], _ value: (RunResult) -> Double?) -> Double? {
            let values = group.compactMap(value)
            return values.count == group.count ? values.reduce(0, +) / Double(values.count) : nil
        }
        func point(_ label: String, _ b: Double, _ w: Double) -> PointEffect {
            PointEffect(label: label, effect: b - w, better: b, worse: w)
        }
        switch c.at {
        case .average:
            return .success([point("average", groupMean(better.found) { c.metric.percent($0.average) }!,
                                   groupMean(worse.found) { c.metric.percent($0.average) }!)])
        case .each(let listed):
            var points: [PointEffect] = []
            for mass in listed ?? better.found[0].perMass.map(\.mass) {
                guard let b = groupMean(better.found, { c.metric.percent($0, mass: mass) }),
                      let w = groupMean(worse.found, { c.metric.percent($0, mass: mass) }) else {
                    return .failure(MissingRows(message: "some \(c.artifact) result has no \(pointName(mass, better.found)) value"))
                }
                points.append(point(pointName(mass, better.found), b, w))
            }
            return .success(points)
        case .meanOver(let masses):
            func meanOverMasses(_ r: RunResult) -> Double? {
                let values = masses.compactMap { c.metric.percent(r, mass: $0) }
                return values.count == masses.count && !masses.isEmpty ? values.reduce(0, +) / Double(values.count) : nil
            }
            guard let b = groupMean(better.found, meanOverMasses), let w = groupMean(worse.found, meanOverMasses) else {
                return .failure(MissingRows(message: "some \(c.artifact) result lacks one of the masses \(masses)"))
            }
            let unit = better.found.first?.spec.dataset.isDeclared == true ? "" : " GeV"
            return .success([point("mean over \(masses.map(String.init).joined(separator: "/"))\(unit)", b, w)])
        }
    }

    private static func effects(_ a: Argmin, _ results: [RunResult]) -> Result<[PointEffect], MissingRows> {
        let rows: [RunResult]
        if let listed = a.rows {
            let found = find(listed, in: a.artifact, results)
            if !found.missing.isEmpty { return .failure(missingRows(a.artifact, found.missing)) }
            rows = found.found
        } else {
            rows = results.filter { $0.spec.reproduces.artifact == a.artifact }
                .sorted { $0.spec.reproduces.row < $1.spec.reproduces.row }
            if rows.isEmpty { return .failure(MissingRows(message: "no results for \(a.artifact)")) }
        }
        var points: [PointEffect] = []
        for result in rows {
            let values = result.perMass.map { ($0.mass, a.metric.percent($0)) }
            guard let target = values.first(where: { $0.0 == a.mass })?.1 else {
                return .failure(MissingRows(message: "\(a.artifact) row \"\(result.spec.reproduces.row)\" has no \(pointName(a.mass, [result])) value"))
            }
            let others = values.filter { $0.0 != a.mass }.map(\.1)
            guard let lowestOther = others.min() else {
                return .failure(MissingRows(message: "\(a.artifact) row \"\(result.spec.reproduces.row)\" has no other mass to compare"))
            }
            let lowest = values.min { $0.1 < $1.1 }!
            let words = lowestOther > target
                ? "lowest at \(pointName(a.mass, [result])) (\(format(target)); next \(format(lowestOther)))"
                : "lowest at \(pointName(lowest.0, [result])) (\(format(lowest.1)); \(pointName(a.mass, [result])): \(format(target)))"
            points.append(PointEffect(label: "\"\(result.spec.reproduces.row)\"", effect: lowestOther - target,
                                      better: nil, worse: nil, words: words))
        }
        return .success(points)
    }

    // MARK: - Words

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }
    static func signed(_ x: Double) -> String {
        let text = String(format: "%+.2f", x)
        return text == "-0.00" ? "+0.00" : text
    }

    /// The numbers behind the verdict: every point when the claim holds (at most four,
    /// then the tightest), else the points that do not hold.
    /// `argminName`: the argmin's point as `pointName` writes it ("500 GeV").
    private func describe(_ outcome: ClaimOutcome, argminName: String) -> String {
        let metric: BaselineMetric
        let isArgmin: Bool
        switch check {
        case .compare(let c): metric = c.metric; isArgmin = false
        case .argmin(let a): metric = a.metric; isArgmin = true
        }
        var shown = outcome.points.filter { $0.status != .holds }
        if shown.isEmpty {
            shown = outcome.points.count <= 6 ? outcome.points : [outcome.decisivePoint!]
        }
        let n = outcome.seeds.count
        let parts = shown.map { p -> String in
            let mean = p.statistics?.mean ?? .nan
            var text = p.label + ": "
            if isArgmin, n == 1, let words = p.words {
                text += words
            } else if isArgmin {
                text += "next-lowest mass − \(argminName) " + Claim.signed(mean)
            } else if n == 1, let b = p.better.first, let w = p.worse.first {
                text += "\(Claim.format(b)) vs \(Claim.format(w)) (Δ \(Claim.signed(b - w)))"
            } else {
                let b = p.better.reduce(0, +) / Double(max(p.better.count, 1))
                let w = p.worse.reduce(0, +) / Double(max(p.worse.count, 1))
                text += "\(Claim.format(b)) vs \(Claim.format(w)), Δ " + Claim.signed(mean)
            }
            if let interval = p.statistics?.interval {
                text += " [\(Claim.signed(interval.lowerBound)), \(Claim.signed(interval.upperBound))]"
            }
            return text
        }
        var text = "\(metric.label) "
        if isArgmin && outcome.status == .holds {
            text += "lowest at \(argminName) in all \(outcome.points.count) rows; "
            if outcome.points.count > shown.count { text += "the tightest, " }
        }
        text += parts.joined(separator: "; ")
        if !isArgmin && outcome.points.count > shown.count && outcome.status == .holds {
            text += " (the tightest of \(outcome.points.count) points)"
        }
        if margin > 0 { text += ", needs Δ > \(Claim.format(margin))" }
        text += n == 1 ? "; one seed: point estimate" : "; 95% t interval over n = \(n) paired seeds"
        return text
    }

    private var argminMass: Int {
        if case .argmin(let a) = check { return a.mass }
        return 0
    }
}
