extension Suite {
    /// The parameter names of `dataset`: its declaration's, or HEPMASS's one mass.
    public func parameterNames(_ dataset: DatasetKind) -> [String] {
        datasets[dataset.rawValue]?.parameters ?? ["mass"]
    }

    /// Whether some experiment trains on HEPMASS or HEPMASS-IMB (real or simulated); only
    /// then do HEPMASS's data figures, the paper's figures and HEPMASS wording belong in
    /// the report.
    public var usesHEPMASS: Bool { experiments.contains { !$0.dataset.isDeclared } }

    /// Whether some experiment trains on a data set the suite declares.
    public var usesDeclaredData: Bool { experiments.contains { $0.dataset.isDeclared } }
}
