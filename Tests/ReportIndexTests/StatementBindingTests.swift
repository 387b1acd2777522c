@testable import ReportIndex
import Testing

@Suite struct StatementBindingTests {
    @Test func valuesBoundInPlaceAreStoredAndThenCleared() throws {
        let database = try Database(path: ":memory:", create: true)
        try database.execute("CREATE TABLE t(a TEXT, b BLOB, c INTEGER, d TEXT)")
        let insert = try database.prepare("INSERT INTO t(a, b, c, d) VALUES (?, ?, ?, ?)")
        var long = ""
        for index in 0..<2_000 { long += "法治\(index)" }
        try insert.run(.text(long), .blob([0, 1, 2, 255]), .integer(42), .bytes(Array("政府".utf8)))
        try insert.run(.text("第二行"), nil, .int(-1), .text(""))
        // No values: the bindings were cleared after the last run, so nothing stale is read.
        try insert.run()
        let rows = try database.prepare("SELECT a, hex(b), c, d, a IS NULL, b IS NULL FROM t ORDER BY rowid")
        var seen: [[String]] = []
        while try rows.step() {
            seen.append([rows.text(0), rows.text(1), String(rows.integer(2)), rows.text(3), String(rows.integer(4)), String(rows.integer(5))])
        }
        #expect(seen.count == 3)
        #expect(seen.first == [long, "000102FF", "42", "政府", "0", "0"])
        #expect(seen.dropFirst().first == ["第二行", "", "-1", "", "0", "1"])
        #expect(seen.last == ["", "", "0", "", "1", "1"])
    }

    @Test func valuesBoundOneByOneAreStoredAndThenClearedEvenWhenABindFails() throws {
        let database = try Database(path: ":memory:", create: true)
        try database.execute("CREATE TABLE t(a TEXT, b BLOB, c INTEGER)")
        let insert = try database.prepare("INSERT INTO t(a, b, c) VALUES (?, ?, ?)")
        var long = ""
        for index in 0..<2_000 { long += "政府\(index)" }
        let blob: [UInt8] = [0, 1, 2, 255]
        try long.withUTF8 { text in
            try blob.withUnsafeBufferPointer { bytes in
                try insert.run { () throws(SQLiteError) in
                    try insert.bindInPlace(1, text: text)
                    try insert.bindInPlace(2, blob: bytes)
                    try insert.bindInPlace(3, integer: 7)
                }
            }
        }
        // A position past the statement's last parameter fails: no row, and the bindings made
        // before the failure are cleared with it.
        var failed = false
        do {
            try insert.run { () throws(SQLiteError) in
                try insert.bindInPlace(1, integer: 9)
                try insert.bindInPlace(4, integer: 9)
            }
        } catch {
            failed = true
        }
        #expect(failed)
        try insert.run()
        let rows = try database.prepare("SELECT a, hex(b), c, a IS NULL, typeof(a) FROM t ORDER BY rowid")
        var seen: [[String]] = []
        while try rows.step() {
            seen.append([rows.text(0), rows.text(1), String(rows.integer(2)), String(rows.integer(3)), rows.text(4)])
        }
        #expect(seen == [[long, "000102FF", "7", "0", "text"], ["", "", "0", "1", "null"]])
    }
}
