import Foundation
import PNNData
import PNNEngine

/// Where the events come from.
public enum DataSource: Hashable, Sendable {
    /// HEPMASS-SIM, the embedded generator (fixed data seed), with its physics parameters.
    case simulator(SimulationParameters = .default)
    /// The UCI HEPMASS files in a folder; HEPMASS-IMB is built from its training file.
    case hepmass(directory: String)
    /// As `hepmass`, but HEPMASS-IMB is the authors' published files in the folder
    /// (`HEPMASSIMBFiles`) when they are there, and is built only when they are not.
    case hepmassIMB(directory: String)

    public var name: String {
        switch self {
        case .simulator: return "sim"
        case .hepmass: return "hepmass"
        case .hepmassIMB: return "hepmass-imb"
        }
    }
}

/// Where HEPMASS-IMB's training events come from with real data.
public enum HEPMASSIMBOrigin: Equatable, Sendable {
    /// Built from HEPMASS's training file with the paper's signal counts (`HEPMASSIMBBuilder`).
    case built
    /// The authors' published files at these paths.
    case published(signal: String, background: String)
}

/// A data set ready for the runner: the training file's events (split 75/25 later, per
/// experiment seed) and the test events, with their identity.
public struct PreparedData: @unchecked Sendable {
    public let train: EventDataset
    public let test: EventDataset
    public let identity: DataIdentity
    /// Background process names by id (`EventDataset.process`) of a declared data set (one
    /// empty name when it has no process column); empty for HEPMASS.
    public var processNames: [String] = []
}

/// Builds (and keeps, for the process's lifetime) the data sets a suite needs.
///
/// With real data HEPMASS-IMB is built from HEPMASS's training file, unless the source is
/// `.hepmassIMB` and the authors' published files are in the folder (`hepmassIMBOrigin`);
/// the test set is HEPMASS's `all_test` either way.
///
/// The simulator's events are generated with a fixed data seed, so that, as with the real
/// HEPMASS files, the data do not change with `--seed`, which steers training only.
/// HEPMASS-IMB keeps HEPMASS's proportions: its training set holds 4.034M of the 7M events
/// (paper Table 1), so on the simulator it gets trainEvents × 4.034/7 events with the
/// imbalanced composition.
public final class DatasetProvider {
    public static let simulatorDataSeed: UInt64 = 2016
    public let source: DataSource
    public let scale: Scale
    public let threads: Int
    /// The data sets a suite declares (`datasets:`), by name, and where their relative
    /// paths are looked up (the suite's folder, then `--data-dir`).
    public let declarations: [String: DatasetDeclaration]
    public let searchDirectories: [String]
    private var cache: [DatasetKind: PreparedData] = [:]
    private var imbalancedOrigin: HEPMASSIMBOrigin?

    public init(source: DataSource, scale: Scale, threads: Int,
                declarations: [String: DatasetDeclaration] = [:], searchDirectories: [String] = []) {
        self.source = source
        self.scale = scale
        self.threads = threads
        self.declarations = declarations
        self.searchDirectories = searchDirectories
    }

    /// What training does with negative weights in `kind`'s data (its declaration's
    /// policy; `keep` for HEPMASS, whose events are unweighted).
    public func negativeWeights(_ kind: DatasetKind) -> NegativeWeightPolicy {
        declarations[kind.rawValue]?.negativeWeights ?? .keep
    }

    /// HEPMASS's own sizes, used by the simulator when a scale says "whole files".
    public static let hepmassTrainEvents = 7_000_000
    public static let hepmassTestEvents = 3_500_000

    /// The data sets generated or read so far.
    public var preparedKinds: Set<DatasetKind> { Set(cache.keys) }

    /// Where identities of data on disk are kept between processes; nil: computed from
    /// the events every time.
    public var identityCache: DataIdentityCache?
    private var identities: [DatasetKind: DataIdentity] = [:]

    /// The identity of `kind`'s data. For the simulator it follows from the generator's
    /// parameters, the data seed and the event counts, so no event is generated; for
    /// files it fingerprints their events (read once and kept), unless `identityCache`
    /// holds the identity for the files as they are now. Its `source` is "sim",
    /// "hepmass", "hepmass-imb" for the published HEPMASS-IMB files, or "declared".
    public func identity(_ kind: DatasetKind) throws -> DataIdentity {
        if let cached = cache[kind] { return cached.identity }
        if let known = identities[kind] { return known }
        if !kind.isDeclared, case .simulator(let parameters) = source {
            let (train, test) = simulatorEvents(kind)
            return Self.simulatorIdentity(parameters, kind: kind, trainEvents: train, testEvents: test, imbSignal: scale.imbSignal)
        }
        let identity: DataIdentity
        if let identityCache {
            let (request, files) = try identityInputs(kind)
            identity = try identityCache.identity(request: request, files: files) { try data(kind).identity }
        } else {
            identity = try data(kind).identity
        }
        identities[kind] = identity
        return identity
    }

