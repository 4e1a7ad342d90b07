#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// Finds and loads the real HEPMASS files in a data directory (the runner's
/// `--data-dir`): for a name such as `all_train` it takes, in this order,
/// `NAME.pnncache` (the binary cache), `NAME.csv`, `NAME.csv.gz`. When none exists the
/// error lists the paths tried and where to download HEPMASS. The published HEPMASS-IMB
/// files are found the same way (`HEPMASSIMBFiles`).
public enum HEPMASSFiles {
    public static let trainName = "all_train"
    public static let testName = "all_test"

    /// The paths `name` may have in `directory`, most preferred first.
    static func candidates(_ name: String, in directory: String) -> [String] {
        let dir = directory.hasSuffix("/") ? directory : directory + "/"
        return [dir + name + "." + BinaryCache.fileExtension, dir + name + ".csv", dir + name + ".csv.gz"]
    }

    /// The first existing candidate file for `name` in `directory`, or nil.
    public static func existing(_ name: String, in directory: String) -> String? {
        candidates(name, in: directory).first { access($0, F_OK) == 0 }
    }

    /// The first existing candidate file for `name` in `directory`.
    public static func locate(_ name: String, in directory: String) throws -> String {
        if let path = existing(name, in: directory) { return path }
        let candidates = candidates(name, in: directory)
        throw DataError.fileNotFound(file: candidates[1], hint: "Tried \(candidates.joined(separator: ", ")). " + HEPMASSSchema.downloadHint)
    }

    /// Reads one data file, whichever of the supported kinds it is: a binary cache, one of
    /// the published HEPMASS-IMB files (recognised by its name, `HEPMASSIMBFiles.Part`),
    /// or a HEPMASS CSV (`fixedMass` for per-mass files without a mass column).
    public static func read(_ path: String, fixedMass: Float? = nil, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        if let part = HEPMASSIMBFiles.Part(path: path) { return try HEPMASSIMBFiles.read(path, part: part, threads: threads) }
        if path.hasSuffix("." + BinaryCache.fileExtension) { return try BinaryCache.read(path, threads: threads) }
        var options = HEPMASSReader.Options()
        options.fixedMass = fixedMass
        options.threads = threads
        return try HEPMASSReader(options: options).read(path)
    }

    /// Loads `name` from `directory` (cache or CSV).
    public static func load(_ name: String, in directory: String, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        try read(locate(name, in: directory), threads: threads)
    }

    /// HEPMASS (imbalanced: false) or HEPMASS-IMB (true, built from the training file
    /// with `seed`) training set, and HEPMASS's test set.
    public static func trainTest(in directory: String, imbalanced: Bool, seed: UInt64,
                                 threads: Int = WorkerPool.availableCores) throws -> (train: EventDataset, test: EventDataset) {
        var train = try load(trainName, in: directory, threads: threads)
        if imbalanced { train = try HEPMASSIMBBuilder().build(from: train, seed: seed) }
        return (train, try load(testName, in: directory, threads: threads))
    }
}
