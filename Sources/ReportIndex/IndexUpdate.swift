import Foundation
import ReportKit

/// What one `index` run did.
public struct IndexUpdateSummary: Sendable {
    public var added = 0
    public var changed = 0
    public var renamed = 0
    /// Same content, new modification time: only the time is updated.
    public var touched = 0
    public var removed = 0
    public var unchanged = 0
    /// Bytes of report text parsed and indexed in this run.
    public var textBytes: Int64 = 0
    /// Files that could not be read (also recorded in the index) and paths that were not files.
    public var skipped: [SkippedPath] = []
    /// Set when the run stopped early (a full disk): what was committed before stays usable,
    /// the rest is searched by scanning until the next run.
    public var stoppedBecause: String?
}

/// Brings the index up to date with the files under some paths: new files are added, changed
/// ones indexed again, deleted ones removed, renamed ones (same content hash) moved without
/// reading them twice. Files are keyed by absolute path; a file counts as unchanged while its
/// size and modification time (nanoseconds) are.
///
/// Work is committed in batches, each file with all its pieces in one transaction, so a run
/// that is killed or runs out of disk leaves an index that is correct for what it holds; the
/// next run carries on from there.
public enum IndexUpdate {
    /// Committing every few megabytes bounds SQLite's memory and what a killed run loses.
    static let batchBytes: Int64 = 16 << 20
    static let batchFiles = 500

    /// - Parameter pageLimit: caps the file at this many pages, as a full disk would (tests).
    public static func run(
        paths: [String], indexPath: String, pageLimit: Int? = nil, notice: @escaping (String) -> Void
    ) throws -> IndexUpdateSummary {
        try run(paths: paths, indexPath: indexPath, pageLimit: pageLimit, afterReading: nil, notice: notice)
    }

    /// - Parameter afterReading: called with each file's absolute path once its text is read,
    ///   before the run checks that the file did not change meanwhile (tests change it here).
    static func run(
        paths: [String], indexPath: String, pageLimit: Int?, afterReading: ((String) -> Void)?,
        notice: @escaping (String) -> Void
    ) throws -> IndexUpdateSummary {
        try IndexStore.createDirectory(for: indexPath)
        let lock = try IndexLock(indexPath: indexPath) {
            notice("another index run is updating \(indexPath); waiting for it")
        }
        defer { withExtendedLifetime(lock) {} }
        let store = try IndexStore.openForWriting(path: indexPath) { reason in
            notice("\(reason); rebuilding the index")
        }
        try store.database.execute("PRAGMA synchronous=NORMAL")
        try store.database.execute("PRAGMA cache_size=-32768")
        // FTS5 writes its in-memory terms out as a new segment whenever they pass 1 MB, and
        // merges segments as they pile up; a larger buffer means far fewer segments to merge.
        try store.database.execute("INSERT INTO terms(terms, rank) VALUES('hashsize', \(64 << 20))")
        if let pageLimit { try store.database.execute("PRAGMA max_page_count=\(pageLimit)") }
        var run = UpdateRun(store: store, listing: LibraryFiles.list(paths), roots: paths.map(LibraryFiles.absolutePath), notice: notice)
        run.afterReading = afterReading
        try run.perform()
        return run.summary
    }
}

private struct UpdateRun {
    let store: IndexStore
    let listing: LibraryFiles.Listing
    let roots: [String]
    let notice: (String) -> Void
    var summary = IndexUpdateSummary()
    var folder = PieceFolder(forLargeText: true)
    var records: [String: FileRecord] = [:]
    /// Records under the roots whose path is gone, by content hash: rename candidates.
    var vanishedByHash: [String: [FileRecord]] = [:]
    var afterReading: ((String) -> Void)?

    init(store: IndexStore, listing: LibraryFiles.Listing, roots: [String], notice: @escaping (String) -> Void) {
        self.store = store
        self.listing = listing
        self.roots = roots
        self.notice = notice
    }

