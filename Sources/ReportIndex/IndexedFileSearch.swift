import ReportKit

/// The index's side of a library search taken one file at a time, in the listing's order, so
/// that a result list can show its first screen before the rest is counted.
///
/// A file's pieces have consecutive rowids (each file is written in one transaction by one
/// writer), and a build writes files in the listing's order, so the candidates of consecutive
/// files follow one another in rowid order. One FTS5 cursor, read forward, serves every file
/// whose pieces lie a little ahead of it. A file it has already passed, or one far ahead (a
/// file updated since the build sits at the end of the table), has its own rows read and
/// checked, all of them; the cursor is started again only where a run of files in rowid order
/// begins. Either way each file's pieces are confirmed by the same matcher as the one-shot
/// `IndexedSearch`, so the sections are the same.
///
/// A query with a one-character term starts with a cheaper cursor: FTS5 answers a prefix query
/// (`"法"*`) only after merging the doclists of every bigram the character starts, which for a
/// common character costs far more than a screen of reports. So the cursor first reads the
/// candidates of the query's other terms (or every piece, when all its terms are single
/// characters) and goes over to the whole expression only after `cheapRowLimit` rows, at the
/// next file: a common character fills the first screen long before that, and a rare one pays
/// the limit's rows once. Wider candidates change nothing but the work, since the matcher decides.
///
/// Holds a read transaction until closed or dropped: every file is answered from one snapshot.
/// Not thread-safe: one thread at a time.
final class IndexedFileSearch {
    enum Answer {
        /// The index does not hold the file as it is now: read it.
        case notCurrent
        /// Recorded as unreadable, with the reason.
        case failure(String)
        /// Its matching sections, possibly none.
        case sections([LibrarySectionMatch])
    }

    /// Beyond this many rowids ahead, a file is read on its own rather than by moving the
    /// shared cursor over what lies between (other folders' files, updated files' new rows).
    static let defaultJumpLimit: Int64 = 65_536
    private let jumpLimit: Int64
    /// Rows the cheaper cursor of a query with a one-character term may read (about a hundred
    /// reports' pieces) before the whole expression takes over.
    static let defaultCheapRowLimit = 12_288
    private let cheapRowLimit: Int

    private let store: IndexStore
    private let query: SearchQuery
    private let searcher: PieceSearcher
    /// The expressions the shared cursor reads, in turn (nil: every piece); every one but the
    /// last only for `cheapRowLimit` rows.
    private let stages: [String?]
    private var stage = 0
    private var rowsInStage = 0
    private let record: Statement
    private var shared: Statement?
    private var sharedHasRow = false
    /// Reads one file's rows, for a file the shared cursor does not serve.
    private var alone: Statement?
    /// The last rowid of the file answered before, however it was read.
    private var lastHigh: Int64?
    /// Every candidate with a rowid up to this one has been read from the shared cursor.
    private var readThrough: Int64 = 0
    private var open = true

    init(
        store: IndexStore, query: SearchQuery, jumpLimit: Int64 = defaultJumpLimit, cheapRowLimit: Int = defaultCheapRowLimit
    ) throws {
        self.jumpLimit = jumpLimit
        self.cheapRowLimit = cheapRowLimit
        self.store = store
        self.query = query
        searcher = PieceSearcher(query: query)
        let clauses = IndexedSearch.matchClauses(for: searcher.needles)
        let whole = IndexedSearch.join(clauses.bigrams + clauses.prefixes)
        stages = clauses.prefixes.isEmpty ? [whole] : [IndexedSearch.join(clauses.bigrams), whole]
        try store.database.execute("BEGIN")
        do {
            // The file's row and its pieces' rowid range, which `files` records (index
            // version 3): a file's pieces get consecutive ids in position order, in one
            // transaction (`IndexStore.insert`; `PieceOrderTests`).
            record = try store.database.prepare("""
                SELECT id, size, modified, failure, first_piece, piece_count
                FROM files WHERE path = ?
                """)
        } catch {
            try? store.database.execute("COMMIT")
            throw error
        }
    }

    deinit { close() }

    func close() {
        guard open else { return }
        open = false
        shared = nil
        alone = nil
        try? store.database.execute("COMMIT")
    }

