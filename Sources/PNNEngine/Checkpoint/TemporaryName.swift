import Foundation

/// Names of the temporary files written beside their destination before an atomic rename,
/// and the clean-up of those left behind by killed processes.
///
///     <directory>/.<name>.tmp-<host>-<pid>-<16 hex digits>
///
/// Host, process id and a random part make the name unique across the processes of one
/// machine, across machines writing one shared folder (cluster tasks, where process ids
/// repeat), and across writes of one process. The leading dot hides it from listings of
/// results. The host is the short host name with every character outside [A-Za-z0-9_]
/// replaced by "_", so the fields split at "-" unambiguously.
public enum TemporaryName {
    public static let marker = ".tmp-"

    /// A fresh temporary path in the folder of `path`.
    public static func beside(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let name = ".\(url.lastPathComponent)\(marker)\(host)-\(getpid())-\(String(repeating: "0", count: 16 - random.count))\(random)"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// This machine's short host name, as it appears in temporary names.
    public static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : "unknown"
        let short = name.split(separator: ".").first.map(String.init) ?? "unknown"
        return String(short.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }()

    /// Who wrote a temporary file, read back from its name.
    public struct Writer: Equatable, Sendable {
        /// Nil for names of an older form that carried no host.
        public var host: String?
        public var pid: Int32?
    }

    /// The writer of `fileName` if it is a temporary name (this form, or the older
    /// `NAME.tmp-PID` and `.NAME.tmp-PID-RANDOM`); nil for any other file.
    public static func writer(of fileName: String) -> Writer? {
        guard let range = fileName.range(of: marker, options: .backwards) else { return nil }
        let fields = fileName[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch fields.count {
        case 3 where Int32(fields[1]) != nil && fields[2].count == 16:
            return Writer(host: fields[0], pid: Int32(fields[1]))
        case 1, 2:
            return Int32(fields[0]).map { Writer(host: nil, pid: $0) }
        default:
            return nil
        }
    }

    /// Whether the process `pid` of this machine is gone (kill(pid, 0) fails with ESRCH).
    static func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the temporary files in `directory` that no running writer can still
    /// rename: those of this host whose process is gone, and any older than `maximumAge`
    /// seconds (a writer on another machine cannot be asked; no write takes a day).
    /// Returns the names removed, sorted. A folder that cannot be read removes nothing.
    @discardableResult
    public static func removeStale(in directory: URL, maximumAge: TimeInterval = 86_400, now: Date = Date()) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let writer = writer(of: name) else { continue }
            let url = directory.appendingPathComponent(name)
            let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            let old = modified.map { now.timeIntervalSince($0) > maximumAge } ?? false
            let orphan = writer.host == host && writer.pid.map(isGone) == true
            if (orphan || old) && (try? FileManager.default.removeItem(at: url)) != nil {
                removed.append(name)
            }
        }
        return removed
    }
}
