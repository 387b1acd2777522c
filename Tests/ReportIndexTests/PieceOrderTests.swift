import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// `IndexedFileSearch` and `search --count` take a file's rowid range from its `files` row
/// (first_piece, piece_count), which is exact only while every file's pieces have consecutive
/// rowids in position order and the row records them.
/// The build, an update of changed files, a rename and a removal must all keep that.
@Suite struct PieceOrderTests {
    /// Files whose pieces break the order: rowids not rising by one with the position.
    private func filesOutOfOrder(in indexPath: String) throws -> [Int64] {
        let database = try Database(path: indexPath, create: false, readOnly: true)
        let rows = try database.prepare("SELECT file, position, id FROM pieces ORDER BY file, position")
        var broken: Set<Int64> = []
        var previous: (file: Int64, position: Int64, id: Int64)?
        var pieces = 0
        while try rows.step() {
            let row = (file: rows.integer(0), position: rows.integer(1), id: rows.integer(2))
            if let previous, previous.file == row.file, row.id != previous.id + 1 || row.position != previous.position + 1 {
                broken.insert(row.file)
            }
            if previous?.file != row.file, row.position != 0 { broken.insert(row.file) }
            previous = row
            pieces += 1
        }
        #expect(pieces > 100, "the fixture's reports have pieces")
        let recorded = try database.prepare("""
            SELECT files.id, files.first_piece, files.piece_count, min(pieces.id), count(pieces.id)
            FROM files LEFT JOIN pieces ON pieces.file = files.id GROUP BY files.id
            """)
        while try recorded.step() {
            if recorded.integer(4) > 0, recorded.integer(1) != recorded.integer(3) || recorded.integer(2) != recorded.integer(4) {
                broken.insert(recorded.integer(0))
            }
        }
        return broken.sorted()
    }

    @Test func everyFilesPiecesRiseWithTheirPositions() throws {
        var fixture = try LibraryFixture(reports: 24)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(try filesOutOfOrder(in: fixture.indexPath).isEmpty, "first build")

        let listed = LibraryFiles.list([fixture.library]).files.filter { $0.displayPath.hasSuffix(".txt") && $0.size > 0 }
        try #require(listed.count > 6)
        for file in [listed[1], listed[4]] {
            try (String(contentsOfFile: file.absolutePath, encoding: .utf8) + "\n（九）补充的法治政府建设内容。\n")
                .write(toFile: file.absolutePath, atomically: false, encoding: .utf8)
        }
        try FileManager.default.moveItem(atPath: listed[2].absolutePath, toPath: listed[2].absolutePath + ".moved.txt")
        try FileManager.default.removeItem(atPath: listed[3].absolutePath)
        let added = fixture.makeReport(98)
        try fixture.write(added, to: "lib/2024/new-98.txt")
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.changed == 2 && update.renamed == 1 && update.removed == 1 && update.added == 1)
        #expect(try filesOutOfOrder(in: fixture.indexPath).isEmpty, "after an update")
    }
}