    mutating func perform() throws {
        summary.skipped = listing.skipped
        records = try store.fileRecords()
        let present = Set(listing.files.map(\.absolutePath))
        for record in records.values where !present.contains(record.path) && isUnderRoots(record.path) {
            vanishedByHash[record.hash, default: []].append(record)
        }
        var pending: [LibraryFile] = []
        var pendingBytes: Int64 = 0
        for file in listing.files {
            if let record = records[file.absolutePath], record.isCurrent(for: file) {
                summary.unchanged += 1
                if let failure = record.failure {
                    summary.skipped.append(SkippedPath(displayPath: file.displayPath, reason: failure))
                }
                continue
            }
            pending.append(file)
            pendingBytes += file.size
            if pending.count >= IndexUpdate.batchFiles || pendingBytes >= IndexUpdate.batchBytes {
                guard try commit(pending) else { return }
                pending.removeAll(keepingCapacity: true)
                pendingBytes = 0
            }
        }
        guard try commit(pending) else { return }
        let gone = vanishedByHash.values.joined().map(\.id)
        guard !gone.isEmpty else { return }
        _ = try guardingDiskSpace {
            try store.database.transaction {
                for id in gone { try store.delete(fileID: id) }
            }
        }
        summary.removed += gone.count
    }

    /// One transaction for a batch; false when the disk is full (the batch is rolled back and
    /// the run stops, keeping what earlier batches committed).
    private mutating func commit(_ batch: [LibraryFile]) throws -> Bool {
        guard !batch.isEmpty else { return true }
        let before = summary
        let vanishedBefore = vanishedByHash
        let committed = try guardingDiskSpace {
            try store.database.transaction {
                for file in batch { try update(file) }
            }
        }
        if !committed {
            summary = before
            vanishedByHash = vanishedBefore
            summary.stoppedBecause = "the disk is full; the index keeps what was committed before, and search scans the other files"
        }
        return committed
    }

    private func guardingDiskSpace(_ body: () throws -> Void) throws -> Bool {
        do {
            try body()
            return true
        } catch let error as SQLiteError where error.isDiskFull {
            return false
        }
    }

    private mutating func update(_ file: LibraryFile) throws {
        let existing = records[file.absolutePath]
        let text: String
        do {
            text = try ReportOpening.decodedText(path: file.absolutePath)
        } catch {
            if let existing { try store.delete(fileID: existing.id) }
            try store.insertFailure(file, reason: error.reason)
            summary.skipped.append(SkippedPath(displayPath: file.displayPath, reason: error.reason))
            return
        }
        afterReading?(file.absolutePath)
        // A file written while we read it may be half old, half new: leave it out (a search
        // scans it, since its record, if any, is not current) and let the next run take it.
        guard let after = LibraryFiles.currentStat(absolutePath: file.absolutePath),
            after.size == file.size, after.modified == file.modified
        else {
            notice("\(file.displayPath): changed while it was read; not indexed this time")
            return
        }
        let hash = ContentHash.of(text)
        if let existing, existing.failure == nil, existing.hash == hash {
            try store.move(fileID: existing.id, to: file)
            summary.touched += 1
            return
        }
        if var candidates = vanishedByHash[hash], let moved = candidates.popLast() {
            vanishedByHash[hash] = candidates.isEmpty ? nil : candidates
            if let existing { try store.delete(fileID: existing.id) }
            try store.move(fileID: moved.id, to: file)
            summary.renamed += 1
            return
        }
        if let existing {
            try store.delete(fileID: existing.id)
            summary.changed += 1
        } else {
            summary.added += 1
        }
        let report = ReportParser.parse(text)
        let name = String(file.displayPath.split(separator: "/").last ?? Substring(file.displayPath))
        try store.insert(
            IndexedReport(file: file, hash: hash, report: report, summary: ReportSummary(report: report, fileName: name)),
            folder: &folder)
        summary.textBytes += Int64(text.utf8.count)
    }

    private func isUnderRoots(_ path: String) -> Bool {
        roots.contains { root in path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }
}