    /// Version of the fingerprints below: cached identities of another format are not used.
    static let identityFormat = 2

    /// What the identity of file-based `kind` depends on besides its files' contents,
    /// and the files it is read from (as `data` would read them; nothing is opened).
    func identityInputs(_ kind: DatasetKind) throws -> (request: String, files: [String]) {
        let caps = "train=\(scale.trainEvents.map(String.init) ?? "all") test=\(scale.testEvents.map(String.init) ?? "all")"
        let request = "format=\(Self.identityFormat) kind=\(kind.rawValue) \(caps)\(Self.imbSignalTag(kind, scale.imbSignal)) dataSeed=\(Self.simulatorDataSeed)"
        if kind.isDeclared {
            guard let declaration = declarations[kind.rawValue] else { return (request, []) }
            return (request + " declaration=\(Self.declarationHash(declaration))", try DeclaredDatasetReader.inputFiles(declaration, directories: searchDirectories))
        }
        switch source {
        case .simulator:
            return (request, [])
        case .hepmass(let directory), .hepmassIMB(let directory):
            let test = try HEPMASSFiles.locate(HEPMASSFiles.testName, in: directory)
            if kind.isImbalanced, case let .published(signal, background)? = try hepmassIMBOrigin() {
                return (request + " published", [signal, background, test])
            }
            return (request + " built", [try HEPMASSFiles.locate(HEPMASSFiles.trainName, in: directory), test])
        }
    }

    /// Where HEPMASS-IMB comes from with real data, looked up once so that what a run
    /// prints and what it reads agree: the published files with `--data hepmass-imb` when
    /// both are in the folder, otherwise built. Throws when only one of them is there.
    public func hepmassIMBOrigin() throws -> HEPMASSIMBOrigin? {
        if let imbalancedOrigin { return imbalancedOrigin }
        let origin: HEPMASSIMBOrigin
        switch source {
        case .simulator: return nil
        case .hepmass: origin = .built
        case .hepmassIMB(let directory):
            origin = try HEPMASSIMBFiles.locate(in: directory).map { .published(signal: $0.signal, background: $0.background) } ?? .built
        }
        imbalancedOrigin = origin
        return origin
    }

    /// The data in words, for the line a run prints first: "sim", "hepmass", or
    /// "hepmass-imb (…)" saying whether HEPMASS-IMB is read from the published files or
    /// built from HEPMASS's training file.
    public func summary() throws -> String {
        guard case .hepmassIMB(let directory) = source else { return source.name }
        switch try hepmassIMBOrigin() {
        case let .published(signal, background)?:
            return "hepmass-imb (HEPMASS-IMB from the published files \(signal) and \(background); HEPMASS and its test set from \(directory))"
        default:
            return "hepmass-imb (no published HEPMASS-IMB files in \(directory): HEPMASS-IMB built from HEPMASS's training file)"
        }
    }

    public func data(_ kind: DatasetKind) throws -> PreparedData {
        if let cached = cache[kind] { return cached }
        return try RunPhases.shared.measure(.data) { try prepare(kind) }
    }

