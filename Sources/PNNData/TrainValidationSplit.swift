import PNNEngine

/// The seeded 75 % / 25 % split of a training file into training and validation events
/// (paper §4.3.1), stratified: within every (label, mass) group — each signal mass, and
/// the background of each assigned mass — ⌊0.75·n⌉ events go to training. The split is
/// therefore 75/25 per class and per mass, also for HEPMASS-IMB's 2k-event 1500 GeV
/// group. Group g is shuffled with the `.split` stream at index g (groups in order of
/// (label, mass)); both halves keep the input order.
public struct TrainValidationSplit {
    public let train: EventDataset
    public let validation: EventDataset

    /// The paper's training share of every group.
    public static let paperTrainFraction = 0.75

    public init(_ d: EventDataset, seed: UInt64, trainFraction: Double = paperTrainFraction) {
        precondition(trainFraction > 0 && trainFraction < 1)
        var groups = [GroupKey: [Int]]()
        for i in 0..<d.count {
            // A missing parameter (NaN) is one group, not one per event (NaN ≠ NaN).
            let point = d.point(i).map { $0.isNaN ? -Float.infinity : $0 }
            groups[GroupKey(label: d.label[i], point: point), default: []].append(i)
        }
        var inTrain = [Bool](repeating: false, count: d.count)
        for (g, key) in groups.keys.sorted().enumerated() {
            var rows = groups[key]!
            var stream = RandomStream(seed: seed, purpose: .split, index: UInt64(g))
            stream.shuffle(&rows)
            let n = Int((Double(rows.count) * trainFraction).rounded())
            for i in rows.prefix(n) { inTrain[i] = true }
        }
        train = d.subset((0..<d.count).filter { inTrain[$0] })
        validation = d.subset((0..<d.count).filter { !inTrain[$0] })
    }

    struct GroupKey: Hashable, Comparable {
        let label: UInt8
        let point: [Float]
        static func < (a: GroupKey, b: GroupKey) -> Bool {
            a.label != b.label ? a.label < b.label : ParameterPoint.precedes(a.point, b.point)
        }
    }
}
