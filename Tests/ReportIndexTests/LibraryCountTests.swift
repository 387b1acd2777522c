import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// `search --count`'s library side: the number of matching sections per file must be the
/// number of sections the index-free search lists, whether it came from the bigram postings,
/// from confirming candidates, or from reading the files.
@Suite struct LibraryCountTests {
    /// What the index-free search lists, reduced to a count per file.
    private func scannedCounts(_ query: SearchQuery, _ listing: LibraryFiles.Listing) -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in LibrarySearch.run(query, in: listing, index: .none).files {
            counts[file.file.displayPath] = file.sections.count
        }
        return counts
    }

    private func counts(_ results: LibraryCountResults) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: results.files.map { ($0.file.displayPath, $0.sections) })
    }

    /// A two-character query drawn from the text, so that most of them take the postings path.
    private func twoCharacterQuery(_ fixture: inout LibraryFixture, from texts: [String]) -> String {
        var query = ""
        while query.unicodeScalars.count != 2 {
            query = fixture.query(from: texts)
            query = String(query.filter { !$0.isWhitespace }.prefix(2))
        }
        return query
    }

    @Test func countsEqualTheIndexFreeSearchOnRandomQueries() throws {
        var fixture = try LibraryFixture(reports: 40, seed: 151)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let listing = LibraryFiles.list([fixture.library])
        let texts = try listing.files.filter { $0.size > 0 && $0.displayPath.hasSuffix(".txt") }
            .map { try String(contentsOfFile: $0.absolutePath, encoding: .utf8) }
        var fromPostings = 0
        var confirmed = 0
        var withHits = 0
        for round in 0..<160 {
            let text = round % 2 == 0 ? twoCharacterQuery(&fixture, from: texts) : fixture.query(from: texts)
            let query = SearchQuery(text)
            let indexed = LibraryCount.run(query, in: listing, index: .at(fixture.indexPath))
            let unindexed = LibraryCount.run(query, in: listing, index: .none)
            let expected = scannedCounts(query, listing)
            #expect(indexed.filesFromIndex == listing.files.count, "\(text)")
            #expect(unindexed.filesFromIndex == 0 && !unindexed.fromPostings)
            #expect(counts(indexed) == expected, "\(text)")
            #expect(counts(unindexed) == expected, "\(text)")
            // Listing order, as the search prints files.
            #expect(indexed.files.map(\.file.displayPath) == unindexed.files.map(\.file.displayPath), "\(text)")
            #expect(indexed.skipped == unindexed.skipped)
            // Listing the folders while the index is read gives the very same results.
            if round % 4 == 0 {
                let meanwhile = LibraryCount.run(query, paths: [fixture.library], index: .at(fixture.indexPath))
                #expect(meanwhile.files == indexed.files && meanwhile.skipped == indexed.skipped, "\(text)")
                #expect(meanwhile.filesFromIndex == indexed.filesFromIndex && meanwhile.fromPostings == indexed.fromPostings)
            }
            if indexed.fromPostings { fromPostings += 1 } else { confirmed += 1 }
            if !expected.isEmpty { withHits += 1 }
        }
        #expect(fromPostings >= 50, "two-character queries of Han text are answered by the postings")
        #expect(confirmed >= 30, "longer and one-character queries are confirmed")
        #expect(withHits > 100)
    }

    /// Folding the postings must not miss or invent: full-width letters, case, a line break and
    /// spaces between Chinese characters, the front matter as a section of its own.
    @Test func postingsCountFoldedVariantsAndTheFrontMatter() throws {
        let fixture = try LibraryFixture(reports: 0)
        defer { fixture.remove() }
        try fixture.write("法治报告\n发布日期：2024-01-01\n一、总体要求\n推进ＧＤＰ增长和法治\n政府建设。\n二、主要任务\n法 治 政 府全面推进。\n三、其他\n无关内容，治。政\n", to: "lib/2023/folding.txt")
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let listing = LibraryFiles.list([fixture.library])
        for (text, sections) in [("gd", 1), ("法治", 3), ("治政", 2), ("Ｄｐ", 1), ("推进 政府", 2), ("治。", 1)] {
            let query = SearchQuery(text)
            let indexed = LibraryCount.run(query, in: listing, index: .at(fixture.indexPath))
            #expect(indexed.filesFromIndex == listing.files.count)
            #expect(indexed.totalSections == sections, "\(text)")
            #expect(counts(indexed) == scannedCounts(query, listing), "\(text)")
            // `治。` holds punctuation, which is no token: confirmed, never counted by postings.
            #expect(indexed.fromPostings == (text != "治。"), "\(text)")
        }
    }

    /// Piece ids must stay one range per file through updates: deleted, changed and added files.
    @Test func countsStayRightAfterIncrementalUpdates() throws {
        var fixture = try LibraryFixture(reports: 12, seed: 152)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        try FileManager.default.removeItem(atPath: fixture.library + "/2024/report-1.txt")
        try fixture.write(fixture.makeReport(100) + "附则：法治建设。\n", to: "lib/2023/report-0.txt")
        try fixture.write(fixture.makeReport(101), to: "lib/2024/added.txt")
        let update = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(update.changed == 1 && update.added == 1 && update.removed == 1)
        let records = try IndexStore.openForReading(path: fixture.indexPath).searchRecords().values.filter { $0.failure == nil }
        let ranges = records.map(\.pieces).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        for (earlier, later) in zip(ranges, ranges.dropFirst()) { #expect(earlier.upperBound <= later.lowerBound) }
        let listing = LibraryFiles.list([fixture.library])
        let texts = try listing.files.filter { $0.size > 0 && $0.displayPath.hasSuffix(".txt") }
            .map { try String(contentsOfFile: $0.absolutePath, encoding: .utf8) }
        for _ in 0..<40 {
            let text = twoCharacterQuery(&fixture, from: texts)
            let indexed = LibraryCount.run(SearchQuery(text), in: listing, index: .at(fixture.indexPath))
            #expect(indexed.filesFromIndex == listing.files.count)
            #expect(counts(indexed) == scannedCounts(SearchQuery(text), listing), "\(text)")
        }
    }

    /// A file changed since the index was built is read, and its count is its new one.
    @Test func aStaleFileIsReadInstead() throws {
        let fixture = try LibraryFixture(reports: 6, seed: 153)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let changed = fixture.library + "/2023/report-0.txt"
        try fixture.write("改过的报告\n一、蓝鲸\n蓝鲸条款。\n二、又是蓝鲸\n内容。\n", to: "lib/2023/report-0.txt")
        let listing = LibraryFiles.list([fixture.library])
        let indexed = LibraryCount.run(SearchQuery("蓝鲸"), in: listing, index: .at(fixture.indexPath))
        #expect(indexed.filesFromIndex == listing.files.count - 1)
        #expect(indexed.files.map(\.file.displayPath) == [changed])
        #expect(indexed.totalSections == 2)
        let meanwhile = LibraryCount.run(SearchQuery("蓝鲸"), paths: [fixture.library], index: .at(fixture.indexPath))
        #expect(meanwhile.files == indexed.files && meanwhile.filesFromIndex == indexed.filesFromIndex)
        let onlyIndex = LibraryCount.run(SearchQuery("蓝鲸"), in: listing, index: .at(fixture.indexPath), indexOnly: true)
        #expect(onlyIndex.files.isEmpty)
    }

    @Test func onlyBigramsOfIndexedCharactersAreAnsweredByPostings() {
        func answered(_ terms: [String]) -> Bool {
            IndexedCount.isAnsweredByPostings(PieceSearcher(query: SearchQuery(terms.joined(separator: " "))).needles)
        }
        #expect(answered(["精神"]))
        #expect(answered(["ＡＢ"]))
        #expect(answered(["法治", "政府"]))
        #expect(!answered(["法治政府"]))
        #expect(!answered(["法"]))
        #expect(!answered(["法，"]))
        #expect(!answered(["法治", "府"]))
    }
}
