import PNNMetrics

/// The spread over seeds of one per-mass value, as the result figures draw it when the
/// report has several seeds: the mean as the point, a bar of ± one sample standard
/// deviation. Over the n seeds with a finite value x₁ … xₙ:
///
///     mean = Σ xᵢ / n,   sd = √( Σ (xᵢ − mean)² / (n − 1) )      (`ReplicateStatistics`)
///
/// sd is NaN for n = 1 (no bar: one seed says nothing about the spread), mean is NaN
/// for n = 0; both are written as gnuplot's missing value. The bar is the spread of one
/// training, not an interval for the mean. Collapsed seeds (`CollapseRule`) are kept:
/// a failed training is part of the spread a reader should see.
struct ReplicateSpread: Equatable {
    var mean: Double
    var sd: Double
    var n: Int

    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        guard let statistics = try? ReplicateStatistics(finite) else {
            self.init(mean: .nan, sd: .nan, n: 0)
            return
        }
        self.init(mean: statistics.mean, sd: statistics.standardDeviation ?? .nan, n: statistics.count)
    }

    init(mean: Double, sd: Double, n: Int) {
        self.mean = mean
        self.sd = sd
        self.n = n
    }

    /// mean, sd, n: the three data-file columns of a spread.
    var columns: [Double] { [mean, sd, Double(n)] }

    /// The ends of the bar (the mean alone when there is none), for shared y ranges.
    var extent: [Double] { sd.isFinite ? [mean - sd, mean + sd] : [mean] }

    /// Whether the figures of `context` draw spreads: it has more than one seed. With one
    /// seed they draw that seed's values exactly as before replicates existed.
    static func isDrawn(_ context: FigureContext) -> Bool { context.replicates.seeds.count > 1 }

    /// The spread of `metric` at `mass` over `replicates` (one result per seed; a seed
    /// without that mass is left out).
    static func at(_ mass: Int, of replicates: [RunResult], _ metric: (RunResult.MassResult) -> Double) -> ReplicateSpread {
        ReplicateSpread(replicates.compactMap { r in r.perMass.first { $0.mass == mass }.map(metric) })
    }

    /// The spread of the per-seed ratio ROC-AUC_variant(mass) / ROC-AUC_reference(mass) over
    /// the seeds both have. Paired by seed: both networks of a seed train on the same
    /// train/validation split, so what the split changes for both cancels in the ratio.
    static func ratio(at mass: Int, _ variant: [RunResult], over reference: [RunResult]) -> ReplicateSpread {
        let ref = Dictionary(reference.compactMap { r in r.perMass.first { $0.mass == mass }.map { (r.seed, $0.rocAUC) } },
                             uniquingKeysWith: { a, _ in a })
        return ReplicateSpread(variant.compactMap { r in
            guard let v = r.perMass.first(where: { $0.mass == mass })?.rocAUC, let d = ref[r.seed] else { return nil }
            return v / d
        })
    }

    /// The caption's sentence for a figure drawing `spreads`, e.g. " Points: mean over 3
    /// seeds, bars ±1 sd; collapsed seeds included."; n as a range "2–3" when points
    /// have different numbers of seeds. `drawn` says how the sd is drawn.
    static func captionNote(_ spreads: [ReplicateSpread], drawn: String = "bars ±1 sd") -> String {
        let counts = spreads.map(\.n).filter { $0 > 0 }
        guard let lo = counts.min(), let hi = counts.max() else { return "" }
        if hi == 1 { return " Values of one seed: the report's other seeds have no result for these rows." }
        let n = lo == hi ? "\(lo)" : "\(lo)–\(hi)"
        let none = lo == 1 ? " (none where only one seed has a result)" : ""
        return " Points: mean over \(n) seeds, \(drawn)\(none); collapsed seeds included."
    }

    /// Script settings of a figure with spreads: gnuplot 5.4 blanks a disc behind the
    /// point of every error bar (`pointintervalbox`), which would punch holes in the
    /// curves drawn at the same mass.
    static let gnuplotSettings = "unset pointintervalbox\n"

    /// The x offset (GeV) of curve `k` of `count` drawn at the same masses, so that their
    /// bars stand side by side: (k − (count − 1)/2) · step.
    static func dodge(_ k: Int, of count: Int, step: Double = 15) -> Double {
        (Double(k) - Double(count - 1) / 2) * step
    }

    /// The caption's sentence for curves moved by `dodge`.
    static let dodgeNote = " The models' curves are drawn a few GeV apart so that their bars do not overlap."

    /// The gnuplot x expression of a curve moved by `offset` GeV from column 1.
    static func xColumn(_ offset: Double) -> String {
        offset == 0 ? "1" : "($1 \(offset < 0 ? "-" : "+") \(ResultFigureStyle.num(abs(offset))))"
    }

    /// The data-file notes of the spread columns; `first` is the seed of the other columns.
    static func notes(first: UInt64) -> [String] {
        ["*_mean, *_sd, *_n: mean, sample sd and number of the seeds with a value (sd NaN for n = 1);",
         "the value columns without those suffixes: seed \(first), the first"]
    }
}
