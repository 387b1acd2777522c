import Foundation
@testable import ReportIndex
import ReportKit
import Testing

@Suite struct IndexRobustnessTests {
    private func compare(_ text: String, _ fixture: LibraryFixture) -> LibrarySearchResults {
        let listing = LibraryFiles.list([fixture.library])
        let indexed = LibrarySearch.run(SearchQuery(text), in: listing, index: .at(fixture.indexPath))
        let scanned = LibrarySearch.run(SearchQuery(text), in: listing, index: .none)
        #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned), "\(text)")
        #expect(!PrintedHit.all(indexed).isEmpty, "\(text)")
        return indexed
    }

    @Test func aCorruptIndexIsIgnoredBySearchAndRebuiltByIndex() throws {
        let fixture = try LibraryFixture(reports: 5)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        // Damage every page after the header, keeping the file a plausible size.
        let handle = try FileHandle(forWritingAtPath: fixture.indexPath).unwrap()
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 64 << 10))
        try handle.close()
        let results = compare("报告", fixture)
        #expect(results.filesFromIndex == 0)
        #expect(results.notices.count == 1)
        var notices: [String] = []
        let rebuild = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { notices.append($0) }
        #expect(notices.contains { $0.contains("rebuilding") })
        #expect(rebuild.added == 6)
        #expect(compare("报告", fixture).filesFromIndex == 7)
    }

    @Test func notADatabaseAtAll() throws {
        let fixture = try LibraryFixture(reports: 2)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root + "/cache", withIntermediateDirectories: true)
        try Data("this is not sqlite, just text that happens to sit there\n".utf8).write(to: URL(fileURLWithPath: fixture.indexPath))
        #expect(compare("报告", fixture).notices.count == 1)
        var notices: [String] = []
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { notices.append($0) }
        #expect(notices.count == 1)
        #expect(compare("报告", fixture).filesFromIndex == 4)
    }

    @Test func aNewerVersionsIndexIsNotRead() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let database = try Database(path: fixture.indexPath, create: false)
        try database.execute("UPDATE meta SET value = '\(IndexSchema.version + 1)' WHERE key = 'schema'")
        database.close()
        let results = compare("报告", fixture)
        #expect(results.filesFromIndex == 0)
        #expect(results.notices.first?.contains("newer version") == true)
        var notices: [String] = []
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { notices.append($0) }
        #expect(notices.first?.contains("newer version") == true)
        #expect(compare("报告", fixture).filesFromIndex == 5)
    }

    /// Format 1 stored no folding: this version must not read such an index, and `index`
    /// rebuilds it with the usual notice.
    @Test func anIndexWithoutStoredFoldingIsRebuilt() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        let first = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let database = try Database(path: fixture.indexPath, create: false)
        try database.execute("ALTER TABLE pieces DROP COLUMN fold_map")
        try database.execute("ALTER TABLE pieces DROP COLUMN folded")
        try database.execute("UPDATE meta SET value = '\(IndexSchema.version - 1)' WHERE key = 'schema'")
        database.close()
        let results = compare("报告", fixture)
        #expect(results.filesFromIndex == 0)
        #expect(results.notices.first?.contains("older version") == true)
        var notices: [String] = []
        let rebuild = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { notices.append($0) }
        #expect(notices.first?.contains("older version") == true)
        #expect(notices.first?.contains("rebuilding") == true)
        #expect(rebuild.added == first.added)
        #expect(compare("报告", fixture).filesFromIndex == 5)
    }

    /// Queries search the stored folding, not the text: emptied, the index finds nothing.
    @Test func queriesSearchTheStoredFolding() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let database = try Database(path: fixture.indexPath, create: false)
        try database.execute("UPDATE pieces SET folded = x''")
        database.close()
        let listing = LibraryFiles.list([fixture.library])
        let indexed = LibrarySearch.run(SearchQuery("报告"), in: listing, index: .at(fixture.indexPath))
        #expect(indexed.filesFromIndex == 5)
        #expect(indexed.totalHits == 0)
        #expect(LibrarySearch.run(SearchQuery("报告"), in: listing, index: .none).totalHits > 0)
    }

    /// A damaged offset map is not trusted: the piece is folded again, and results stay exact.
    @Test func aDamagedFoldMapFallsBackToFolding() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let database = try Database(path: fixture.indexPath, create: false)
        try database.execute("UPDATE pieces SET fold_map = x'FFFFFFFFFFFF'")
        database.close()
        #expect(compare("报告", fixture).filesFromIndex == 5)
        #expect(compare("法治政府 2024-0", fixture).filesFromIndex == 5)
    }

    @Test func twoRunsAtOnceBothFinishWithOneCorrectIndex() throws {
        let fixture = try LibraryFixture(reports: 30)
        defer { fixture.remove() }
        let group = DispatchGroup()
        let outcomes = Outcomes()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                do {
                    let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
                    outcomes.add(summary.added)
                } catch {
                    outcomes.add(-1)
                }
                group.leave()
            }
        }
        group.wait()
        // One run indexed everything; the other waited for the lock and found it done.
        #expect(outcomes.values.sorted() == [0, 31])
        let records = try IndexStore.openForReading(path: fixture.indexPath).fileRecords()
        #expect(records.count == 32)
        #expect(compare("法治", fixture).filesFromIndex == 32)
    }

    @Test func aFullDiskStopsTheRunAndLosesNothing() throws {
        let fixture = try LibraryFixture(reports: 60)
        defer { fixture.remove() }
        // Create the schema first, then let the file grow only a little.
        _ = try IndexUpdate.run(paths: [fixture.root + "/nothing-here"], indexPath: fixture.indexPath) { _ in }
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath, pageLimit: 40) { _ in }
        #expect(summary.stoppedBecause?.contains("disk is full") == true)
        let partial = compare("法治", fixture)
        #expect(partial.filesFromIndex < partial.filesSearched)
        let resumed = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(resumed.stoppedBecause == nil)
        #expect(compare("法治", fixture).filesFromIndex == partial.filesSearched)
    }

    @Test func aFileChangingOrVanishingWhileItIsReadLosesNothing() throws {
        let fixture = try LibraryFixture(reports: 6)
        defer { fixture.remove() }
        let changing = LibraryFiles.absolutePath(fixture.library + "/2024/report-1.txt")
        let vanishing = LibraryFiles.absolutePath(fixture.library + "/2024/区县/report-2.txt")
        var notices: [String] = []
        let first = try IndexUpdate.run(
            paths: [fixture.library], indexPath: fixture.indexPath, pageLimit: nil,
            afterReading: { path in
                if path == changing {
                    // A writer appends while the indexer holds the old text.
                    let handle = FileHandle(forWritingAtPath: path)!
                    handle.seekToEndOfFile()
                    handle.write(Data("\n追加段落：信用修复的新做法写在这里。\n".utf8))
                    handle.closeFile()
                } else if path == vanishing {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }, notice: { notices.append($0) })
        #expect(notices.filter { $0.contains("changed while it was read") }.count == 2, "\(notices)")
        // Neither half-read file is in the index; the others are.
        #expect(first.added == 5, "\(first)")
        // The changed file is searched by reading it: its new text is found, and the vanished
        // one is simply not there, with nothing skipped or broken.
        let during = compare("追加段落", fixture)
        #expect(during.files.map(\.file.absolutePath) == [changing])
        #expect(during.files.first?.fromIndex == false)
        #expect(during.skipped.map(\.displayPath) == [fixture.library + "/2023/scan.bin"])
        #expect(during.filesFromIndex == during.filesSearched - 1)
        _ = compare("法治", fixture)
        // The next run takes the changed file as it is now.
        let second = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(second.added == 1 && second.removed == 0, "\(second)")
        let after = compare("追加段落", fixture)
        #expect(after.files.first?.fromIndex == true)
        #expect(after.filesFromIndex == after.filesSearched)
    }

    @Test func unreadableFilesAreListedNotFatal() throws {
        let fixture = try LibraryFixture(reports: 2)
        defer { fixture.remove() }
        let listing = LibraryFiles.list([fixture.library, fixture.root + "/missing"])
        #expect(listing.skipped.map(\.displayPath) == [fixture.root + "/missing"])
        let scanned = LibrarySearch.run(SearchQuery("报告"), in: listing, index: .none)
        #expect(scanned.skipped.map(\.displayPath).sorted() == [fixture.root + "/missing", fixture.library + "/2023/scan.bin"].sorted())
        #expect(!scanned.files.isEmpty)
    }
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    func add(_ value: Int) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}

extension Optional {
    func unwrap() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileNoSuchFile) }
        return self
    }
}
