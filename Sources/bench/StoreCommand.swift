import ArgumentParser
import Foundation
import PNNBench

/// `bench store`: what the work folder's result store holds, and removing what no suite uses.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "List the stored results per suite and scale as current, stale or orphaned; remove stale or orphaned ones.",
        discussion: """
        Judges every result in <work-dir>/results by its key, against the suites (default: \
        every suite in Suites/; --suite FILE.yaml for one kept elsewhere, repeatable) at \
        every scale of Suites/scales.yaml, with the data of --data and this engine version:

          current    the key a suite's experiment gives today: compare, report and status use it
          stale      the suite still has the experiment at that scale and data source, but its
                     definition changed (suite, scale, data files or engine version); the fields
                     that differ are shown. Never used again.
          orphaned   no suite has the experiment, or its scale is gone from scales.yaml
          unchecked  of other data than --data (e.g. HEPMASS results when listing --data sim),
                     or its data cannot be identified; never removed

        Results of a suite kept outside Suites/ are orphaned unless that suite is named \
        with --suite: name it before removing orphaned results.

        --remove stale|orphaned (repeatable) deletes those results with their timing files \
        and trained networks (<work-dir>/models). It needs the store to itself: while any \
        `bench run`, `bench all` or `bench report` holds it (<work-dir>/store.lock) the \
        removal is refused, naming the holders, and nothing is deleted.

        EXIT STATUS
          0 listed (and removed as asked); 1 the store is in use, nothing removed;
          2 bad options, suites or scales.
        """)

    enum Removable: String, ExpressibleByArgument, CaseIterable {
        case stale, orphaned
    }

    @Option(name: .customLong("suite"), help: "A suite to judge against (name in Suites/ or path of a .yaml file); repeatable (default: every suite in Suites/).")
    var suites: [String] = []

    @Option(help: "Data the results are checked for: sim, hepmass or hepmass-imb (with --data-dir).")
    var data: DataChoice = .sim

    @Option(help: "Folder with the real data (see bench run --help); needed with --data hepmass or hepmass-imb.")
    var dataDir: String?

    @Option(help: "Remove the results in this state: stale or orphaned; repeatable.")
    var remove: [Removable] = []

    @Flag(help: "Also list every current result (default: only their count).")
    var all = false

    @Option(help: "Folder for results and cached data (default: .bench in the current folder).")
    var workDir: String = ".bench"

    @Option(help: "Folder holding Suites/, Baselines/ and Reports/ (default: the current folder).")
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let template = PipelineConfiguration(suite: "paper", scale: "default", data: data, dataDirectory: dataDir,
                                             seeds: .standard, threads: nil, root: rootURL, workDirectory: URL(fileURLWithPath: workDir))
        let names = suites.isEmpty ? SuiteRegistry.availableSuites(directory: template.suitesDirectory) : suites
        guard !names.isEmpty else {
            throw ValidationError("no suites in \(template.suitesDirectory.path) (run from the PNNBench folder, pass --root, or name one with --suite)")
        }
        // Removal judges the store while holding it, so no run adds a result in between.
        let lock: StoreLock?
        do {
            lock = remove.isEmpty ? nil : try StoreLock(.exclusive, workDirectory: template.workDirectory)
        } catch let busy as StoreLock.Busy {
            FileHandle.standardError.write(Data("bench store: \(busy); nothing removed\n".utf8))
            throw ExitCode(1)
        }
        let inventory = try StoreInventory.take(template, suites: names)
        print(render(inventory, directory: template.resultsDirectory.path))
        if let lock {
            let removed = try inventory.remove(Set(remove.map { StoreInventory.State(rawValue: $0.rawValue)! }), lock: lock)
            print("removed \(removed.count) result(s)" + (removed.isEmpty ? "" : ": " + removed.map(\.result.key).joined(separator: ", ")))
        }
    }

    func render(_ inventory: StoreInventory, directory: String) -> String {
        var out = ["\(inventory.entries.count) result(s) in \(directory), judged with data \(data.rawValue)"]
        struct Group: Hashable, Comparable {
            var suite: String, scale: String
            static func < (a: Group, b: Group) -> Bool { (a.suite, a.scale) < (b.suite, b.scale) }
        }
        let groups = Dictionary(grouping: inventory.entries) { Group(suite: $0.suite ?? "(no suite)", scale: $0.result.scale.name) }
        for group in groups.keys.sorted() {
            let entries = groups[group]!
            let counts = StoreInventory.State.allCases.compactMap { state -> String? in
                let n = entries.filter { $0.state == state }.count
                return n == 0 ? nil : "\(n) \(state.rawValue)"
            }
            out.append("suite \(group.suite), scale \(group.scale): " + counts.joined(separator: ", "))
            for entry in entries.sorted(by: { ($0.result.spec.id, $0.result.seed, $0.result.key) < ($1.result.spec.id, $1.result.seed, $1.result.key) })
            where all || entry.state != .current {
                let what = "\(entry.result.spec.id) seed \(entry.result.seed) [\(entry.result.key)]"
                out.append("  \(entry.state.rawValue): \(what)" + (entry.detail.isEmpty ? "" : ": \(entry.detail)"))
            }
        }
        return out.joined(separator: "\n")
    }
}
