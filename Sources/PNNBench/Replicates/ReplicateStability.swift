import PNNMetrics

/// Which replicates of each experiment failed to train ("collapsed"), by three rules:
///
/// - **ended at chance** (any n): some network of the run ends its training with a
///   validation ROC-AUC within `chanceBand` (0.02) of 0.5, i.e. its output no longer
///   separates the classes at all — the AffinePNN collapse, where the validation AUC sinks
///   from about 0.57 to 0.50 within a few epochs while other seeds reach 0.96. The kept
///   (best) epoch is then an early, barely trained one;
/// - **never learned** (any n): some network never reached a best validation ROC-AUC of
///   `validationThreshold` (0.55). The threshold is low on purpose: a network trained on the
///   hardest mass alone, or a pNN asked to interpolate, can legitimately validate at 0.58;
/// - **robust** (n ≥ 3 seeds): the run's mean test ROC-AUC over masses, or its best
///   validation ROC-AUC (the lowest over the run's networks), lies below the other seeds'
///   by `CollapseRule`: below median − max(3.5·MAD_σ, 5 points). It needs no threshold that
///   depends on the data set, but it cannot see a collapse of half the seeds or more.
///
/// Flagged seeds stay in every statistic; reports show statistics with and without them.
public struct ReplicateStability: Sendable {
    /// One experiment's replicates and which of them collapsed.
    public struct Experiment: Sendable {
        public var id: String
        /// The seeds with a result, in the run's seed order.
        public var seeds: [UInt64]
        /// Mean test ROC-AUC over masses (percent), one per seed.
        public var averageAUC: [Double]
        /// Per flagged seed, why: the rules that flagged it.
        public var collapsed: [UInt64: [String]]

        /// "1 of 5 seeds collapsed" or "0 of 3 seeds collapsed".
        public var summary: String {
            "\(collapsed.count) of \(seeds.count) seed\(seeds.count == 1 ? "" : "s") collapsed"
        }
    }

    public var experiments: [Experiment]
    public var rule: CollapseRule
    public var validationThreshold: Double
    public var chanceBand: Double

    /// The rules in one line, for reports and help texts.
    public static let rulesSummary = "a network's validation ROC-AUC ended at 0.5 ± 0.02 (chance) or never reached 0.55, "
        + "or (n ≥ 3 seeds) the mean test or best validation ROC-AUC lies below the seeds' median − max(3.5·MAD_σ, 5 points)"

    /// The lowest best validation ROC-AUC (fraction) a trained network must reach.
    public static let standardValidationThreshold = 0.55
    /// A final validation ROC-AUC in 0.5 ± this is a network that ended at chance.
    public static let standardChanceBand = 0.02
    /// In percent: the rule's floor is 5 ROC-AUC points.
    public static let standardRule = CollapseRule(k: 3.5, floor: 5)

    public init(_ results: ReplicateResults, rule: CollapseRule = standardRule,
                validationThreshold: Double = standardValidationThreshold, chanceBand: Double = standardChanceBand) {
        self.rule = rule
        self.validationThreshold = validationThreshold
        self.chanceBand = chanceBand
        experiments = results.experimentIDs.map { id in
            let runs = results.replicates(of: id)
            let averages = runs.map { 100 * $0.average.rocAUC }
            let validation = runs.map { run in
                100 * (run.training.map { record in record.history.map(\.validationAUC).max() ?? 0 }.min() ?? 1)
            }
            var collapsed: [UInt64: [String]] = [:]
            for run in runs {
                let last = run.training.compactMap { $0.history.last?.validationAUC }
                if let ended = last.first(where: { abs($0 - 0.5) <= chanceBand }) {
                    collapsed[run.seed, default: []].append(String(format: "validation ROC-AUC ended at %.3f (chance)", ended))
                }
            }
            for (run, best) in zip(runs, validation) where best < 100 * validationThreshold {
                collapsed[run.seed, default: []].append(String(format: "best validation ROC-AUC %.3f < %.2f", best / 100, validationThreshold))
            }
            // Non-finite values cannot be judged by the robust rule; `try?` leaves them unflagged by it.
            for (name, values, unit) in [("mean test ROC-AUC", averages, 1.0), ("best validation ROC-AUC", validation, 0.01)] {
                let median = (try? ReplicateStatistics(values))?.median ?? .nan
                for index in (try? rule.collapsed(values)) ?? [] {
                    collapsed[runs[index].seed, default: []].append(String(
                        format: unit == 1 ? "%@ %.2f far below the seeds' median %.2f" : "%@ %.3f far below the seeds' median %.3f",
                        name, values[index] * unit, median * unit))
                }
            }
            return Experiment(id: id, seeds: runs.map(\.seed), averageAUC: averages, collapsed: collapsed)
        }
    }

    /// The stability of experiment `id`, if it has results.
    public func experiment(_ id: String) -> Experiment? { experiments.first { $0.id == id } }

    /// The flagged seeds of `id`.
    public func collapsedSeeds(of id: String) -> Set<UInt64> { Set(experiment(id)?.collapsed.keys.map { $0 } ?? []) }

    /// Experiments with at least one flagged seed.
    public var unstable: [Experiment] { experiments.filter { !$0.collapsed.isEmpty } }
}
