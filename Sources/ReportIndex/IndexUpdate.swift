import FoundationEssentials
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
    /// Files are read, parsed and folded on this many threads while the caller's thread
    /// inserts: one per core, the writer sharing a core with one of them.
    public static var defaultPreparingThreads: Int { max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) }
    /// Files prepared ahead of the writer, at most: what bounds the run's memory.
    static let preparedAheadFiles = 64
    static let preparedAheadBytes = 32 << 20

    /// - Parameters:
    ///   - pageLimit: caps the file at this many pages, as a full disk would (tests).
    ///   - preparingThreads: threads that read and parse files beside the writer; 0 does it all
    ///     on the caller's thread, one file after another (the benchmark's baseline).
    ///   - firstBuildAside: a first build goes to a temporary file through a rollback journal
    ///     and is renamed into place (`FreshBuild`); false builds in place through the WAL, as
    ///     before (the benchmark's baseline).
    public static func run(
        paths: [String], indexPath: String, pageLimit: Int? = nil, preparingThreads: Int = defaultPreparingThreads,
        firstBuildAside: Bool = true, notice: @escaping (String) -> Void
    ) throws -> IndexUpdateSummary {
        try run(
            paths: paths, indexPath: indexPath, pageLimit: pageLimit, preparingThreads: preparingThreads,
            firstBuildAside: firstBuildAside, afterReading: nil, notice: notice)
    }

    /// - Parameter afterReading: called with each file's absolute path once its text is read,
    ///   before the run checks that the file did not change meanwhile (tests change it here).
    static func run(
        paths: [String], indexPath: String, pageLimit: Int?, preparingThreads: Int = defaultPreparingThreads,
        firstBuildAside: Bool = true, afterReading: (@Sendable (String) -> Void)?, notice: @escaping (String) -> Void
    ) throws -> IndexUpdateSummary {
        try IndexStore.createDirectory(for: indexPath)
        let lock = try IndexLock(indexPath: indexPath) {
            notice("another index run is updating \(indexPath); waiting for it")
        }
        defer { withExtendedLifetime(lock) {} }
        let listing = LibraryFiles.list(paths)
        let update = { (store: IndexStore, separateTerms: SeparateTerms?) throws -> IndexUpdateSummary in
            try configure(store, pageLimit: pageLimit)
            var run = UpdateRun(store: store, listing: listing, roots: paths.map(LibraryFiles.absolutePath), notice: notice)
            run.afterReading = afterReading
            run.preparingThreads = preparingThreads
            run.separateTerms = separateTerms
            try run.perform()
            return run.summary
        }
        if let store = try IndexStore.openExistingForWriting(path: indexPath, replaced: { reason in
            notice("\(reason); rebuilding the index")
        }) {
            try store.database.execute("PRAGMA synchronous=NORMAL")
            return try update(store, nil)
        }
        guard firstBuildAside else {
            let store = try IndexStore.create(path: indexPath, journalMode: "WAL")
            try store.database.execute("PRAGMA synchronous=NORMAL")
            return try update(store, nil)
        }
        return try FreshBuild.run(indexPath: indexPath, configureTerms: configureTerms, body: update)
    }

    private static func configure(_ store: IndexStore, pageLimit: Int?) throws {
        try configureTerms(store.database)
        if let pageLimit { try store.database.execute("PRAGMA max_page_count=\(pageLimit)") }
    }

    /// What the `terms` table is built with, wherever it is built (`SeparateTerms`).
    static func configureTerms(_ database: Database) throws {
        try database.execute("PRAGMA cache_size=-32768")
        // FTS5 writes its in-memory terms out as a new segment whenever they pass 1 MB, and
        // merges segments as they pile up; a larger buffer means far fewer segments to merge.
        try database.execute("INSERT INTO terms(terms, rank) VALUES('hashsize', \(64 << 20))")
        // FTS5 merges its segments as they pile up, by default four of a level at a time, so a
        // full build rewrites its terms once per level; merging sixteen at a time cut the
        // writer's CPU by 13 % on 2,000 reports and leaves a few more segments, which a query
        // looks its bigrams up in (microseconds each; DECISIONS.md). Stored in the index.
        try database.execute("INSERT INTO terms(terms, rank) VALUES('automerge', 16)")
    }
}

