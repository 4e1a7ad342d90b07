import Foundation
import Testing
@testable import PNNBench

/// The sbatch scripts of `bench submit slurm`: every option where sbatch and bench expect it.
@Suite struct SlurmScriptsTests {
    static func job(shards: [Int] = [1, 2, 3, 4], seeds: ReplicateSeeds = ReplicateSeeds(count: 2)) -> ClusterJob {
        let configuration = PipelineConfiguration(suite: "paper", scale: "smoke", data: .hepmass, dataDirectory: "/data/hep mass",
                                                  seeds: seeds, threads: nil, root: URL(fileURLWithPath: "/proj"),
                                                  workDirectory: URL(fileURLWithPath: "/shared/work"))
        return ClusterJob(bench: "/opt/bench", configuration: configuration, patterns: ["table3/*"], shardCount: 4, shards: shards,
                          cpusPerTask: 8, directory: URL(fileURLWithPath: "/shared/work/submit/slurm-001"))
    }

    /// A suite given as a file path reaches the cluster's tasks as an absolute path: they
    /// may start in another folder.
    @Test func aSuiteFileIsPassedByItsAbsolutePath() {
        let configuration = PipelineConfiguration(suite: "examples/toy-grid.yaml", scale: "smoke", data: .sim, dataDirectory: nil,
                                                  seeds: ReplicateSeeds(count: 1), threads: nil, root: URL(fileURLWithPath: "/proj"),
                                                  workDirectory: URL(fileURLWithPath: "/shared/work"))
        let job = ClusterJob(bench: "/opt/bench", configuration: configuration, patterns: [], shardCount: 1, shards: [1],
                             cpusPerTask: 2, directory: URL(fileURLWithPath: "/shared/work/submit/slurm-001"))
        let cwd = FileManager.default.currentDirectoryPath
        #expect(job.suiteArguments.prefix(2) == ["--suite", URL(fileURLWithPath: cwd).appendingPathComponent("examples/toy-grid.yaml").standardizedFileURL.path])
        #expect(Self.job().suiteArguments.prefix(2) == ["--suite", "paper"])
    }

    @Test func trainScriptIsAnArrayOfShards() {
        let scripts = SlurmScripts(job: Self.job(), partition: "short", time: "2:00:00", memory: "6G", account: "hep",
                                   extraLines: ["--qos=low", "--constraint=avx512"], maxRunning: 2)
        let lines = scripts.train.split(separator: "\n").map(String.init)
        #expect(lines[0] == "#!/bin/bash")
        for line in ["#SBATCH --job-name=pnnbench-train", "#SBATCH --array=1-4%2", "#SBATCH --cpus-per-task=8",
                     "#SBATCH --partition=short", "#SBATCH --time=2:00:00", "#SBATCH --mem=6G", "#SBATCH --account=hep",
                     "#SBATCH --qos=low", "#SBATCH --constraint=avx512",
                     "#SBATCH --output=/shared/work/submit/slurm-001/logs/train-%A_%a.out"] {
            #expect(lines.contains(line), "missing \(line)")
        }
        // Every #SBATCH line comes before the first command (sbatch stops reading at it).
        let firstCommand = lines.firstIndex { !$0.hasPrefix("#") }!
        #expect(lines[firstCommand...].allSatisfy { !$0.hasPrefix("#SBATCH") })
        let command = lines.last!
        #expect(command == "exec '/opt/bench' run '--suite' 'paper' '--scale' 'smoke' '--data' 'hepmass' '--data-dir' '/data/hep mass' "
                + "'--seeds' '42,43' '--root' '/proj' '--work-dir' '/shared/work' --threads 8 --shard ${SLURM_ARRAY_TASK_ID}/4 'table3/*'")
    }

    @Test func collectRunsCompareThenReportAndKeepsCompareStatus() {
        let collect = SlurmScripts(job: Self.job()).collect
        #expect(collect.contains("#SBATCH --job-name=pnnbench-collect"))
        #expect(!collect.contains("--array"))
        #expect(collect.contains("'/opt/bench' compare '--suite' 'paper' '--scale' 'smoke'"))
        #expect(collect.contains("|| status=$?"))
        #expect(collect.contains("report '--suite' 'paper'") && collect.contains("--render --out '/shared/work/submit/slurm-001/report'"))
        #expect(collect.hasSuffix("exit $status\n"))
        #expect(SlurmScripts.collectArguments(arrayID: "77") == ["--parsable", "--dependency=afterok:77", "--kill-on-invalid-dep=yes"])
    }

    @Test func resumeArraysListTheShardsAndOneSeedIsAList() {
        #expect(SlurmScripts(job: Self.job(shards: [3])).train.contains("#SBATCH --array=3\n"))
        #expect(SlurmScripts(job: Self.job(shards: [1, 3, 4])).train.contains("#SBATCH --array=1,3,4\n"))
        // "7" would mean seven seeds: one seed is written as the list "7,".
        #expect(SlurmScripts(job: Self.job(seeds: try! ReplicateSeeds([7]))).train.contains("'--seeds' '7,'"))
        #expect(ClusterJob.quote("it's") == "'it'\\''s'")
    }
}
