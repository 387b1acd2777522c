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
}
