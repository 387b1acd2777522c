import FoundationEssentials
import ReportKit

/// The bigram rows of a first build, written by a thread of their own into a database file of
/// their own, and copied into the index when the build is done (`copy(into:)`).
///
/// FTS5's per-token work is about two fifths of a build's CPU, and with it on the one writer
/// that writer bounded the build's wall time while the preparing threads waited. One SQLite
/// file has one writer at a time, so the `terms` table is built in a second file: the main
/// writer inserts files and pieces, this thread their FTS5 rows. It is handed only batches the
/// main writer has committed, in their order, and commits each as one transaction too, so it
/// never holds rows for pieces the index lacks, and its segments are those an in-place build
/// would have made. The copy is of FTS5's shadow tables (`terms_data`, `terms_idx`,
/// `terms_config`), where the table keeps all it knows (contentless, no column sizes).
///
/// A failure here fails the first build, which leaves nothing at the index's path (`FreshBuild`);
/// so this file needs no rollback journal.
final class SeparateTerms: @unchecked Sendable {
    /// A committed file's pieces' packed tokens (`PreparedPiece.terms`), the first with the
    /// id `firstPiece`, the next with the one after, and so on; empty for a piece without a row.
    struct Item: Sendable {
        let firstPiece: Int64
        let terms: [[UInt8]]
    }

    static func path(for temporaryIndexPath: String) -> String { temporaryIndexPath + "-terms" }


    let path: String
    // Everything below `condition` is guarded by it.
    private let condition = ThreadCondition()
    private var queue: [(items: [Item], dispose: @Sendable ([Item]) -> Void)] = []
    /// A batch is being written.
    private var writing = false
    private var closing = false
    private var running = true
    private var failure: (any Error)?

    private var database: Database?

    init(path: String, configure: (Database) throws -> Void) throws {
        self.path = path
        IndexStore.removeFiles(of: path)
        let database = try Database(path: path, create: true)
        try database.execute("PRAGMA journal_mode=OFF")
        try database.execute("PRAGMA synchronous=OFF")
        try database.execute(IndexSchema.termsTable)
        try configure(database)
        self.database = database
        let thread = WorkerThread { [self] in write() }
        thread.name = "index terms"
        thread.start()
    }

    /// Hands over a committed batch, waiting until the one before is written: what bounds the
    /// memory, a batch being written here while the main writer gathers the next. `dispose`
    /// gets the batch once it is written (or dropped), to free it where it was allocated.
    func add(_ items: [Item], dispose: @escaping @Sendable ([Item]) -> Void = { _ in }) {
        guard !items.isEmpty else { return }
        condition.lock()
        defer { condition.unlock() }
        while !queue.isEmpty || writing, failure == nil { condition.wait() }
        queue.append((items, dispose))
        condition.broadcast()
    }

    /// Waits for everything handed over to be written and closes the file; throws what
    /// writing it failed with.
    func finish() throws {
        condition.lock()
        closing = true
        condition.broadcast()
        while running { condition.wait() }
        let failure = failure
        condition.unlock()
        database = nil
        if let failure { throw failure }
    }

    /// Replaces the (empty) `terms` table of `database`, the finished index, by the one built
    /// here. Call after `finish()`.
    func copy(into database: Database) throws {
        try database.prepare("ATTACH DATABASE ? AS separate_terms").bind(.text(path)).run()
        defer { try? database.execute("DETACH DATABASE separate_terms") }
        try database.transaction {
            for table in ["terms_data", "terms_idx", "terms_config"] {
                try database.execute("DELETE FROM main.\(table)")
                try database.execute("INSERT INTO main.\(table) SELECT * FROM separate_terms.\(table)")
            }
        }
    }

    func remove() {
        IndexStore.removeFiles(of: path)
    }

    private func write() {
        let statement: Statement?
        do {
            statement = try database?.prepare(IndexStore.insertTermsSQL)
        } catch {
            statement = nil
            condition.withLock { failure = error }
        }
        while let (batch, dispose) = take() {
            defer {
                dispose(batch)
                condition.withLock {
                    writing = false
                    condition.broadcast()
                }
            }
            guard let database, let statement, condition.withLock({ failure == nil }) else { continue }
            do {
                try database.transaction {
                    for item in batch {
                        for (offset, terms) in item.terms.enumerated() {
                            try IndexStore.insertTerms(terms, id: item.firstPiece + Int64(offset), with: statement)
                        }
                    }
                }
            } catch {
                condition.withLock { failure = error }
            }
        }
        condition.withLock {
            running = false
            condition.broadcast()
        }
    }

    /// The next batch, marked as being written; nil once closing and all is taken.
    private func take() -> (items: [Item], dispose: @Sendable ([Item]) -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty, !closing { condition.wait() }
        guard !queue.isEmpty else { return nil }
        writing = true
        return queue.removeFirst()
    }
}