    func answer(for file: LibraryFile) throws -> Answer {
        try record.bind(.text(file.absolutePath))
        guard try record.step(), !record.isNull(0), record.integer(1) == file.size, record.integer(2) == file.modified else {
            return .notCurrent
        }
        let fileID = record.integer(0)
        if let failure = record.optionalText(3) { return .failure(failure) }
        guard !searcher.needles.isEmpty, record.integer(5) > 0 else { return .sections([]) }
        let low = record.integer(4), high = low + record.integer(5) - 1
        var matches: [LibrarySectionMatch] = []
        var positions: [Int] = []
        func take(_ statement: Statement) {
            if statement.integer(1) == fileID, let match = confirm(statement) {
                matches.append(match.match)
                positions.append(match.position)
            }
        }
        var rows = 0
        if let statement = try cursor(reaching: low) {
            while sharedHasRow, statement.integer(0) < low {
                sharedHasRow = try statement.step()
                rows += 1
            }
            while sharedHasRow, statement.integer(0) <= high {
                take(statement)
                sharedHasRow = try statement.step()
                rows += 1
            }
            readThrough = high
        } else {
            let statement = try alone ?? store.database.prepare(
                "SELECT \(Self.columns) FROM pieces WHERE pieces.id BETWEEN ? AND ? ORDER BY pieces.id")
            alone = statement
            try statement.bind(.integer(low), .integer(high))
            while try statement.step() {
                take(statement)
                rows += 1
            }
        }
        rowsInStage += rows
        lastHigh = high
        // Rowids follow the positions when a file is written; sorting is for an index that
        // says otherwise.
        if zip(positions, positions.dropFirst()).contains(where: { $0 >= $1 }) {
            return .sections(positions.indices.sorted { positions[$0] < positions[$1] }.map { matches[$0] })
        }
        return .sections(matches)
    }

    private static let columns =
        "pieces.id, pieces.file, pieces.position, pieces.address, pieces.heading, pieces.line, pieces.text, pieces.folded, pieces.fold_map"

    /// The shared cursor, positioned so that its next rows include every candidate from `low`
    /// on: the same cursor when `low` lies a little ahead of what it has read; started again
    /// there when this file follows the one before it (a run of files in rowid order begins);
    /// nil otherwise, and the file's rows are read on their own. Starting FTS5 at a rowid walks
    /// each doclist up to it, which for a common bigram and a file at the end of the table (one
    /// updated since the build, listed first) cost more than a screen of reports; a file's own
    /// rows are about a hundred.
    private func cursor(reaching low: Int64) throws -> Statement? {
        let staysInStage = stage == stages.count - 1 || rowsInStage < cheapRowLimit
        if let shared, staysInStage, low > readThrough, low - readThrough <= jumpLimit { return shared }
        guard let lastHigh, low > lastHigh, low - lastHigh <= jumpLimit else { return nil }
        if !staysInStage {
            stage += 1
            rowsInStage = 0
            shared = nil
        }
        let expression = stages[stage]
        let statement: Statement
        if let shared {
            statement = shared
        } else {
            // FTS5 drives the join, so rows come as the doclist is read, in rowid order, and
            // reading can stop after any file.
            statement = try store.database.prepare(expression == nil
                ? "SELECT \(Self.columns) FROM pieces WHERE pieces.id >= ? ORDER BY pieces.id"
                : "SELECT \(Self.columns) FROM terms CROSS JOIN pieces ON pieces.id = terms.rowid"
                    + " WHERE terms MATCH ? AND terms.rowid >= ? ORDER BY terms.rowid")
            shared = statement
        }
        if let expression {
            try statement.bind(.text(expression), .integer(low))
        } else {
            try statement.bind(.integer(low))
        }
        sharedHasRow = try statement.step()
        readThrough = low - 1
        return statement
    }

    private func confirm(_ statement: Statement) -> (position: Int, match: LibrarySectionMatch)? {
        guard let stored = statement.withBytes(7, { searcher.foldedHits(inFolded: $0) }) else { return nil }
        let placement = HitPlacement(.folded(
            text: statement.withBytes(6) { Array($0) }, firstLine: Int(statement.integer(5)), hits: stored,
            map: statement.withBytes(8) { Array($0) }, query: query))
        let match = LibrarySectionMatch(address: statement.text(3), heading: statement.text(4), placement: placement)
        return (Int(statement.integer(2)), match)
    }
}
