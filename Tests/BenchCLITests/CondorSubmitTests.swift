import Foundation
import Testing

/// `bench submit condor --dry-run` against what HTCondor's own parsers made of the same
/// files (Tools/reference/condor_submit_check.py, run with the `htcondor` bindings; CI only
/// reads its fixture): the text is the one the parsers saw, every option lands in the
/// command that carries it, and the queue expands to exactly the shards, which together
/// hold every (experiment, seed) once.
@Suite struct CondorSubmitTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let files = ["train.sub", "collect.sub", "pnnbench.dag", "train.sh", "collect.sh"]

    struct Parsed: Decodable {
        var commands: [String: String]
        var queue: String
        var items: [[String: String]]
    }

    struct Fixture: Decodable {
        var arguments: [String]
        var files: [String: String]
        var train: Parsed
        var collect: Parsed
        var dagAccepted: Bool
        var brokenDagsRejected: [String: String]
        var brokenSubmitRejected: String
    }

    static func fixture() throws -> Fixture {
        let url = packageRoot.appendingPathComponent("Tests/PNNBenchTests/Fixtures/condor/condor_submit_check.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func dryRunWritesWhatHTCondorParsed() throws {
        let fixture = try Self.fixture()
        let scratch = try BenchProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let work = scratch.appendingPathComponent("work")
        let root = Self.packageRoot.standardizedFileURL.path
        let arguments = fixture.arguments.map { $0 == "{ROOT}" ? root : $0 == "{WORK}" ? work.path : $0 }
        let run = try BenchProcess.run(arguments, in: scratch)
        #expect(run.status == 0, "\(run.stderr)")

        let folder = work.appendingPathComponent("submit/condor-001")
        for name in Self.files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: work.path, with: "{WORK}").replacingOccurrences(of: root, with: "{ROOT}")
            #expect(text == fixture.files[name], "\(name) differs from the text HTCondor's parser saw: run Tools/reference/condor_submit_check.py again")
        }
        for script in ["train.sh", "collect.sh"] {
            #expect(FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(script).path))
        }

        // The parsers' reading of each option.
        let train = fixture.train.commands
        #expect(train["universe"] == "vanilla" && train["should_transfer_files"] == "NO")
        #expect(train["executable"] == "{WORK}/submit/condor-001/train.sh" && train["arguments"] == "$(shard)")
        #expect(train["request_cpus"] == "2" && train["request_memory"] == "3GB" && train["max_materialize"] == "2")
        #expect(train["MY.JobFlavour"] == "\"longlunch\"")
        #expect(train["output"] == "{WORK}/submit/condor-001/logs/train-$(ClusterId)_$(shard).out")
        #expect(fixture.files["train.sh"]?.contains("--threads 2 --shard \"$1\"/5 '*'") == true)
        let collect = fixture.collect.commands
        #expect(collect["executable"] == "{WORK}/submit/condor-001/collect.sh" && collect["request_cpus"] == "2")
        #expect(collect["MY.JobFlavour"] == "\"longlunch\"" && collect["max_materialize"] == nil)
        #expect(fixture.collect.queue.isEmpty && fixture.collect.items.isEmpty)       // one job
        #expect(fixture.files["collect.sh"]?.contains("report '--suite' 'paper'") == true)

        // The DAG: condor_submit_dag's checks passed (and do reject a misspelt command); its
        // nodes are the two submit descriptions, the collect the child of the trainings.
        #expect(fixture.dagAccepted && !fixture.brokenDagsRejected.isEmpty && !fixture.brokenSubmitRejected.isEmpty)
        let dagLines = fixture.files["pnnbench.dag"]!.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(dagLines == ["JOB train {WORK}/submit/condor-001/train.sub", "JOB collect {WORK}/submit/condor-001/collect.sub",
                             "PARENT train CHILD collect"])

        // The queue expands to shards 1…5, and `bench list` puts each of the 58 × 2 trainings
        // in exactly one of them.
        #expect(fixture.train.queue == "shard from (")
        let shards = fixture.train.items.compactMap { $0["shard"].flatMap(Int.init) }
        #expect(shards == Array(1...5) && fixture.train.items.allSatisfy { $0.count == 1 })
        let list = try BenchProcess.run(["list", "--scale", "smoke", "--seeds", "2", "--shards", "5", "--root", root], in: scratch)
        #expect(list.status == 0, "\(list.stderr)")
        var seen: [String: Int] = [:]
        var listed: [Int] = []
        for line in list.stdout.split(separator: "\n") where line.hasPrefix("shard ") {
            listed.append(Int(line.dropFirst(6).prefix { $0.isNumber })!)
            let trainings = line.components(separatedBy: " — ").last!.components(separatedBy: ", ")
            for training in trainings { seen[training, default: 0] += 1 }
        }
        #expect(listed == shards)
        #expect(seen.count == 116 && seen.values.allSatisfy { $0 == 1 })
    }

    /// `--resume` queues only the shards that miss results; a work folder with blanks is
    /// refused (DAG files split on blanks) before anything is written.
    @Test func resumeQueuesMissingShardsAndBlanksAreRefused() throws {
        let root = try RunCommandTests.root()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("shared")
        let common = ["--suite", "mini", "--scale", "tiny", "--seeds", "2", "--root", root.path, "--work-dir", work.path]
        #expect(try BenchProcess.run(["run"] + common + ["--shard", "2/3", "table3/*"], in: root).status == 0)
        let resume = try BenchProcess.run(["submit", "condor"] + common + ["--shards", "3", "--resume", "--dry-run"], in: root)
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("shards with missing results: 1, 3"), "\(resume.stdout)")
        let train = try String(contentsOf: work.appendingPathComponent("submit/condor-001/train.sub"), encoding: .utf8)
        #expect(train.hasSuffix("queue shard from (\n  1\n  3\n)\n"))

        let blank = root.appendingPathComponent("with blank")
        let refused = try BenchProcess.run(["submit", "condor", "--suite", "mini", "--scale", "tiny", "--root", root.path,
                                            "--work-dir", blank.path, "--dry-run"], in: root)
        #expect(refused.status == 2 && refused.stderr.contains("blanks"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: blank.path))
        let queue = try BenchProcess.run(["submit", "condor"] + common + ["--extra", "queue 3", "--dry-run"], in: root)
        #expect(queue.status == 2 && queue.stderr.contains("queue statement"))
    }
}
