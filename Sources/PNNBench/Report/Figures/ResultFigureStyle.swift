import PNNData

/// Colours, markers and shared gnuplot snippets of the result figures, so that a model
/// has the same colour in every figure (pNN blue, Affine orange, …) and every mass axis
/// looks the same.
enum ResultFigureStyle {
    // One colour per model kind (matplotlib's "tab10", readable on white and in grey).
    static let singleNN = "#7f7f7f"
    static let individualNNs = "#2ca02c"
    static let pnn = "#1f77b4"
    static let pnnLinear = "#9467bd"
    static let affine = "#ff7f0e"
    /// The unit-scale Affine remedy: tab10's olive, apart from the paper's Affine.
    static let affineUnitScale = "#bcbd22"
    /// A pNN trained on a subset of the masses (Figures 9 and 10's orange curve; brown
    /// here because orange is the Affine model's colour).
    static let pnnSubset = "#8c564b"
    /// Figure 14(c)'s unregularized pNN: the paper's red line.
    static let pnnUnregularized = "#d62728"
    /// Masses left out of training: the paper's red squares.
    static let leftOut = "#d62728"
    /// Class colours of the histograms: background grey, signal in the model's colour.
    static let background = "#555555"

    /// The colour of a row's model, with the variants the paper draws separately.
    static func color(for spec: ExperimentSpec) -> String {
        if spec.model == .pnn && !spec.regularized { return pnnUnregularized }
        return color(for: spec.model)
    }

    static func color(for model: ModelKind) -> String {
        switch model {
        case .single: return singleNN
        case .individual: return individualNNs
        case .pnn: return pnn
        case .pnnLinear: return pnnLinear
        case .affine, .conditioned: return affine
        case .affineUnitScale: return affineUnitScale
        }
    }

    /// The x axis of every "metric vs mass" panel: the signal masses as tics, with room
    /// on both sides so that the end points and their markers are not clipped.
    /// Without `label` the tics carry no text (an upper panel sharing the axis below):
    /// explicit tic labels ignore `set format x`, so they are left empty here.
    static func massAxis(_ masses: [Int], label: Bool = true) -> String {
        let lo = (masses.min() ?? 500) - 125, hi = (masses.max() ?? 1500) + 125
        let tics = masses.map { "\"\(label ? String($0) : "")\" \($0)" }.joined(separator: ", ")
        return """
        set xrange [\(lo):\(hi)]
        set xtics (\(tics))
        set mxtics 1
        \(label ? "set xlabel \"signal mass m (GeV)\"" : "unset xlabel")
        """
    }

    /// The x axis of a declared data set's parameter: its tested values as tics, labelled
    /// as the tables label them, with half the smallest spacing of room on both sides.
    static func parameterAxis(_ values: [Double], name: String) -> String {
        let pad = smallestSpacing(values) / 2
        return """
        set xrange [\(num((values.min() ?? 0) - pad)):\(num((values.max() ?? 0) + pad))]
        set xtics \(parameterTics(values, name: name))
        set mxtics 1
        set xlabel \(DataFigureText.quoted(name))
        """
    }

    /// Explicit tics at the distinct `values` of a parameter, labelled as the tables
    /// label its points ("300", "0.5"): `("300" 300, "400" 400)`.
    static func parameterTics(_ values: [Double], name: String) -> String {
        "(" + Array(Set(values)).sorted().map { "\"\(ParameterPoint.label([Float($0)], names: [name]))\" \(num($0))" }
            .joined(separator: ", ") + ")"
    }

    /// The smallest distance between two distinct `values`; with fewer than two, a tenth
    /// of the value's size (1 for 0), so that a single point still gets an axis around it.
    static func smallestSpacing(_ values: [Double]) -> Double {
        let sorted = Array(Set(values)).sorted()
        let gaps = zip(sorted, sorted.dropFirst()).map { $1 - $0 }
        return gaps.min() ?? sorted.first.map { $0 == 0 ? 1 : abs($0) / 10 } ?? 1
    }

