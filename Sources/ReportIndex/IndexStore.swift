import FoundationEssentials
import ReportKit

/// What the index knows about one file.
struct FileRecord: Sendable {
    let id: Int64
    let path: String
    let size: Int64
    let modified: Int64
    let hash: String
    /// Why the file could not be read, when it could not.
    let failure: String?
    let title: String
    let date: String
    let issuer: String

    func isCurrent(for file: LibraryFile) -> Bool {
        size == file.size && modified == file.modified
    }
}

/// The index file: opening and checking it, and its reads and writes. Callers keep writes
/// inside `database.transaction`.
final class IndexStore {
    enum OpenFailure: Error {
        case absent
        /// Unreadable as an index: damaged, not a database, another program's, or another
        /// version's. The text is the notice for the user.
        case unusable(String)
    }

    let database: Database
    let path: String

    private init(database: Database, path: String) {
        self.database = database
        self.path = path
    }

    /// Opens an existing index for searching; never creates or changes anything.
    static func openForReading(path: String) throws(OpenFailure) -> IndexStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .absent }
        do {
            let database = try Database(path: path, create: false)
            let store = IndexStore(database: database, path: path)
            try store.validate()
            return store
        } catch let failure as OpenFailure {
            throw failure
        } catch {
            throw .unusable("\(path): \(error)")
        }
    }

    /// Opens an existing index for updating; nil when there is none, or when it was unusable
    /// (`replaced` gets the reason, and its files are removed). The caller holds the `IndexLock`.
    static func openExistingForWriting(path: String, replaced: (String) -> Void) throws -> IndexStore? {
        try createDirectory(for: path)
        do {
            return try openForReading(path: path)
        } catch .absent {
        } catch .unusable(let reason) {
            replaced(reason)
            removeFiles(of: path)
        }
        return nil
    }

    /// Creates an empty index at `path` (which must not exist) with the rollback journal given:
    /// a first build writes each page once instead of twice through the WAL (`FreshBuild`).
    static func create(path: String, journalMode: String) throws -> IndexStore {
        let database = try Database(path: path, create: true)
        try database.execute("PRAGMA journal_mode=\(journalMode)")
        let store = IndexStore(database: database, path: path)
        try database.transaction {
            for statement in IndexSchema.statements { try database.execute(statement) }
            let insert = try database.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
            try insert.bind(.text("schema"), .int(IndexSchema.version)).run()
            try insert.bind(.text("folding"), .text(IndexSchema.foldingFingerprint)).run()
            try insert.bind(.text("application"), .text("report-browser")).run()
        }
        return store
    }

    static func createDirectory(for path: String) throws {
        let directory = PathText.parent(path)
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// The index and its WAL, shared-memory and rollback journal files.
    static func removeFiles(of path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private func validate() throws {
        try database.execute("PRAGMA journal_mode=WAL")
        let meta: [String: String]
        do {
            meta = try readMeta()
        } catch {
            if let failure = error as? SQLiteError, failure.isCorruption || failure.isBusy { throw failure }
            throw OpenFailure.unusable("\(path) is not a report-browser index (\(error))")
        }
        guard meta["application"] == "report-browser", let schema = meta["schema"].flatMap(Int.init) else {
            throw OpenFailure.unusable("\(path) is not a report-browser index")
        }
        guard schema == IndexSchema.version else {
            let relation = schema > IndexSchema.version ? "a newer" : "an older"
            throw OpenFailure.unusable("\(path) was written by \(relation) version of report-browser (index format \(schema), this one reads \(IndexSchema.version))")
        }
        guard meta["folding"] == IndexSchema.foldingFingerprint else {
            throw OpenFailure.unusable("\(path) was built with another text folding")
        }
        // Touches the FTS table's own pages, where damage shows first.
        let probe = try database.prepare("SELECT count(*) FROM files")
        _ = try probe.step()
    }

    private func readMeta() throws -> [String: String] {
        var meta: [String: String] = [:]
        let statement = try database.prepare("SELECT key, value FROM meta")
        while try statement.step() { meta[statement.text(0)] = statement.text(1) }
        return meta
    }

    // MARK: - Files

    func fileRecords() throws -> [String: FileRecord] {
        let statement = try database.prepare(
            "SELECT id, path, size, modified, hash, failure, title, date, issuer FROM files")
        var records: [String: FileRecord] = [:]
        while try statement.step() {
            let record = FileRecord(
                id: statement.integer(0), path: statement.text(1), size: statement.integer(2),
                modified: statement.integer(3), hash: statement.text(4), failure: statement.optionalText(5),
                title: statement.text(6), date: statement.text(7), issuer: statement.text(8))
            records[record.path] = record
        }
        return records
    }

    // MARK: - Writes (inside a transaction)

    private lazy var insertFile = try? database.prepare("""
        INSERT INTO files(path, size, modified, hash, failure, title, date, issuer, text_bytes, first_piece, piece_count)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    private lazy var insertPiece = try? database.prepare(
        "INSERT INTO pieces(id, file, position, address, heading, line, text, folded, fold_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    private lazy var nextPieceID = try? database.prepare("SELECT coalesce(max(id), 0) + 1 FROM pieces")
    static let insertTermsSQL = "INSERT INTO terms(rowid, folded) VALUES (?, ?)"
    private lazy var insertTerms = try? database.prepare(Self.insertTermsSQL)

    /// Adds a readable report: its file row, its pieces and, unless `withTerms` is false (a
    /// first build writes them apart, `SeparateTerms`), their bigrams. The pieces get their ids
    /// here, one after another above every id in use, so that the file row can name them as
    /// one range; the first is returned.
    @discardableResult
    func insert(_ file: LibraryFile, hash: String, report: PreparedReport, withTerms: Bool = true) throws -> Int64 {
        guard let insertFile, let insertPiece, let insertTerms, let nextPieceID else {
            throw SQLiteError(code: 1, message: database.lastMessage)
        }
        guard try nextPieceID.bind().step() else { throw SQLiteError(code: 1, message: database.lastMessage) }
        let firstPiece = nextPieceID.integer(0)
        try nextPieceID.bind()
        try insertFile.run(
            .text(file.absolutePath), .integer(file.size), .integer(file.modified),
            .text(hash), nil, .text(report.summary.title), .text(report.summary.date),
            .text(report.summary.issuer), .int(report.textBytes), .integer(firstPiece), .int(report.pieces.count))
        let fileID = database.lastInsertedRow
        // Consecutive ids in position order: a file's pieces are then one rowid range, which
        // `search --count` and the first screen (`IndexedFileSearch`) read off `files`.
        for (offset, piece) in report.pieces.enumerated() {
            let id = firstPiece + Int64(offset)
            try insert(piece, id: id, fileID: fileID, pieces: insertPiece)
            if withTerms { try Self.insertTerms(piece.folded.bytes.isEmpty ? [] : piece.terms, id: id, with: insertTerms) }
        }
        return firstPiece
    }

    private func insert(_ piece: PreparedPiece, id: Int64, fileID: Int64, pieces: Statement) throws {
        var address = piece.address
        var heading = piece.heading
        var text = piece.text
        try address.withUTF8 { address in
            try heading.withUTF8 { heading in
                try text.withUTF8 { text in
                    try piece.folded.bytes.withUnsafeBufferPointer { folded in
                        try piece.folded.map.withUnsafeBufferPointer { map in
                            try pieces.run { () throws(SQLiteError) in
                                try pieces.bindInPlace(1, integer: id)
                                try pieces.bindInPlace(2, integer: fileID)
                                try pieces.bindInPlace(3, integer: Int64(piece.position))
                                try pieces.bindInPlace(4, text: address)
                                try pieces.bindInPlace(5, text: heading)
                                try pieces.bindInPlace(6, integer: Int64(piece.line))
                                try pieces.bindInPlace(7, text: text)
                                try pieces.bindInPlace(8, blob: folded)
                                try pieces.bindInPlace(9, blob: map)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A piece's row of `terms` through `statement` (`insertTermsSQL`), on this store's
    /// connection or `SeparateTerms`': its tokens packed on a preparing thread
    /// (`PreparedPiece.terms`), empty for an empty piece, which has no row. Forgotten later
    /// through `folded`, which tokenizes to the same tokens.
    static func insertTerms(_ terms: [UInt8], id: Int64, with statement: Statement) throws {
        guard !terms.isEmpty else { return }
        try terms.withUnsafeBufferPointer { packed in
            try statement.run { () throws(SQLiteError) in
                try statement.bindInPlace(1, integer: id)
                try statement.bindInPlace(2, text: packed)
            }
        }
    }

    /// Records a file that could not be read, so that searches list it without trying again.
    func insertFailure(_ file: LibraryFile, reason: String) throws {
        guard let insertFile else { throw SQLiteError(code: 1, message: database.lastMessage) }
        try insertFile.bind(
            .text(file.absolutePath), .integer(file.size), .integer(file.modified), .text(""), .text(reason),
            .text(""), .text(""), .text(""), .int(0), .int(0), .int(0)
        ).run()
    }

    /// Removes a file with its pieces and bigrams. A contentless FTS5 table forgets a row only
    /// when given the same text again: each piece's stored folded bytes, the very text it was
    /// added with.
    func delete(fileID: Int64) throws {
        let pieces = try database.prepare("SELECT id, folded FROM pieces WHERE file = ?")
        try pieces.bind(.integer(fileID))
        let forget = try database.prepare("INSERT INTO terms(terms, rowid, folded) VALUES ('delete', ?, ?)")
        while try pieces.step() {
            let folded = pieces.withBytes(1) { Array($0) }
            guard !folded.isEmpty else { continue }
            try forget.bind(.integer(pieces.integer(0)), .bytes(folded)).run()
        }
        try database.prepare("DELETE FROM pieces WHERE file = ?").bind(.integer(fileID)).run()
        try database.prepare("DELETE FROM files WHERE id = ?").bind(.integer(fileID)).run()
    }

    /// A renamed or touched file: same content, new path or time.
    func move(fileID: Int64, to file: LibraryFile) throws {
        try database.prepare("UPDATE files SET path = ?, size = ?, modified = ? WHERE id = ?")
            .bind(.text(file.absolutePath), .integer(file.size), .integer(file.modified), .integer(fileID)).run()
    }
}
