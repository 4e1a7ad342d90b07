extension Suite {
    /// One result per row of the suite, as tables, claims and the report see them: a row
    /// trained under its own id takes its experiment's result; a row that reuses another
    /// experiment (`sameAs`) gets a copy of that result carrying the row's own id and
    /// paper reference. Rows whose experiment has no result are left out; results of
    /// experiments not in the suite are dropped.
    public func rowResults(_ results: [RunResult]) -> [RunResult] {
        let byExperiment = Dictionary(results.map { ($0.spec.id, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.compactMap { entry in
            guard var result = byExperiment[entry.experimentID] else { return nil }
            result.spec.id = entry.id
            result.spec.reproduces = entry.reproduces
            return result
        }
    }
}
