import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// `CountReadAhead`: the index's records read before the count asks for them must give the
/// count it would give without, and never another index's. One process-wide slot, so these run
/// one at a time (no other suite starts a read ahead).
@Suite(.serialized) struct CountReadAheadTests {
    private func counts(_ results: LibraryCountResults) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: results.files.map { ($0.file.displayPath, $0.sections) })
    }

    private func index(_ fixture: LibraryFixture) throws {
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
    }

    @Test func aReadAheadGivesTheCountWithoutIt() throws {
        let fixture = try LibraryFixture(reports: 9, seed: 171)
        defer { fixture.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n二、蓝鲸\n", to: "lib/2024/whale.txt")
        try index(fixture)
        let without = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        CountReadAhead.start(indexPath: fixture.indexPath)
        let ahead = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(counts(ahead) == counts(without))
        #expect(counts(ahead) == [fixture.library + "/2024/whale.txt": 2])
        #expect(ahead.fromPostings && ahead.filesFromIndex == without.filesFromIndex)
        #expect(CountReadAhead.take(for: .at(fixture.indexPath)) == nil, "a read ahead is used once")
    }

    /// Started for one index, the count over another must read its own.
    @Test func aReadAheadOfAnotherIndexIsNotUsed() throws {
        let fixture = try LibraryFixture(reports: 6, seed: 172)
        let other = try LibraryFixture(reports: 6, seed: 173)
        defer { fixture.remove(); other.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n", to: "lib/2023/whale.txt")
        try index(fixture)
        try index(other)
        CountReadAhead.start(indexPath: other.indexPath)
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(counts(results) == [fixture.library + "/2023/whale.txt": 1])
        #expect(results.filesFromIndex == LibraryFiles.list([fixture.library]).files.count)
        #expect(CountReadAhead.take(for: .at(other.indexPath)) != nil, "left for its own index")
    }

    /// No index there: the read ahead says so, and the count reads the files as it would.
    @Test func aReadAheadOfAMissingIndexSearchesWithoutIt() throws {
        let fixture = try LibraryFixture(reports: 6, seed: 174)
        defer { fixture.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n", to: "lib/2023/whale.txt")
        CountReadAhead.start(indexPath: fixture.indexPath)
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(counts(results) == [fixture.library + "/2023/whale.txt": 1])
        #expect(results.filesFromIndex == 0 && results.notices.isEmpty)
    }

    /// The index updated after its records were read ahead, with a file changed: the count
    /// reads the postings of the snapshot its records came from, and the changed file, whose
    /// time no longer matches that record, from the disk.
    @Test func anUpdateAfterTheReadAheadChangesNoAnswer() throws {
        let fixture = try LibraryFixture(reports: 9, seed: 175)
        defer { fixture.remove() }
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n", to: "lib/2024/区县/whale.txt")
        try index(fixture)
        CountReadAhead.start(indexPath: fixture.indexPath)
        // Taken and waited for, then handed back, so that the records surely precede the update.
        let ahead = try #require(CountReadAhead.take(for: .at(fixture.indexPath)))
        _ = ahead.value
        try fixture.write("报告\n一、蓝鲸\n蓝鲸条款。\n二、蓝鲸\n三、蓝鲸\n", to: "lib/2024/区县/whale.txt")
        try fixture.write("报告\n一、蓝鲸\n", to: "lib/2023/new-whale.txt")
        try index(fixture)
        CountReadAhead.put(ahead, for: fixture.indexPath)
        let results = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        let scanned = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .none)
        #expect(counts(results) == counts(scanned))
        #expect(counts(results) == [fixture.library + "/2024/区县/whale.txt": 3, fixture.library + "/2023/new-whale.txt": 1])
        #expect(results.filesFromIndex == LibraryFiles.list([fixture.library]).files.count - 2)
    }
}
