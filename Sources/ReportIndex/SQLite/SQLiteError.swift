import CSQLite

/// A failed SQLite call: its result code and SQLite's message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var description: String { message }

    /// The primary result code, without the extended bits.
    var primary: Int32 { code & 0xFF }
    /// The file is not a database or its pages are damaged.
    public var isCorruption: Bool { primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB }
    public var isDiskFull: Bool { primary == SQLITE_FULL }
    public var isBusy: Bool { primary == SQLITE_BUSY || primary == SQLITE_LOCKED }
}
