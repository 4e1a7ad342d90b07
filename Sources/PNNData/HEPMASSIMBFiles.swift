import PNNEngine

/// The authors' published HEPMASS-IMB (Anzalone, Diotalevi & Bonacorsi; Zenodo record
/// 6453048, `hepmass-imb.zip`): two CSV files, found in a data directory like HEPMASS's
/// (`NAME.pnncache`, `NAME.csv`, `NAME.csv.gz`, in this order; see `HEPMASSFiles`):
///
/// | file                    | events  | content                                                      |
/// |-------------------------|---------|--------------------------------------------------------------|
/// | `imbalanced_signal`     | ≈ 533k  | signal, `type` 1: ≈ 350k / 140k / 35k / 7k / 1.4k at 500 … 1500 GeV |
/// | `imbalanced_background` | ≈ 3.5M  | HEPMASS's training background with its masses, `type` 0       |
///
/// Columns (any order, read by name — `CSVColumnLayout`): `type` (HEPMASS's `# label`
/// renamed), `f0`…`f26`, `mass` (500 GeV written 499.99997 or 500.0, read as 500); the
/// background file also has the process name `name`, which is not read: HEPMASS's
/// background is one process (tt̄), so every event gets process 0 as with HEPMASS.
/// A `type` other than the file's class is an error naming the file and line: a
/// background event in the signal file (or the reverse) means a damaged or swapped
/// file, and training on it silently would change the data set.
///
/// The training set is the signal file's events followed by the background file's; the
/// test set stays HEPMASS's `all_test`, as in the paper.
public enum HEPMASSIMBFiles {
    /// One of the two files.
    public enum Part: String, CaseIterable, Sendable {
        case signal
        case background

        /// The file's name without extension.
        public var fileName: String { "imbalanced_" + rawValue }
        /// The `type` every row of the file carries.
        public var label: UInt8 { self == .signal ? 1 : 0 }
        /// "signal" or "background".
        public var className: String { rawValue }

        /// The part a file is by its name (`…/imbalanced_signal.csv.gz` → `.signal`): the
        /// name followed by `.csv`, `.csv.gz` or `.pnncache`; nil for any other file.
        public init?(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            for part in Part.allCases
            where ["csv", "csv.gz", BinaryCache.fileExtension].contains(where: { name == part.fileName + "." + $0 }) {
                self = part
                return
            }
            return nil
        }
    }

    /// Where to get the files, for error messages.
    public static let downloadHint = """
    The published HEPMASS-IMB is Zenodo record 6453048 (https://zenodo.org/record/6453048): \
    unzip hepmass-imb.zip and put imbalanced_signal.csv and imbalanced_background.csv \
    (compressed or not) in the folder passed as --data-dir, beside HEPMASS's all_test.csv.
    """

    /// Whether either file is in `directory`.
    public static func isPresent(in directory: String) -> Bool {
        Part.allCases.contains { HEPMASSFiles.existing($0.fileName, in: directory) != nil }
    }

    /// The paths of both files in `directory`, or nil when neither is there. Throws
    /// `fileNotFound` when only one is: half of the data set is a mistake to report, not
    /// a reason to fall back to building HEPMASS-IMB from HEPMASS.
    public static func locate(in directory: String) throws -> (signal: String, background: String)? {
        let signal = HEPMASSFiles.existing(Part.signal.fileName, in: directory)
        let background = HEPMASSFiles.existing(Part.background.fileName, in: directory)
        switch (signal, background) {
        case let (s?, b?): return (s, b)
        case (nil, nil): return nil
        case let (s, _):
            let missing: Part = s == nil ? .signal : .background
            let present = (signal ?? background)!
            let tried = HEPMASSFiles.candidates(missing.fileName, in: directory)
            throw DataError.fileNotFound(file: tried[1], hint: "\(present) is there but its companion is not (tried \(tried.joined(separator: ", "))); the published HEPMASS-IMB needs both files. " + downloadHint)
        }
    }

    /// Reads one file as `part`. A CSV is checked row by row by the reader; a binary
    /// cache (`bench data import`) was checked when written, and its labels are checked
    /// again here in case the cache of the other file was given this name.
    public static func read(_ path: String, part: Part, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        if path.hasSuffix("." + BinaryCache.fileExtension) {
            let dataset = try BinaryCache.read(path, threads: threads)
            if let row = dataset.label.firstIndex(where: { $0 != part.label }) {
                throw DataError.corruptCache(file: path, reason: "row \(row + 1) has label \(dataset.label[row]), expected \(part.label): \(part.fileName) holds \(part.className) events only")
            }
            return dataset
        }
        var options = HEPMASSReader.Options()
        options.format = .publishedIMB(part)
        options.threads = threads
        return try HEPMASSReader(options: options).read(path)
    }

    /// The published training set: the signal file's events, then the background
    /// file's. Its signal masses are those the signal file holds.
    public static func load(signal: String, background: String, threads: Int = WorkerPool.availableCores) throws -> EventDataset {
        let s = try read(signal, part: .signal, threads: threads)
        let b = try read(background, part: .background, threads: threads)
        return EventDataset(features: s.features + b.features, mass: s.mass + b.mass, label: s.label + b.label,
                            process: s.process + b.process, signalMasses: s.signalMasses)
    }
}