private struct UpdateRun {
    let store: IndexStore
    let listing: LibraryFiles.Listing
    let roots: [String]
    let notice: (String) -> Void
    var summary = IndexUpdateSummary()
    var records: [String: FileRecord] = [:]
    /// Records under the roots whose path is gone, by content hash: rename candidates.
    var vanishedByHash: [String: [FileRecord]] = [:]
    var afterReading: (@Sendable (String) -> Void)?
    var preparingThreads = IndexUpdate.defaultPreparingThreads
    /// Set in a first build: the pieces' bigrams go there, batch by committed batch.
    var separateTerms: SeparateTerms?
    /// For the rare file the writer must parse itself (see `apply`).
    var folder = PieceFolder(forLargeText: false)

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
        for file in listing.files {
            if let record = records[file.absolutePath], record.isCurrent(for: file) {
                summary.unchanged += 1
                if let failure = record.failure {
                    summary.skipped.append(SkippedPath(displayPath: file.displayPath, reason: failure))
                }
                continue
            }
            pending.append(file)
        }
        guard try updateAll(pending) else { return }
        let gone = vanishedByHash.values.joined().map(\.id)
        guard !gone.isEmpty else { return }
        _ = try guardingDiskSpace {
            try store.database.transaction {
                for id in gone { try store.delete(fileID: id) }
            }
        }
        summary.removed += gone.count
    }

    /// Prepares the files on worker threads, in order, while this thread writes them in
    /// batches; false when the disk filled up.
    private mutating func updateAll(_ pending: [LibraryFile]) throws -> Bool {
        guard !pending.isEmpty else { return true }
        var readableHashes: [String: String] = [:]
        for file in pending {
            if let record = records[file.absolutePath], record.failure == nil { readableHashes[file.absolutePath] = record.hash }
        }
        let known = KnownHashes(byPath: readableHashes, vanished: Set(vanishedByHash.keys))
        let hook = afterReading
        let work = OrderedWork<PreparedFile>(
            costs: pending.map { Int(clamping: $0.size) }, workers: preparingThreads,
            window: IndexUpdate.preparedAheadFiles, budget: IndexUpdate.preparedAheadBytes,
            makeState: { PieceFolder(forLargeText: true) },
            work: { folder, index in
                FilePreparation.prepare(pending[index], known: known, folder: &folder, afterReading: hook)
            })
        defer { work.cancel() }
        var start = 0
        while start < pending.count {
            var end = start
            var bytes: Int64 = 0
            while end < pending.count, end - start < IndexUpdate.batchFiles, bytes < IndexUpdate.batchBytes {
                bytes += pending[end].size
                end += 1
            }
            guard try commit(count: end - start, from: work) else { return false }
            start = end
        }
        return true
    }

    /// One transaction for the next `count` prepared files; false when the disk is full (the
    /// batch is rolled back and the run stops, keeping what earlier batches committed).
    private mutating func commit(count: Int, from work: OrderedWork<PreparedFile>) throws -> Bool {
        let before = summary
        let vanishedBefore = vanishedByHash
        var inserted: [SeparateTerms.Item] = []
        let committed = try guardingDiskSpace {
            try store.database.transaction {
                for _ in 0..<count {
                    guard let prepared = work.next() else { break }
                    if let item = try apply(prepared), separateTerms != nil { inserted.append(item) }
                    // Its pieces are millions of small allocations over a build: freed on a
                    // preparing thread instead of this one, the build's bottleneck.
                    work.retire(prepared)
                }
            }
        }
        if committed {
            // Written and then dropped by the terms' thread, but freed by a preparing thread,
            // which allocated the tokens.
            separateTerms?.add(inserted) { written in work.retire(written) }
        } else {
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

    /// The report inserted, if one was, with its first piece id.
    @discardableResult
    private mutating func apply(_ prepared: PreparedFile) throws -> SeparateTerms.Item? {
        let file = prepared.file
        let existing = records[file.absolutePath]
        let hash: String
        var report: PreparedReport?
        switch prepared.content {
        case .unreadable(let reason):
            if let existing { try store.delete(fileID: existing.id) }
            try store.insertFailure(file, reason: reason)
            summary.skipped.append(SkippedPath(displayPath: file.displayPath, reason: reason))
            return nil
        case .changedWhileRead:
            notice("\(file.displayPath): changed while it was read; not indexed this time")
            return nil
        case .read(let readHash, let readReport):
            hash = readHash
            report = readReport
        }
        if let existing, existing.failure == nil, existing.hash == hash {
            try store.move(fileID: existing.id, to: file)
            summary.touched += 1
            return nil
        }
        if var candidates = vanishedByHash[hash], let moved = candidates.popLast() {
            vanishedByHash[hash] = candidates.isEmpty ? nil : candidates
            if let existing { try store.delete(fileID: existing.id) }
            try store.move(fileID: moved.id, to: file)
            summary.renamed += 1
            return nil
        }
        if report == nil {
            // Its hash was a rename candidate that an earlier file took (two copies of one
            // moved report): read and parse it here after all.
            let again = FilePreparation.prepare(file, known: nil, folder: &folder, afterReading: nil)
            guard case .read(let againHash, let againReport?) = again.content, againHash == hash else {
                return try apply(again)
            }
            report = againReport
        }
        guard let report else { return nil }
        if let existing {
            try store.delete(fileID: existing.id)
            summary.changed += 1
        } else {
            summary.added += 1
        }
        let firstPiece = try store.insert(file, hash: hash, report: report, withTerms: separateTerms == nil)
        summary.textBytes += Int64(report.textBytes)
        return SeparateTerms.Item(firstPiece: firstPiece, terms: report.pieces.map(\.terms))
    }

    private func isUnderRoots(_ path: String) -> Bool {
        roots.contains { root in path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
    }
}
