import ArgumentParser
import PNNEngine

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Print the layers and parameter counts of the paper's architectures.",
        discussion: """
        single: no mass input. pnn: Baldi's concatenation pNN ([x, m] at the input). pnn-linear: \
        the same with linear activations. affine: the AffinePNN of the paper's Table 2.
        """)

    @Option(help: "Architecture: single, pnn, pnn-linear or affine. Repeat for several; default: all.")
    var arch: [String] = []

    func validate() throws {
        for a in arch where PaperArchitecture(rawValue: a) == nil {
            throw ValidationError("unknown architecture '\(a)'; expected one of: \(PaperArchitecture.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let selected = arch.isEmpty ? PaperArchitecture.allCases : arch.compactMap(PaperArchitecture.init(rawValue:))
        for (i, a) in selected.enumerated() {
            if i > 0 { print("") }
            print("== \(a.rawValue)")
            print(Model(spec: a.spec, seed: 42).summary)
        }
    }
}