    private func prepare(_ kind: DatasetKind) throws -> PreparedData {
        if kind.isDeclared {
            let prepared = try declared(kind)
            cache[kind] = prepared
            return prepared
        }
        let prepared: PreparedData
        switch source {
        case .simulator(let parameters):
            let simulator = HEPMASSSimulator(parameters: parameters)
            let (trainEvents, testEvents) = simulatorEvents(kind)
            let (train, test) = simulator.trainTest(trainComposition: Self.trainComposition(kind, scale: scale), testEvents: testEvents,
                                                    seed: Self.simulatorDataSeed, threads: threads)
            // The generator's compositions sum exactly to the requested counts.
            precondition(train.count == trainEvents && test.count == testEvents)
            prepared = PreparedData(train: train, test: test,
                                    identity: Self.simulatorIdentity(parameters, kind: kind, trainEvents: trainEvents, testEvents: testEvents,
                                                                     imbSignal: scale.imbSignal))
        case .hepmass(let directory), .hepmassIMB(let directory):
            if kind.isImbalanced, case let .published(signal, background)? = try hepmassIMBOrigin() {
                let train = try HEPMASSIMBFiles.load(signal: signal, background: background, threads: threads)
                let test = try HEPMASSFiles.load(HEPMASSFiles.testName, in: directory, threads: threads)
                let reduced = scale.imbSignal == .paper ? try paperSignal(train) : cap(train, scale.trainEvents)
                prepared = Self.publishedIMB(train: reduced, test: cap(test, scale.testEvents), directory: directory)
            } else {
                // With the paper's signal counts HEPMASS-IMB is drawn from HEPMASS at the budget, not built from all of it.
                let paperCounts = kind.isImbalanced && scale.imbSignal == .paper
                let (train, test) = try HEPMASSFiles.trainTest(in: directory, imbalanced: kind.isImbalanced && !paperCounts,
                                                               seed: Self.simulatorDataSeed, threads: threads)
                let capped = (paperCounts ? try paperSignal(cap(train, scale.trainEvents)) : cap(train, scale.trainEvents),
                              cap(test, scale.testEvents))
                let identity = DataIdentity(
                    source: "hepmass",
                    description: "\(kind.isImbalanced ? "HEPMASS-IMB" : "HEPMASS") from \(directory), \(capped.0.count) training / \(capped.1.count) test events",
                    fingerprint: "hepmass kind=\(kind.rawValue)\(Self.imbSignalTag(kind, scale.imbSignal)) train=\(capped.0.count) test=\(capped.1.count) labels=\(Self.hexHash(capped.0.label)) features=\(Self.hexHash(capped.0.features)) mass=\(Self.hexHash(capped.0.mass)) \(Self.testFingerprint(capped.1))")
                prepared = PreparedData(train: capped.0, test: capped.1, identity: identity)
            }
        }
        cache[kind] = prepared
        return prepared
    }

    /// A declared data set, read from its files, each part capped at the scale's event
    /// counts like HEPMASS's files. Its identity's source is "declared"; the fingerprint
    /// holds the declaration (hashed), every file's content checksum and the counts, so a
    /// changed file, column choice or split gives results a new key.
    func declared(_ kind: DatasetKind) throws -> PreparedData {
        guard let declaration = declarations[kind.rawValue] else {
            throw DataError.invalidRequest("data set '\(kind.rawValue)' is not declared; declare it under 'datasets:' in the suite file")
        }
        let loaded = try DeclaredDatasetReader.load(declaration, directories: searchDirectories)
        let train = cap(loaded.train, scale.trainEvents), test = cap(loaded.test, scale.testEvents)
        let hash = Self.declarationHash(declaration)
        let files = loaded.files.map { "\(($0.path as NSString).lastPathComponent):\(FNV1a64.hex($0.checksum))" }.joined(separator: ",")
        let identity = DataIdentity(
            source: "declared",
            description: "\(declaration.name) (\(loaded.files.count) file\(loaded.files.count == 1 ? "" : "s"), \(train.featureCount) features, parameters \(declaration.parameters.joined(separator: ", ")), \(train.signalPoints.count) points), \(train.count) training / \(test.count) test events",
            fingerprint: "declared name=\(declaration.name) declaration=\(hash) files=\(files) train=\(train.count) test=\(test.count)")
        return PreparedData(train: train, test: test, identity: identity, processNames: loaded.processNames)
    }

    /// Training and test events the simulator generates for `kind` at this scale.
    func simulatorEvents(_ kind: DatasetKind) -> (train: Int, test: Int) {
        Self.simulatorEvents(kind, scale: scale)
    }

    /// Training and test events the simulator generates for `kind` at `scale`.
    static func simulatorEvents(_ kind: DatasetKind, scale: Scale) -> (train: Int, test: Int) {
        (trainComposition(kind, scale: scale).total, scale.testEvents ?? Self.hepmassTestEvents)
    }

    /// The training composition of `kind` at `scale` on the simulator (before the
    /// train/validation split): HEPMASS balanced with `trainEvents` events, HEPMASS-IMB
    /// as the scale's `IMBSignal` makes it from that budget.
    public static func trainComposition(_ kind: DatasetKind, scale: Scale) -> EventComposition {
        let hepmass = scale.trainEvents ?? Self.hepmassTrainEvents
        return kind.isImbalanced ? scale.imbSignalPolicy.composition(hepmassEvents: hepmass) : .balanced(events: hepmass)
    }

