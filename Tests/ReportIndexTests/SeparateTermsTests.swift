import CSQLite
import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// A first build writes its FTS5 rows on a thread of their own into a file of their own and
/// copies them into the index: the result must be the index an in-place build makes.
@Suite struct SeparateTermsTests {
    private func rows(_ sql: String, of path: String) throws -> [[String]] {
        let database = try Database(path: path, create: false, readOnly: true)
        let statement = try database.prepare(sql)
        var rows: [[String]] = []
        while try statement.step() {
            let count = sqlite3_column_count(statement.handle)
            rows.append((0..<count).map { column in
                statement.withBytes(column) { bytes in bytes.map { String($0, radix: 16) }.joined(separator: ".") }
            })
        }
        return rows
    }

    @Test func aFirstBuildsTermsAreTheInPlaceBuildsByteForByte() throws {
        let fixture = try LibraryFixture(reports: 40)
        defer { fixture.remove() }
        let inPlace = fixture.root + "/cache/in-place.sqlite"
        // Small batches, so that FTS5 writes and merges several segments in both builds.
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: inPlace, firstBuildAside: false) { _ in }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        for table in ["terms_data ORDER BY id", "terms_idx ORDER BY segid, term", "terms_config ORDER BY k",
                      "pieces ORDER BY id", "files ORDER BY id"] {
            let separate = try rows("SELECT * FROM \(table)", of: fixture.indexPath)
            #expect(separate.count > 0, "\(table)")
            #expect(separate == (try rows("SELECT * FROM \(table)", of: inPlace)), "\(table)")
        }
        let database = try Database(path: fixture.indexPath, create: false)
        try database.execute("INSERT INTO terms(terms) VALUES('integrity-check')")
        let listing = LibraryFiles.list([fixture.library])
        for query in ["法治", "政府", "法", "报告"] {
            let indexed = LibrarySearch.run(SearchQuery(query), in: listing, index: .at(fixture.indexPath))
            let scanned = LibrarySearch.run(SearchQuery(query), in: listing, index: .none)
            #expect(indexed.filesFromIndex == listing.files.count, "\(query)")
            #expect(indexed.totalHits == scanned.totalHits, "\(query)")
            #expect(indexed.files.map(\.file.absolutePath) == scanned.files.map(\.file.absolutePath), "\(query)")
            #expect(indexed.totalHits > 0, "\(query)")
        }
    }

    @Test func itsFileIsGoneAfterABuildAndALeftoverOneIsRemoved() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        try IndexStore.createDirectory(for: fixture.indexPath)
        let termsPath = SeparateTerms.path(for: FreshBuild.temporaryPath(for: fixture.indexPath))
        // What a killed first build leaves.
        try Data("half a terms file".utf8).write(to: URL(fileURLWithPath: termsPath))
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(summary.added > 0)
        for suffix in ["", "-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: termsPath + suffix), "\(suffix)")
        }
        let listing = LibraryFiles.list([fixture.library])
        #expect(LibrarySearch.run(SearchQuery("报告"), in: listing, index: .at(fixture.indexPath)).filesFromIndex
            == listing.files.count)
    }

    @Test func aRowThatCannotBeWrittenFailsTheFinish() throws {
        let fixture = try LibraryFixture(reports: 1)
        defer { fixture.remove() }
        try IndexStore.createDirectory(for: fixture.indexPath)
        let terms = try SeparateTerms(path: fixture.indexPath + "-terms", configure: IndexUpdate.configureTerms)
        defer { terms.remove() }
        // Marked as packed, but a token's length runs past the end: the tokenizer refuses it.
        terms.add([SeparateTerms.Item(firstPiece: 1, terms: [[0xFF, 9, 0x41]])])
        #expect(throws: (any Error).self) { try terms.finish() }
    }

    @Test func batchesHandedOverAreAllWrittenInOrder() throws {
        let fixture = try LibraryFixture(reports: 1)
        defer { fixture.remove() }
        try IndexStore.createDirectory(for: fixture.indexPath)
        let path = fixture.indexPath + "-terms"
        let terms = try SeparateTerms(path: path, configure: IndexUpdate.configureTerms)
        defer { terms.remove() }
        // One character of its own per batch, doubled: a bigram only that batch's pieces have.
        let marks = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉")
        var next: Int64 = 1
        for batch in 0..<20 {
            let items = (0..<5).map { file -> SeparateTerms.Item in
                let texts = (0..<3).map { piece in "\(marks[batch])\(marks[batch])第\(file)号\(piece)段法治" }
                defer { next += Int64(texts.count) }
                return SeparateTerms.Item(
                    firstPiece: next, terms: texts.map { PreparedPiece.packedTerms(of: Array($0.utf8)) })
            }
            terms.add(items)
        }
        try terms.finish()
        let database = try Database(path: path, create: false)
        let statement = try database.prepare("SELECT rowid FROM terms WHERE terms MATCH '\"法治\"' ORDER BY rowid")
        var rowids: [Int64] = []
        while try statement.step() { rowids.append(statement.integer(0)) }
        #expect(rowids == Array(1..<next))
        let batch7 = try database.prepare("SELECT rowid FROM terms WHERE terms MATCH '\"\(marks[7])\(marks[7])\"' ORDER BY rowid")
        var seventh: [Int64] = []
        while try batch7.step() { seventh.append(batch7.integer(0)) }
        #expect(seventh == Array(106...120))
    }
}
