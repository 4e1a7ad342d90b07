import Foundation
import Testing
@testable import PNNBench

/// The HTCondor files of `bench submit condor` for a partial (resumed) submission, and
/// reading condor_submit_dag's answer. The full file set is checked against HTCondor's own
/// parser in BenchCLITests/CondorSubmitTests.
@Suite struct CondorScriptsTests {
    @Test func resumedSubmissionQueuesItsShardsOnly() {
        let scripts = CondorScripts(job: SlurmScriptsTests.job(shards: [2, 4]))
        #expect(scripts.train.hasSuffix("queue shard from (\n  2\n  4\n)\n"))
        #expect(!scripts.train.contains("request_memory") && !scripts.train.contains("max_materialize"))
        #expect(scripts.train.contains("request_cpus = 8\n"))
        #expect(scripts.trainScript.contains("--threads 8 --shard \"$1\"/4 'table3/*'"))
        // The data folder's blank survives the shell quoting.
        #expect(scripts.trainScript.contains("'--data-dir' '/data/hep mass'"))
        #expect(scripts.collect.hasSuffix("\nqueue\n") && !scripts.collect.contains("$(shard)"))
    }

    @Test func clusterIDFromCondorSubmitDag() {
        let answer = """
            -----------------------------------------------------------------------
            File for submitting this DAG to HTCondor           : pnnbench.dag.condor.sub
            Log of DAGMan debugging messages                 : pnnbench.dag.dagman.out
            Submitting job(s).
            1 job(s) submitted to cluster 4711.
            -----------------------------------------------------------------------
            """
        #expect(CondorScripts.clusterID(answer) == "4711")
        #expect(CondorScripts.clusterID("ERROR: out of memory") == nil)
    }
}