    /// The identity of simulated data: the hash of the generator's parameters, the data
    /// seed, the event counts and the composition (the IMB signal policy when not `scaled`).
    static func simulatorIdentity(_ parameters: SimulationParameters, kind: DatasetKind, trainEvents: Int, testEvents: Int,
                                  imbSignal: IMBSignal? = nil) -> DataIdentity {
        let hash = (try? JSONEncoder.sorted.encode(parameters)).map { FNV1a64.hex(FNV1a64.hash($0)) } ?? "?"
        let paper = !imbSignalTag(kind, imbSignal).isEmpty
        return DataIdentity(
            source: "sim",
            description: "HEPMASS-SIM (\(kind.isImbalanced ? "HEPMASS-IMB composition" + (paper ? ", the paper's signal counts" : "") : "balanced, HEPMASS composition")), \(trainEvents) training / \(testEvents) test events",
            fingerprint: "hepmass-sim params=\(hash) dataSeed=\(simulatorDataSeed) train=\(trainEvents) test=\(testEvents) kind=\(kind.rawValue)" + imbSignalTag(kind, imbSignal))
    }

    /// " imbSignal=paper" for HEPMASS-IMB with the paper's signal counts, else empty: what
    /// fingerprints and identity requests add, so the default policy keeps older keys.
    static func imbSignalTag(_ kind: DatasetKind, _ policy: IMBSignal?) -> String {
        kind.isImbalanced && policy == .paper ? " imbSignal=paper" : ""
    }

    /// HEPMASS-IMB as `IMBSignal.paper` composes it for this scale's budget, from `events`
    /// (HEPMASS capped at the budget, or the published HEPMASS-IMB): background subsampled
    /// to the composition's count, the signal at each mass to min(its count, the
    /// composition's), as `HEPMASSIMBBuilder` draws signal.
    private func paperSignal(_ input: EventDataset) throws -> EventDataset {
        var events = input
        let target = IMBSignal.paper.composition(hepmassEvents: scale.trainEvents ?? Self.hepmassTrainEvents)
        let backgroundCount = target.background.reduce(0, +)
        var background = (0..<events.count).filter { events.label[$0] == 0 }
        if background.count > backgroundCount {
            var stream = RandomStream(seed: Self.simulatorDataSeed, purpose: .subsampling, index: UInt64(events.count))
            stream.shuffle(&background)
            let kept = Set(background.prefix(backgroundCount))
            events = events.subset((0..<events.count).filter { events.label[$0] != 0 || kept.contains($0) })
        }
        let counts = zip(target.masses, target.signal).map { min(events.signalIndices(mass: $0.0).count, $0.1) }
        return try HEPMASSIMBBuilder(masses: target.masses, signalCounts: counts).build(from: events, seed: Self.simulatorDataSeed)
    }

    /// The test events' part of a HEPMASS fingerprint: hashes of their labels, features
    /// and masses, so a changed `all_test` gives results new keys.
    static func testFingerprint(_ test: EventDataset) -> String {
        "testLabels=\(hexHash(test.label)) testFeatures=\(hexHash(test.features)) testMass=\(hexHash(test.mass))"
    }

    /// FNV-1a 64 (hex) of an array's bytes, as fingerprints write it.
    static func hexHash<Element>(_ values: [Element]) -> String {
        values.withUnsafeBytes { FNV1a64.hex(FNV1a64.hash($0)) }
    }

    /// FNV-1a 64 (hex) of a declaration's identity part (sorted-key JSON).
    static func declarationHash(_ declaration: DatasetDeclaration) -> String {
        (try? JSONEncoder.sorted.encode(declaration.identityPart)).map { FNV1a64.hex(FNV1a64.hash($0)) } ?? "?"
    }

    /// The published HEPMASS-IMB with HEPMASS's test set. Its identity has its own source,
    /// "hepmass-imb", so its results never pass for those of the built set, and
    /// fingerprints labels, features and masses of the training and the test events.
    static func publishedIMB(train: EventDataset, test: EventDataset, directory: String) -> PreparedData {
        let identity = DataIdentity(
            source: "hepmass-imb",
            description: "HEPMASS-IMB from the published files (Zenodo 6453048) in \(directory), test set HEPMASS's all_test, \(train.count) training / \(test.count) test events",
            fingerprint: "hepmass-imb published train=\(train.count) test=\(test.count) labels=\(hexHash(train.label)) features=\(hexHash(train.features)) mass=\(hexHash(train.mass)) \(testFingerprint(test))")
        return PreparedData(train: train, test: test, identity: identity)
    }

    /// The first `limit` events of a seeded permutation (the files are not shuffled by mass).
    private func cap(_ d: EventDataset, _ limit: Int?) -> EventDataset {
        guard let limit, limit < d.count else { return d }
        var rows = Array(0..<d.count)
        var stream = RandomStream(seed: Self.simulatorDataSeed, purpose: .subsampling, index: UInt64(d.count))
        stream.shuffle(&rows)
        return d.subset(Array(rows.prefix(limit)).sorted())
    }
}

extension JSONEncoder {
    /// Sorted keys: the same value always encodes to the same bytes.
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
