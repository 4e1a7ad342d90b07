import Foundation
import Testing

@Suite struct PerfAndModelTests {
    @Test func modelPrintsThePaperParameterCounts() throws {
        let result = try BenchProcess.run(["model"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("== affine"))
        #expect(result.stdout.contains("total parameters: 76151"))
        #expect(result.stdout.contains("total parameters: 74051"))
        #expect(result.stdout.contains("AffineConditioning"))
    }

    @Test func perfJsonReportsEveryField() throws {
        let result = try BenchProcess.run(["perf", "--arch", "affine", "--batch", "64", "--steps", "2", "--threads", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let models = object?["models"] as? [[String: Any]]
        #expect(models?.count == 1)
        let first = models?.first ?? [:]
        for key in ["samplesPerSecond", "medianStepMilliseconds", "minStepMilliseconds", "quartileStepMilliseconds",
                    "gflopsPerSecond", "gemmBoundMilliseconds", "gemmBoundFraction", "peakResidentMegabytes", "parameters"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["parameters"] as? Int == 76151)
        // The bound times what the step multiplies: per Dense layer the forward and the
        // weight gradient, and the input gradient for all but dense0 (nothing below it learns).
        let products = (first["gemmBound"] as? [String: Any])?["products"] as? [[String: Any]] ?? []
        let names = products.map { "\($0["layer"] as? String ?? "?") \($0["form"] as? String ?? "?")" }
        #expect(products.count == 14, "\(names)")
        #expect(names.contains("dense0 X·W+b ReLU") && names.contains("dense0 Xᵀ·dY") && !names.contains("dense0 dY·Wᵀ"))
        #expect(names.contains("output X·W+b") && names.contains("output dY·Wᵀ"))
        let fraction = first["gemmBoundFraction"] as? Double ?? 0
        #expect(fraction > 0 && fraction.isFinite)
        // Scoring: dropout off at batch 4096, with its own bound.
        let inference = first["inference"] as? [String: Any] ?? [:]
        #expect(inference["batchSize"] as? Int == 4096)
        for key in ["samplesPerSecond", "medianBatchMilliseconds", "forwardBoundMilliseconds", "forwardBoundFraction"] {
            let value = inference[key] as? Double ?? 0
            #expect(value > 0 && value.isFinite, "inference.\(key)")
        }
    }

    @Test func badArgumentsExitWithStatus2() throws {
        let unknown = try BenchProcess.run(["perf", "--arch", "resnet"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown architecture 'resnet'"))
        let badThreads = try BenchProcess.run(["perf", "--threads", "0"])
        #expect(badThreads.status == 2)
    }
}
