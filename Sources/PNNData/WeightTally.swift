/// The events of a data set counted by group — its signal per point, its background per
/// process — with their signed weight sum Σw = Σᵢ wᵢ (weights as given; Σw = events for an
/// unweighted data set) and how many weights are negative. One pass over the events.
public struct WeightTally: Sendable {
    public struct Group: Equatable, Encodable, Sendable {
        public var events = 0
        public var sumOfWeights = 0.0
        public var negative = 0

        public init() {}

        mutating func add(_ w: Float) {
            events += 1
            sumOfWeights += Double(w)
            if w < 0 { negative += 1 }
        }

        /// The groups together.
        public static func total(_ groups: [Group]) -> Group {
            var t = Group()
            for g in groups {
                t.events += g.events
                t.sumOfWeights += g.sumOfWeights
                t.negative += g.negative
            }
            return t
        }
    }

    /// Signal at `d.signalPoints[k]`; events at other points are not counted.
    public let signal: [Group]
    /// Background of process id k, for k in 0..<processCount.
    public let background: [Group]

    /// `processCount` must exceed every background process id of `d`.
    public init(_ d: EventDataset, processCount: Int) {
        let index = PointIndex(d.signalPoints)
        var signal = [Group](repeating: Group(), count: d.signalPoints.count)
        var background = [Group](repeating: Group(), count: processCount)
        for i in 0..<d.count {
            if d.label[i] == 1 {
                if let k = index.find(d.mass, row: i) { signal[k].add(d.eventWeight(i)) }
            } else {
                background[Int(d.process[i])].add(d.eventWeight(i))
            }
        }
        self.signal = signal
        self.background = background
    }
}
