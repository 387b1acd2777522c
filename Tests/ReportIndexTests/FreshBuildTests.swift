import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// A first build goes to a temporary file and is renamed into place; later runs update in place.
@Suite struct FreshBuildTests {
    private func journalMode(of path: String) throws -> String {
        try pragma("journal_mode", of: path)
    }

    private func pragma(_ name: String, of path: String) throws -> String {
        let database = try Database(path: path, create: false, readOnly: true)
        let statement = try database.prepare("PRAGMA \(name)")
        _ = try statement.step()
        return statement.text(0)
    }

    @Test func aFirstBuildEndsInPlaceInWALModeWithNoTemporaryFileLeft() throws {
        let fixture = try LibraryFixture(reports: 4)
        defer { fixture.remove() }
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(summary.added > 0)
        #expect(try journalMode(of: fixture.indexPath) == "wal")
        let temporary = FreshBuild.temporaryPath(for: fixture.indexPath)
        for suffix in ["", "-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: temporary + suffix), "\(suffix)")
        }
        let listing = LibraryFiles.list([fixture.library])
        let indexed = LibrarySearch.run(SearchQuery("报告"), in: listing, index: .at(fixture.indexPath))
        #expect(indexed.filesFromIndex == listing.files.count, "every file answered from the index")
        #expect(indexed.notices.isEmpty)
    }

    @Test func aKilledFirstBuildsTemporaryFileIsRemovedAndNeverReadAsTheIndex() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        try IndexStore.createDirectory(for: fixture.indexPath)
        let temporary = FreshBuild.temporaryPath(for: fixture.indexPath)
        // What a run killed halfway leaves: a file beside the index, possibly with a journal.
        try Data("half a database".utf8).write(to: URL(fileURLWithPath: temporary))
        try Data("a hot journal of another file".utf8).write(to: URL(fileURLWithPath: temporary + "-journal"))
        let listing = LibraryFiles.list([fixture.library])
        let before = LibrarySearch.run(SearchQuery("报告"), in: listing, index: .at(fixture.indexPath))
        #expect(before.filesFromIndex == 0)
        #expect(before.notices.isEmpty, "no index yet is not a broken index: \(before.notices)")
        var notices: [String] = []
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { notices.append($0) }
        #expect(notices.isEmpty, "\(notices)")
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(!FileManager.default.fileExists(atPath: temporary + "-journal"))
        let after = LibrarySearch.run(SearchQuery("报告"), in: listing, index: .at(fixture.indexPath))
        #expect(after.filesFromIndex == listing.files.count, "every file answered from the index")
        #expect(summary.added > 0)
    }

    @Test func anUpdateOfAnExistingIndexStaysInPlace() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let before = try FileManager.default.attributesOfItem(atPath: fixture.indexPath)[.systemFileNumber] as? Int
        let existing = try #require(LibraryFiles.list([fixture.library]).files.first)
        var copy = try Data(contentsOf: URL(fileURLWithPath: existing.absolutePath))
        copy.append(Data("\n补充说明。\n".utf8))
        try copy.write(to: URL(fileURLWithPath: fixture.library + "/added-copy.txt"))
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(summary.added == 1)
        let after = try FileManager.default.attributesOfItem(atPath: fixture.indexPath)[.systemFileNumber] as? Int
        #expect(before != nil)
        #expect(before == after, "an incremental update writes the index itself, not a copy")
        #expect(try journalMode(of: fixture.indexPath) == "wal")
    }
}
