import CSQLite

/// One SQLite connection, used from one thread at a time. Our own thin wrapper: the index needs
/// a dozen statements, transactions and a custom FTS5 tokenizer, not an ORM (see DECISIONS.md).
final class Database {
    private(set) var handle: OpaquePointer?
    let path: String

    /// Opens (and with `create`, creates) the file, registers the bigram tokenizer and waits up
    /// to `busyTimeout` milliseconds for another connection's lock instead of failing at once.
    init(path: String, create: Bool, readOnly: Bool = false, busyTimeout: Int32 = 10_000) throws(SQLiteError) {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create, !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status, message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open")
            sqlite3_close_v2(db)
            handle = nil
            throw error
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
        try check(rb_register_bigram_tokenizer(db))
    }

    deinit {
        close()
    }

    func close() {
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if status != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: status, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &statement, nil))
        return Statement(statement: statement!, database: self)
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE: the write lock is taken at once,
    /// so two writers wait for each other instead of failing halfway); rolls back on any error.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }

    var lastMessage: String { handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection" }

    func check(_ status: Int32) throws(SQLiteError) {
        guard status == SQLITE_OK || status == SQLITE_ROW || status == SQLITE_DONE else {
            throw SQLiteError(code: status, message: lastMessage)
        }
    }
}

/// A prepared statement; bind by 1-based position, `step` until it returns false.
final class Statement {
    private let statement: OpaquePointer
    private unowned let database: Database

    var handle: OpaquePointer { statement }

    func check(_ status: Int32) throws(SQLiteError) { try database.check(status) }

    init(statement: OpaquePointer, database: Database) {
        self.statement = statement
        self.database = database
    }

    deinit {
        sqlite3_finalize(statement)
    }

    @discardableResult
    func bind(_ values: StatementValue?...) throws(SQLiteError) -> Statement {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32
            switch value {
            case nil:
                status = sqlite3_bind_null(statement, position)
            case .integer(let number):
                status = sqlite3_bind_int64(statement, position, number)
            case .text(var text):
                // With its length: long piece texts are not copied to a C string and measured.
                status = text.withUTF8 { buffer in
                    sqlite3_bind_text(
                        statement, position, UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                            .assumingMemoryBound(to: CChar.self),
                        Int32(buffer.count), rb_sqlite_transient())
                }
            case .blob(let bytes):
                status = bytes.withUnsafeBufferPointer { buffer in
                    sqlite3_bind_blob(
                        statement, position, UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!),
                        Int32(buffer.count), rb_sqlite_transient())
                }
            case .bytes(let bytes):
                // Bound as TEXT: FTS5 tokenizes text, and these are the folded UTF-8 bytes.
                status = bytes.withUnsafeBufferPointer { buffer in
                    sqlite3_bind_text(
                        statement, position, UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                            .assumingMemoryBound(to: CChar.self),
                        Int32(buffer.count), rb_sqlite_transient())
                }
            }
            try database.check(status)
        }
        return self
    }

    /// Binds the values and runs a statement that returns no rows while every bound buffer is
    /// still in scope, so that SQLite reads texts and blobs in place (`SQLITE_STATIC`) instead
    /// of copying each first; the bindings are cleared before the buffers go.
    func run(_ values: StatementValue?...) throws {
        sqlite3_reset(statement)
        try runBinding(values, from: 0)
    }

    private func runBinding(_ values: [StatementValue?], from index: Int) throws {
        guard index < values.count else {
            defer {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            }
            while try step() {}
            return
        }
        let position = Int32(index + 1)
        switch values[index] {
        case nil:
            try database.check(sqlite3_bind_null(statement, position))
            try runBinding(values, from: index + 1)
        case .integer(let number):
            try database.check(sqlite3_bind_int64(statement, position, number))
            try runBinding(values, from: index + 1)
        case .text(var text):
            try text.withUTF8 { buffer in
                try bindText(buffer, at: position)
                try runBinding(values, from: index + 1)
            }
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { buffer in
                try bindText(buffer, at: position)
                try runBinding(values, from: index + 1)
            }
        case .blob(let bytes):
            try bytes.withUnsafeBufferPointer { buffer in
                try database.check(sqlite3_bind_blob(
                    statement, position, UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!),
                    Int32(buffer.count), nil))
                try runBinding(values, from: index + 1)
            }
        }
    }

    private func bindText(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int32) throws(SQLiteError) {
        try database.check(sqlite3_bind_text(
            statement, position,
            UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
            Int32(buffer.count), nil))
    }

    /// Advances to the next row: true while there is one.
    func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(statement)
        if status == SQLITE_ROW { return true }
        if status == SQLITE_DONE { return false }
        let error = SQLiteError(code: status, message: database.lastMessage)
        sqlite3_reset(statement)
        throw error
    }

    /// Runs a statement that returns no rows.
    func run() throws(SQLiteError) {
        while try step() {}
        sqlite3_reset(statement)
    }

    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The length in bytes of a text or blob column, without reading it out.
    func byteCount(_ column: Int32) -> Int32 { sqlite3_column_bytes(statement, column) }

    /// A column's bytes, without copying them out of SQLite; valid only inside `body`.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let pointer = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard let pointer, count > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count))
    }

    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : text(column)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
}

enum StatementValue {
    case integer(Int64)
    case text(String)
    case bytes([UInt8])
    /// Bound as a BLOB: bytes that are not text.
    case blob([UInt8])
}

extension StatementValue {
    static func int(_ value: Int) -> StatementValue { .integer(Int64(value)) }
}
