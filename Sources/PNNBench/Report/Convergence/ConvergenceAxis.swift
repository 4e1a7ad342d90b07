/// The budget axis of the convergence figures: logarithmic, one tic per rung labelled with
/// its name and budget ("default" over "1.2M"), with a factor 2.5 of room on both sides.
enum ConvergenceAxis {
    /// "36k", "1.2M", "131M".
    static func budgetText(_ b: Double) -> String {
        func short(_ v: Double) -> String {
            let text = String(format: v >= 10 ? "%.0f" : "%.1f", v)
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        if b >= 1e9 { return short(b / 1e9) + "G" }
        if b >= 1e6 { return short(b / 1e6) + "M" }
        if b >= 1e3 { return short(b / 1e3) + "k" }
        return short(b)
    }

    /// gnuplot commands for the x axis over `rungs` (name, budget).
    static func commands(_ rungs: [(name: String, budget: Double)], label: Bool) -> String {
        let S = ResultFigureStyle.self
        let lo = (rungs.map(\.budget).min() ?? 1) / 2.5, hi = (rungs.map(\.budget).max() ?? 10) * 2.5
        let tics = rungs.map { "\"\($0.name)\\n\(budgetText($0.budget))\" \(S.num($0.budget))" }.joined(separator: ", ")
        return """
        set logscale x
        set xrange [\(S.num(lo)):\(S.num(hi))]
        set xtics (\(tics)) font ",8"
        set mxtics 1
        \(label ? "set xlabel \"training event-epochs B (log scale)\" offset 0,-0.5" : "unset xlabel")
        """
    }

    /// A y range around `values` (and `reference`): the extent plus a tenth of it on each
    /// side, at least half a point.
    static func range(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (0, 100) }
        let pad = max(0.5, 0.1 * (hi - lo))
        return (((lo - pad) * 2).rounded(.down) / 2, ((hi + pad) * 2).rounded(.up) / 2)
    }
}
