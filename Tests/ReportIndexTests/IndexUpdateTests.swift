import Foundation
@testable import ReportIndex
import ReportKit
import Testing

@Suite struct IndexUpdateTests {
    private func search(_ text: String, _ fixture: LibraryFixture) -> (indexed: LibrarySearchResults, scanned: LibrarySearchResults) {
        let listing = LibraryFiles.list([fixture.library])
        return (
            LibrarySearch.run(SearchQuery(text), in: listing, index: .at(fixture.indexPath)),
            LibrarySearch.run(SearchQuery(text), in: listing, index: .none))
    }

    @Test func secondRunChangesNothing() throws {
        let fixture = try LibraryFixture(reports: 6)
        defer { fixture.remove() }
        let first = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(first.added == 7)
        #expect(first.textBytes > 0)
        let second = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(second.added == 0 && second.changed == 0 && second.removed == 0)
        #expect(second.unchanged == 8)
        #expect(second.textBytes == 0)
    }

    @Test func changedAddedAndDeletedFilesAreFollowed() throws {
        let fixture = try LibraryFixture(reports: 6)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        try fixture.write("变更后的报告\n一、独一无二的蓝鲸条款\n内容。\n", to: "lib/2023/report-0.txt")
        try fixture.write("新增的报告\n一、蓝鲸新增\n内容。\n", to: "lib/2024/new.txt")
        try FileManager.default.removeItem(atPath: fixture.library + "/2024/report-1.txt")
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.changed == 1)
        #expect(update.added == 1)
        #expect(update.removed == 1)
        let (indexed, scanned) = search("蓝鲸", fixture)
        #expect(indexed.filesFromIndex == indexed.filesSearched)
        #expect(PrintedHit.all(indexed).map(\.file) == [fixture.library + "/2023/report-0.txt", fixture.library + "/2024/new.txt"])
        #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned))
        // The deleted report's text is gone from the index, not only from the listing.
        let store = try IndexStore.openForReading(path: fixture.indexPath)
        #expect(try store.fileRecords().keys.contains { $0.hasSuffix("/report-1.txt") } == false)
    }

    @Test func aRenamedFileIsMovedNotReadAgain() throws {
        let fixture = try LibraryFixture(reports: 4)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let before = try IndexStore.openForReading(path: fixture.indexPath).fileRecords()
        let old = fixture.library + "/2024/report-1.txt"
        let new = fixture.library + "/2023/renamed.txt"
        try FileManager.default.moveItem(atPath: old, toPath: new)
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.renamed == 1)
        #expect(update.added == 0 && update.removed == 0)
        #expect(update.textBytes == 0)
        let after = try IndexStore.openForReading(path: fixture.indexPath).fileRecords()
        #expect(after[new]?.id == before[old]?.id)
        #expect(after[old] == nil)
        let text = try String(contentsOfFile: new, encoding: .utf8)
        let (indexed, scanned) = search(String(text.split(separator: "\n")[3].prefix(4)), fixture)
        #expect(PrintedHit.all(indexed).contains { $0.file == new })
        #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned))
    }

    @Test func twoCopiesOfOneRenamedFileAreARenameAndAnAddition() throws {
        let fixture = try LibraryFixture(reports: 4)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let old = fixture.library + "/2024/report-1.txt"
        let first = fixture.library + "/2023/copy-a.txt"
        let second = fixture.library + "/2023/copy-b.txt"
        try FileManager.default.copyItem(atPath: old, toPath: first)
        try FileManager.default.moveItem(atPath: old, toPath: second)
        // Both copies have the vanished record's hash, so no worker parses them; the one that
        // does not get the record must be parsed by the writer.
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.renamed == 1 && update.added == 1 && update.removed == 0, "\(update)")
        #expect(update.textBytes > 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        let (indexed, scanned) = search(String(text.split(separator: "\n")[3].prefix(4)), fixture)
        #expect(indexed.filesFromIndex == indexed.filesSearched)
        let files = Set(PrintedHit.all(indexed).map(\.file))
        #expect(files.contains(first) && files.contains(second))
        #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned))
    }

    @Test func preparingOnWorkersOrOnTheWritersThreadGivesTheSameIndex() throws {
        let fixture = try LibraryFixture(reports: 40)
        defer { fixture.remove() }
        let inlinePath = fixture.root + "/cache/inline.sqlite"
        let pooled = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath, preparingThreads: 3) { _ in }
        let inline = try IndexUpdate.run(paths: [fixture.library], indexPath: inlinePath, preparingThreads: 0) { _ in }
        #expect(pooled.added == 41 && inline.added == 41)
        #expect(pooled.textBytes == inline.textBytes)
        func rows(_ path: String) throws -> [String] {
            let store = try IndexStore.openForReading(path: path)
            let statement = try store.database.prepare(
                "SELECT f.path, f.title, p.position, p.address, p.line, p.text, hex(p.folded), hex(p.fold_map) FROM pieces p JOIN files f ON f.id = p.file ORDER BY p.id")
            var rows: [String] = []
            while try statement.step() {
                rows.append((0..<8).map { statement.text($0) }.joined(separator: "|"))
            }
            return rows
        }
        let pooledRows = try rows(fixture.indexPath)
        #expect(!pooledRows.isEmpty)
        #expect(pooledRows == (try rows(inlinePath)))
        let listing = LibraryFiles.list([fixture.library])
        let query = SearchQuery("法治")
        let viaPool = LibrarySearch.run(query, in: listing, index: .at(fixture.indexPath))
        let viaInline = LibrarySearch.run(query, in: listing, index: .at(inlinePath))
        #expect(viaPool.filesFromIndex == viaPool.filesSearched)
        #expect(PrintedHit.all(viaPool) == PrintedHit.all(viaInline))
    }

    @Test func aTouchedFileOnlyGetsItsNewTime() throws {
        let fixture = try LibraryFixture(reports: 2)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let path = fixture.library + "/2023/report-0.txt"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.touched == 1)
        #expect(update.textBytes == 0)
        #expect(search("报告", fixture).indexed.filesFromIndex == 4)
    }

    @Test func aStaleFileIsScannedUntilTheNextRun() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        try fixture.write("改过\n一、未索引的犀牛\n内容。\n", to: "lib/2023/report-0.txt")
        let (indexed, scanned) = search("犀牛", fixture)
        #expect(indexed.filesFromIndex == indexed.filesSearched - 1)
        #expect(PrintedHit.all(indexed).map(\.file) == [fixture.library + "/2023/report-0.txt"])
        #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned))
    }

    @Test func indexingOneFolderKeepsAnother() throws {
        let fixture = try LibraryFixture(reports: 6)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library + "/2023"], indexPath: fixture.indexPath) { _ in }
        let second = try IndexUpdate.run(paths: [fixture.library + "/2024"], indexPath: fixture.indexPath) { _ in }
        #expect(second.removed == 0)
        let records = try IndexStore.openForReading(path: fixture.indexPath).fileRecords()
        #expect(records.keys.contains { $0.contains("/2023/") })
        #expect(records.keys.contains { $0.contains("/2024/") })
    }
}