    /// A y range [lo, 1] for AUC panels holding `values` (fractions), with lo rounded
    /// down to 0.05 and a margin, so that all panels of a figure share one scale.
    static func aucRange(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min() else { return (0.5, 1.0) }
        let lo = max(0, (low * 20 - 0.5).rounded(.down) / 20)
        return (min(lo, 0.95), 1.0)
    }

    /// A symmetric-ish range around 1 for ratio panels: [min − pad, max + pad] including 1.
    static func ratioRange(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite) + [1.0]
        let lo = finite.min()!, hi = finite.max()!
        let pad = max(0.01, 0.15 * (hi - lo))
        return (((lo - pad) * 100).rounded(.down) / 100, ((hi + pad) * 100).rounded(.up) / 100)
    }

    /// "500, 750 and 1000"-style list of masses in GeV.
    static func massList(_ masses: [Int]) -> String {
        let s = masses.map(String.init)
        guard s.count > 1 else { return (s.first ?? "") }
        return s.dropLast().joined(separator: ", ") + " and " + s.last!
    }

    /// The data set of a result as figure titles show it: the paper's name, marked as
    /// simulated when the events come from HEPMASS-SIM (those are not HEPMASS numbers).
    static func dataLabel(_ result: RunResult) -> String {
        let label = result.spec.dataset.paperLabel
        return result.data.source == "sim" ? label + " (simulated: HEPMASS-SIM)" : label
    }

    /// A row's id as a file-name part: "fig13/single" → "fig13-single".
    static func fileStem(_ r: RunResult) -> String {
        r.spec.id.map { $0.isLetter || $0.isNumber ? $0 : "-" }.reduce(into: "") { $0.append($1) }
    }

    /// A number for gnuplot commands, deterministic (same formatting as the data files).
    static func num(_ v: Double) -> String { DataTable.format(v) }

    /// The caption's sentence for panels or curves of the paper that could not be drawn
    /// because their experiments have no result, e.g. " 2 of the paper's 6 models are
    /// missing: …"; empty when nothing is missing.
    static func missingNote(drawn: Int, of expected: Int, items: String) -> String {
        guard drawn < expected else { return "" }
        let what = items == "column(s)" ? "\(expected - drawn) column(s) of the paper" : "\(expected - drawn) of the paper's \(expected) \(items)"
        return " \(what) are missing: their experiments have no result."
    }

    /// The caption's sentence for a figure of one training per row when the report has
    /// several seeds, e.g. " Seed 42, the first of 3."; empty with one seed.
    static func firstSeedNote(_ context: FigureContext) -> String {
        context.replicates.seeds.count > 1 ? " Seed \(context.seed), the first of \(context.replicates.seeds.count)." : ""
    }

    /// A legend of its own inside a multiplot: a plot of nothing (every entry plots NaN)
    /// in the screen box [left, right] × [bottom, top], entries side by side. A panel's
    /// own key is limited to the panel's width and covers its data; this one is not.
    /// Border, tics and grid are turned back on afterwards (the next panel sets its own).
    static func legendStrip(_ entries: [String], left: Double, right: Double, top: Double, bottom: Double,
                            maxRows: Int = 1) -> String {
        """
        # ── legend strip
        set lmargin at screen \(num(left)); set rmargin at screen \(num(right))
        set tmargin at screen \(num(top)); set bmargin at screen \(num(bottom))
        unset border; unset tics; unset grid; unset title; unset xlabel; unset ylabel
        set xrange [0:1]; set yrange [0:1]
        set key center center horizontal maxrows \(maxRows) Left reverse font ",10" samplen 2.5 width 1 noopaque nobox
        plot \(entries.map { "NaN " + $0 }.joined(separator: ", "))
        unset key
        set border; set tics; set grid

        """
    }

    /// Common settings of every result figure.
    static let preamble = """
    set encoding utf8
    set grid lc rgb "#dddddd" lw 1
    set border lw 1
    set key opaque box lw 0.5 samplen 2 spacing 1.1
    """
}
