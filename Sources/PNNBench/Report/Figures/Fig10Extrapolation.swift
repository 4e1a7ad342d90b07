import Foundation

/// Figure 10: extrapolation on HEPMASS. One column per training mass m: ROC-AUC vs mass of
/// the pNN trained on m only (m marked), against the pNN trained on every mass, with the
/// ratio below. Each column's title gives the mean relative AUC change over the masses,
///
///     Δ = (1/|M|) Σ_m (AUC_only(m) − AUC_all(m)) / AUC_all(m),
///
/// the number the paper's caption quotes ("decreases by more than 30%" at 500 GeV). With
/// several seeds, Δ is the mean over the seeds of each seed's Δ (variant and reference
/// paired by seed), and the curves are means with ±1 sd bars (`ResultMassPanels`).
enum Fig10Extrapolation {
    static let name = "fig10-extrapolation"
    static let referenceRow = "pNN | trained on all masses"

    /// Mean of AUC_variant / AUC_reference − 1 over the reference's masses.
    static func meanRelativeChange(_ variant: RunResult, reference: RunResult) -> Double {
        let v = Dictionary(variant.perMass.map { ($0.mass, $0.rocAUC) }, uniquingKeysWith: { a, _ in a })
        let terms = reference.perMass.compactMap { p in v[p.mass].map { $0 / p.rocAUC - 1 } }
        return terms.isEmpty ? .nan : terms.reduce(0, +) / Double(terms.count)
    }

    /// The mean over seeds of `meanRelativeChange`, for the seeds both rows have.
    static func meanRelativeChange(_ variants: [RunResult], references: [RunResult]) -> Double {
        let reference = Dictionary(references.map { ($0.seed, $0) }, uniquingKeysWith: { a, _ in a })
        let changes = variants.compactMap { v in reference[v.seed].map { meanRelativeChange(v, reference: $0) } }
        return changes.isEmpty ? .nan : changes.reduce(0, +) / Double(changes.count)
    }

    static func make(_ context: FigureContext) -> FigureOutcome {
        guard let reference = context.result("fig10", referenceRow) else {
            return FigureOutcome(omitted: [(name, "the reference row “\(referenceRow)” of fig10 has no result (experiment not run)")])
        }
        let variants = context.results("fig10").filter { $0.spec.reproduces.row != referenceRow }
        let spread = ReplicateSpread.isDrawn(context)
        let panels = variants.map { variant -> ResultMassPanels.Panel in
            let trained = variant.spec.trainMasses ?? []
            let change = 100 * (spread
                ? meanRelativeChange(context.replicates("fig10", variant.spec.reproduces.row), references: context.replicates("fig10", referenceRow))
                : meanRelativeChange(variant, reference: reference))
            let title = "trained on \(ResultFigureStyle.massList(trained)) GeV only (mean ΔAUC \(String(format: "%+.1f", change))%)"
            return .init(title: title, variant: variant, highlighted: trained)
        }
        guard !panels.isEmpty else {
            return FigureOutcome(omitted: [(name, "no “pNN | trained on m only” row of fig10 has a result (experiments not run)")])
        }
        let expected = context.suite.entries.filter { $0.reproduces.artifact == "fig10" && $0.reproduces.row != referenceRow }.count
        let title = "Figure 10: extrapolation on \(ResultFigureStyle.dataLabel(reference))"
        var caption = """
        ROC-AUC per signal mass of a pNN trained on one mass only (brown; the training mass marked by a green \
        diamond) against the pNN trained on every mass (blue). Below: ratio of the two. Column titles give the \
        mean relative change of AUC over the masses\(spread ? " (averaged over the seeds)" : ""); the paper reports \
        a loss above 30% when training on 500 GeV only and at most 8% otherwise.
        """
        caption += ResultFigureStyle.missingNote(drawn: panels.count, of: expected, items: "column(s)")
        let figure = ResultMassPanels(reference: reference, referenceTitle: "pNN, all masses", variantTitle: "pNN on one mass",
                                      highlightTitle: "training mass",
                                      highlightStyle: "pt 13 ps 2 lc rgb \"\(ResultFigureStyle.individualNNs)\"",
                                      panels: panels, replicates: spread ? context.replicates : nil)
            .figure(name: name, title: title, caption: caption)
        return FigureOutcome(figures: [figure])
    }
}
