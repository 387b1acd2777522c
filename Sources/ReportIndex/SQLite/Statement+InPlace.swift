import CSQLite

/// Binding one position at a time, for the index build's two inserts per piece: the variadic
/// `run(values…)` builds an array of enums per row and walks it through nested closures, which
/// the single SQLite writer, the build's bottleneck, paid for on 1.3 million rows.
///
/// Texts and blobs are bound in place (`SQLITE_STATIC`), inside `run(binding:)`, which is
/// called inside the scope of every buffer bound and clears the bindings before it returns.
extension Statement {
    func bindInPlace(_ position: Int32, integer: Int64) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, position, integer))
    }

    /// Bound as TEXT: FTS5 tokenizes text, and SQLite gives TEXT columns back as text.
    func bindInPlace(_ position: Int32, text buffer: UnsafeBufferPointer<UInt8>) throws(SQLiteError) {
        try check(sqlite3_bind_text(
            handle, position,
            UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self),
            Int32(buffer.count), nil))
    }

    func bindInPlace(_ position: Int32, blob buffer: UnsafeBufferPointer<UInt8>) throws(SQLiteError) {
        try check(sqlite3_bind_blob(
            handle, position, UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!),
            Int32(buffer.count), nil))
    }

    /// Binds through `binding`, steps a statement that returns no rows, then resets it and
    /// clears its bindings, so that no binding outlives the buffers it points into, whether a
    /// bind or the step failed or not.
    func run(binding: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try binding()
        while try step() {}
    }
}
