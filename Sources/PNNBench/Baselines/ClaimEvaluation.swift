import Foundation

extension Claim {
    /// Decides the claim on `results` (one result per experiment; see `ResultSelection`).
    /// Rows are found by `spec.reproduces`; a claim with a missing row is `.notRun`.
    public func evaluate(on results: [RunResult]) -> ClaimOutcome {
        switch check {
        case .compare(let ordering): return evaluate(ordering, results)
        case .argmin(let argmin): return evaluate(argmin, results)
        }
    }

    private func outcome(_ status: ClaimOutcome.Status, _ detail: String) -> ClaimOutcome {
        ClaimOutcome(claim: self, status: status, detail: detail)
    }

    /// The result of each row, or the rows that have none.
    private static func find(_ rows: [String], in artifact: String, _ results: [RunResult]) -> (found: [RunResult], missing: [String]) {
        var found: [RunResult] = [], missing: [String] = []
        for row in rows {
            let reference = PaperReference(artifact: artifact, row: row)
            if let result = results.first(where: { $0.spec.reproduces == reference }) { found.append(result) } else { missing.append(row) }
        }
        return (found, missing)
    }

    private static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    private func evaluate(_ c: Ordering, _ results: [RunResult]) -> ClaimOutcome {
        let better = Claim.find(c.better, in: c.artifact, results)
        let worse = Claim.find(c.worse, in: c.artifact, results)
        let missing = better.missing + worse.missing
        if !missing.isEmpty {
            return outcome(.notRun, "no results for \(c.artifact) rows " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        // Each point compared: a label and the value of each group there (mean over its rows).
        var points: [(label: String, better: Double, worse: Double)] = []
        func groupMean(_ group: [RunResult], _ value: (RunResult) -> Double?) -> Double? {
            let values = group.compactMap(value)
            return values.count == group.count ? values.reduce(0, +) / Double(values.count) : nil
        }
        switch c.at {
        case .average:
            points.append(("average", groupMean(better.found) { c.metric.percent($0.average) }!,
                           groupMean(worse.found) { c.metric.percent($0.average) }!))
        case .each(let listed):
            let masses = listed ?? better.found[0].perMass.map(\.mass)
            for mass in masses {
                guard let b = groupMean(better.found, { c.metric.percent($0, mass: mass) }),
                      let w = groupMean(worse.found, { c.metric.percent($0, mass: mass) }) else {
                    return outcome(.notRun, "some \(c.artifact) result has no \(mass) GeV value")
                }
                points.append(("\(mass) GeV", b, w))
            }
        case .meanOver(let masses):
            func meanOverMasses(_ r: RunResult) -> Double? {
                let values = masses.compactMap { c.metric.percent(r, mass: $0) }
                return values.count == masses.count && !masses.isEmpty ? values.reduce(0, +) / Double(values.count) : nil
            }
            guard let b = groupMean(better.found, meanOverMasses), let w = groupMean(worse.found, meanOverMasses) else {
                return outcome(.notRun, "some \(c.artifact) result lacks one of the masses \(masses)")
            }
            points.append(("mean over \(masses.map(String.init).joined(separator: "/")) GeV", b, w))
        }
        let failing = points.filter { !($0.better - $0.worse > c.margin) }
        let shown = failing.isEmpty ? points : failing
        let text = shown.map { p in
            "\(p.label): \(Claim.format(p.better)) vs \(Claim.format(p.worse)) (Δ \(p.better - p.worse >= 0 ? "+" : "")\(Claim.format(p.better - p.worse)))"
        }.joined(separator: "; ")
        let marginText = c.margin > 0 ? ", needs Δ > \(Claim.format(c.margin))" : ""
        return outcome(failing.isEmpty ? .holds : .fails, "\(c.metric.label) \(text)\(marginText)")
    }

    private func evaluate(_ a: Argmin, _ results: [RunResult]) -> ClaimOutcome {
        let rows: [RunResult]
        if let listed = a.rows {
            let found = Claim.find(listed, in: a.artifact, results)
            if !found.missing.isEmpty {
                return outcome(.notRun, "no results for \(a.artifact) rows " + found.missing.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            rows = found.found
        } else {
            rows = results.filter { $0.spec.reproduces.artifact == a.artifact }
                .sorted { $0.spec.reproduces.row < $1.spec.reproduces.row }
            if rows.isEmpty { return outcome(.notRun, "no results for \(a.artifact)") }
        }
        var failures: [String] = []
        for result in rows {
            // Ascending masses; ties go to the lower mass.
            let values = result.perMass.sorted { $0.mass < $1.mass }.map { ($0.mass, a.metric.percent($0)) }
            guard let lowest = values.min(by: { $0.1 < $1.1 }) else {
                failures.append("\"\(result.spec.reproduces.row)\": no per-mass values")
                continue
            }
            if lowest.0 != a.mass {
                let target = values.first { $0.0 == a.mass }.map { Claim.format($0.1) } ?? "none"
                failures.append("\"\(result.spec.reproduces.row)\": lowest at \(lowest.0) GeV (\(Claim.format(lowest.1)); \(a.mass) GeV: \(target))")
            }
        }
        if failures.isEmpty {
            return outcome(.holds, "\(a.metric.label) lowest at \(a.mass) GeV in all \(rows.count) rows")
        }
        return outcome(.fails, "\(failures.count) of \(rows.count) rows: " + failures.joined(separator: "; "))
    }
}
