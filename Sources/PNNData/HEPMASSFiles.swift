#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import PNNEngine

/// Finds and loads the real HEPMASS files in a data directory (the runner's
/// `--data-dir`): for a name such as `all_train` it takes, in this order,
/// `NAME.pnncache` (the binary cache), `NAME.csv`, `NAME.csv.gz`. When none exists the
/// error lists the paths tried and where to download HEPMASS.
public enum HEPMASSFiles {
    public static let trainName = "all_train"
    public static let testName = "all_test"

    /// The first existing candidate file for `name` in `directory`.
    public static func locate(_ name: String, in directory: String) throws -> String {
        let dir = directory.hasSuffix("/") ? directory : directory + "/"
        let candidates = [dir + name + "." + BinaryCache.fileExtension, dir + name + ".csv", dir + name + ".csv.gz"]
        for path in candidates where access(path, F_OK) == 0 { return path }
        throw DataError.fileNotFound(file: candidates[1], hint: "Tried \(candidates.joined(separator: ", ")). " + HEPMASSSchema.downloadHint)
    }

    /// Loads `name` from `directory` (cache or CSV).
    public static func load(_ name: String, in directory: String, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        let path = try locate(name, in: directory)
        if path.hasSuffix("." + BinaryCache.fileExtension) { return try BinaryCache.read(path, threads: threads) }
        var options = HEPMASSReader.Options()
        options.threads = threads
        return try HEPMASSReader(options: options).read(path)
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
