import Foundation
import Testing
@testable import PNNBench

/// The convergence ladder: its rungs in scales.yaml, one shard plan over all rungs, and
/// where a claim's verdict settles.
@Suite struct ConvergenceLadderTests {
    static let scales = """
    a:
      trainEvents: 1000
      testEvents: 500
      epochs: 1
      batchSize: 64
    b:
      trainEvents: 4000
      testEvents: 500
      epochs: 2
      batchSize: 64
    c:
      trainEvents: 8000
      testEvents: 500
      epochs: 1
      batchSize: 64

    """

    @Test func parsesTheLadderAndKeepsItOutOfTheScales() throws {
        let (scales, ladder) = try ScaleRegistry.parseFile(yaml: Self.scales + "ladder: [a, b]\n", file: "s.yaml")
        #expect(scales.map(\.name) == ["a", "b", "c"])
        #expect(ladder?.rungs.map(\.name) == ["a", "b"])
        #expect(try ScaleRegistry.parse(yaml: Self.scales + "ladder: [a, b]\n", file: "s.yaml").map(\.name) == ["a", "b", "c"])
        #expect(try ScaleRegistry.parseFile(yaml: Self.scales, file: "s.yaml").ladder == nil)
        #expect(ConvergenceLadder.eventEpochs(scales[1]) == 0.75 * 4000 * 2)
    }

    @Test(arguments: [
        ("ladder: [a, x]\n", "names 'x', which is not a scale of the file"),
        ("ladder: [a, b, a]\n", "names 'a' twice"),
        ("ladder: [b, c]\n", "'c' (6000 training event-epochs) must train more than 'b' before it (6000)"),
        ("ladder: [a]\n", "needs at least two scales, found 1"),
        ("ladder: a\n", "must be a list"),
    ])
    func badLadderNamesTheLine(ladder: String, fragment: String) {
        do {
            _ = try ScaleRegistry.parse(yaml: Self.scales + ladder, file: "s.yaml")
            Issue.record("should fail: \(ladder)")
        } catch let e as SuiteError {
            #expect(e.line == 16, "\(e)")
            #expect(e.message.contains(fragment), "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theRepositoryLadderRunsFromSmokeToPaper() throws {
        let ladder = try ScaleRegistry.loadLadder(directory: CompareFixtures.root.appendingPathComponent("Suites"))
        #expect(ladder.rungs.map(\.name) == ["smoke", "default", "medium", "large", "paper"])
        #expect(ConvergenceLadder.eventEpochs(ladder.rungs[4]) == 0.75 * 7_000_000 * 25)
    }

    @Test func oneScaleCommandsNameTheLadder() {
        #expect(throws: SuiteError.self) { try ScaleRegistry.load(scale: "ladder", directory: CompareFixtures.root.appendingPathComponent("Suites")) }
        do {
            _ = try ScaleRegistry.load(scale: "ladder", directory: CompareFixtures.root.appendingPathComponent("Suites"))
        } catch {
            #expect("\(error)".contains("'ladder' is the convergence ladder, every rung at once"), "\(error)")
        }
    }

    @Test(arguments: [1, 3, 10])
    func oneShardPlanOverEveryRung(count: Int) throws {
        let suites = CompareFixtures.root.appendingPathComponent("Suites")
        let paper = try SuiteRegistry.load(suite: "paper", directory: suites)
        let ladder = try ScaleRegistry.loadLadder(directory: suites)
        let specs = try paper.select(patterns: ["table4"])
        let seeds: [UInt64] = [42, 43]
        let plan = ShardPlan(specs: specs, seeds: seeds, scales: ladder.rungs, count: count)
        let all = plan.shards.flatMap { $0.map { "\($0.spec.id)@\($0.seed)@\($0.scale.name)" } }
        #expect(all.count == specs.count * seeds.count * ladder.rungs.count)
        #expect(Set(all).count == all.count)
        for training in plan.shards.flatMap({ $0 }) {
            #expect(training.cost == TrainingCost.expected(training.spec, scale: training.scale))
        }
        // Run order: rung-major, then seed, then suite order.
        let ordered = plan.shards.flatMap { $0 }.sorted { $0.order < $1.order }
        #expect(ordered.first?.scale.name == "smoke" && ordered.last?.scale.name == "paper")
        // One scale gives the plan of the one-scale initialiser.
        let one = ShardPlan(specs: specs, seeds: seeds, scales: [ladder.rungs[1]], count: count)
        let old = ShardPlan(specs: specs, seeds: seeds, scale: ladder.rungs[1], count: count)
        #expect(one.shards == old.shards)
    }

    static let ladder = ConvergenceLadder(rungs: ["smoke", "default", "medium", "large", "paper"].map {
        Scale(name: $0, trainEvents: nil, testEvents: nil, epochs: 1, batchSize: 1)
    })

    @Test(arguments: [
        ([("smoke", .fails), ("default", .holds), ("medium", .holds), ("large", .holds)], "settled at default (holds from default to large)"),
        ([("smoke", .holds), ("default", .holds), ("medium", .holds)], "settled at default (holds from smoke to medium)"),
        ([("default", .fails), ("medium", .holds), ("large", .holds)], "settles at medium (holds from medium to large)"),
        ([("default", .holds), ("medium", .holds), ("large", .fails), ("paper", .fails)], "settles at large (fails from large to paper)"),
        ([("default", .holds), ("medium", .holds), ("large", .holds), ("paper", .fails)], "settles at paper (fails from paper to paper)"),
        ([("default", .holds), ("medium", .holds), ("large", .fails)], "not settled at large (fails only there, the largest rung run)"),
        ([("default", .holds), ("medium", .inconclusive)], "not settled at medium (inconclusive there)"),
        ([("smoke", .fails), ("default", .holds), ("medium", .notRun)], "not settled (holds at default; no rung above default run)"),
        ([("default", .notRun)], "not run"),
    ] as [([(String, ClaimOutcome.Status)], String)])
    func whereAClaimSettles(verdicts: [(String, ClaimOutcome.Status)], text: String) {
        let settling = ClaimSettling(verdicts: verdicts.map { (rung: $0.0, status: $0.1) }, ladder: Self.ladder)
        #expect(settling.text == text)
    }

    /// Figure titles name the table by its title's head, cut at ":" or ". ", whichever is first.
    @Test(arguments: [
        ("Table 5. Baselines, architecture, background mass distribution: ROC-AUC", "Table 5"),
        ("Conditioning study: per-mass ROC-AUC. Twelve variants", "Conditioning study"),
        ("No separator here", "No separator here"),
    ])
    func cellFigureTitleIsTheTablesHead(title: String, head: String) {
        #expect(ConvergenceCellFigure.shortTitle(title) == head)
    }
}
