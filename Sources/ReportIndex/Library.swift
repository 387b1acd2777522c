import ReportKit

/// A library: the reports under some FILE and DIR arguments, listed without reading them when
/// the index knows them, each opened only when asked. The browser's library view is meant to
/// be built on this.
public struct Library: Sendable {
    public struct Member: Sendable, Hashable {
        public let file: LibraryFile
        /// The directory part of `file.displayPath` (`.` for a bare name): members are grouped
        /// by it.
        public let folder: String
        /// From the index when it holds the file as it is now; nil until `summarised()`.
        public let summary: ReportSummary?
        /// Why it cannot be read, when the index already knows it cannot.
        public let failure: String?

        /// Reads and parses the report.
        public func open() throws(LoadError) -> Report {
            try ReportOpening.open(path: file.absolutePath)
        }

        /// The summary, reading the file if the index did not have it.
        public func summarised() -> Member {
            guard summary == nil, failure == nil else { return self }
            do {
                let report = try open()
                return Member(file: file, folder: folder, summary: ReportSummary(report: report, fileName: fileName), failure: nil)
            } catch {
                return Member(file: file, folder: folder, summary: nil, failure: error.reason)
            }
        }

        public var fileName: String {
            String(file.displayPath.split(separator: "/").last ?? Substring(file.displayPath))
        }
    }

    public let members: [Member]
    /// Paths that are not files (unreadable directories, devices), with the reason.
    public let skipped: [SkippedPath]

    /// Lists the members; `indexPath` nil or an absent or unusable index only means no
    /// summaries yet.
    public init(paths: [String], indexPath: String?) {
        let listing = LibraryFiles.list(paths)
        var records: [String: FileRecord] = [:]
        if let indexPath, let store = try? IndexStore.openForReading(path: indexPath) {
            records = (try? store.fileRecords()) ?? [:]
        }
        members = listing.files.map { file in
            let folder = file.displayPath.split(separator: "/").dropLast().joined(separator: "/")
            let prefix = file.displayPath.hasPrefix("/") ? "/" : ""
            guard let record = records[file.absolutePath], record.isCurrent(for: file) else {
                return Member(file: file, folder: folder.isEmpty ? (prefix.isEmpty ? "." : "/") : prefix + folder, summary: nil, failure: nil)
            }
            let summary = record.failure == nil ? ReportSummary(title: record.title, date: record.date, issuer: record.issuer) : nil
            return Member(
                file: file, folder: folder.isEmpty ? (prefix.isEmpty ? "." : "/") : prefix + folder,
                summary: summary, failure: record.failure)
        }
        skipped = listing.skipped
    }

    /// Members grouped by folder, folders in the order they first appear.
    public var byFolder: [(folder: String, members: [Member])] {
        var order: [String] = []
        var groups: [String: [Member]] = [:]
        for member in members {
            if groups[member.folder] == nil { order.append(member.folder) }
            groups[member.folder, default: []].append(member)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
