import Testing
import PNNMetrics

/// The collapsed-replicate rules on hand-checked samples (SciPy's MAD and the same rule in
/// Python are compared in SciPyReplicateReferenceTests).
@Suite struct CollapseRuleTests {
    @Test func flagsTheCollapsedSeed() throws {
        // median 93.4, |x − m| = [0, 0.1, 9.5, 0, 0.1], MAD = 0.1, MAD_σ = 0.148:
        // limit 93.4 − max(3.5·0.148, 5) = 88.4 with a floor of 5 points.
        let points = [93.4, 93.5, 83.9, 93.4, 93.5]
        #expect(try CollapseRule(floor: 5).collapsed(points) == [2])
        #expect(abs(try CollapseRule.scaledMAD(points) - 0.1 / 0.6744897501960817) < 1e-12)
        // The same in ROC-AUC units with the default floor of 0.05.
        #expect(try CollapseRule().collapsed([0.934, 0.935, 0.839, 0.934, 0.935]) == [2])
        // A failed seed among three (ROC-AUC ≈ 0.5).
        #expect(try CollapseRule().collapsed([0.931, 0.502, 0.944]) == [1])
    }

    @Test func leavesATightSampleAlone() throws {
        #expect(try CollapseRule().collapsed([0.93, 0.94, 0.92, 0.935, 0.925]).isEmpty)
        #expect(try CollapseRule().collapsed([0.8812, 0.8934, 0.8701, 0.8867, 0.8790]).isEmpty)
    }

    @Test func onlyLowValuesCount() throws {
        // An unusually good seed is not a failure.
        #expect(try CollapseRule().collapsed([0.70, 0.71, 0.99, 0.70, 0.71]).isEmpty)
    }

    @Test func floorGuardsAZeroMAD() throws {
        // More than half the values equal: MAD = 0, and the floor alone sets the limit 0.85.
        #expect(try CollapseRule.scaledMAD([0.9, 0.9, 0.9, 0.9, 0.86]) == 0)
        #expect(try CollapseRule().collapsed([0.9, 0.9, 0.9, 0.9, 0.86]).isEmpty)
        #expect(try CollapseRule().collapsed([0.9, 0.9, 0.9, 0.9, 0.84]) == [4])
        #expect(try CollapseRule().collapsed([0.75, 0.75, 0.75]).isEmpty)
        // With no floor, any value below a zero-MAD median counts.
        #expect(try CollapseRule(floor: 0).collapsed([0.9, 0.9, 0.9, 0.8999]) == [3])
    }

    @Test func fewerThanThreeValuesFlagNothing() throws {
        #expect(try CollapseRule().collapsed([0.93, 0.5]).isEmpty)
        #expect(try CollapseRule().collapsed([0.5]).isEmpty)
        #expect(try CollapseRule.scaledMAD([0.5]) == 0)
        // The absolute rule still sees them.
        #expect(try CollapseRule.below(0.6, in: [0.93, 0.5]) == [1])
    }

    @Test func absoluteRule() throws {
        #expect(try CollapseRule.below(0.6, in: [0.59, 0.6, 0.61, 0.2]) == [0, 3])
        #expect(try CollapseRule.below(0.6, in: [0.7, 0.8]).isEmpty)
        // Half the seeds collapsed: the median is a collapsed value, only the absolute rule helps.
        let half = [0.51, 0.93, 0.50, 0.94]
        #expect(try CollapseRule().collapsed(half).isEmpty)
        #expect(try CollapseRule.below(0.6, in: half) == [0, 2])
    }

    @Test func invalidInput() throws {
        #expect(throws: MetricsError.self) { try CollapseRule().collapsed([0.9, .nan, 0.8]) }
        #expect(throws: MetricsError.noReplicates) { try CollapseRule().collapsed([]) }
        #expect(throws: MetricsError.nonFiniteReplicate(index: 1, value: .infinity)) {
            try CollapseRule.below(0.6, in: [0.9, .infinity])
        }
        #expect(throws: MetricsError.self) { try CollapseRule(k: -1).collapsed([0.9, 0.8, 0.7]) }
        #expect(throws: MetricsError.self) { try CollapseRule(floor: .nan).collapsed([0.9, 0.8, 0.7]) }
    }
}
