import Testing
import PNNMetrics

/// Degenerate input is refused with a typed error that says what is wrong.
@Suite struct MetricsErrorTests {
    @Test func emptyInput() {
        #expect(throws: MetricsError.emptyInput) { try RankedEvents(scores: [], labels: [Bool]()) }
    }

    @Test func allWeightsZeroIsEmpty() {
        #expect(throws: MetricsError.emptyInput) { try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [0, 0]) }
    }

    @Test func onlySignal() {
        #expect(throws: MetricsError.singleClass(presentClass: .signal, count: 3)) {
            try RankedEvents(scores: [0.1, 0.2, 0.3], labels: [true, true, true])
        }
        let text = MetricsError.singleClass(presentClass: .signal, count: 3).description
        #expect(text.contains("only signal") && text.contains("add background"))
    }

    @Test func onlyBackground() {
        #expect(throws: MetricsError.singleClass(presentClass: .background, count: 2)) {
            try ClassificationMetrics(scores: [0.1, 0.2], labels: [false, false])
        }
    }

    @Test func nonFiniteScore() {
        #expect(throws: MetricsError.self) { try RankedEvents(scores: [0.1, .nan], labels: [true, false]) }
        #expect(throws: MetricsError.nonFiniteScore(index: 0, value: .infinity)) {
            try RankedEvents(scores: [.infinity, 0.3], labels: [true, false])
        }
    }

    @Test func nonFiniteWeight() {
        #expect(throws: MetricsError.invalidWeight(index: 1, value: .infinity)) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [1, .infinity])
        }
        #expect(MetricsError.invalidWeight(index: 1, value: .infinity).description == "weight #1 is inf: every weight must be a finite number")
    }

    /// A negative weight is valid; a class whose weights sum to ≤ 0 is not.
    @Test func negativeTotalWeight() {
        #expect(throws: MetricsError.nonPositiveTotalWeight(eventClass: .background, total: -1)) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true, false], weights: [1, -1])
        }
    }

    @Test func mismatchedLengths() {
        #expect(throws: MetricsError.lengthMismatch(scores: 2, labels: 1, weights: nil)) {
            try RankedEvents(scores: [0.1, 0.2], labels: [true])
        }
    }

    @Test func integerLabelsMustBeZeroOrOne() {
        #expect(throws: MetricsError.self) { try RankedEvents(scores: [0.1, 0.2], labels: [1, 2]) }
    }

    @Test func zeroBinsIsAnError() throws {
        let sweep = ThresholdSweep(try RankedEvents(scores: [0.1, 0.2], labels: [true, false]))
        #expect(throws: MetricsError.self) { try SignificanceScan.binned(sweep, bins: 0) }
    }
}
