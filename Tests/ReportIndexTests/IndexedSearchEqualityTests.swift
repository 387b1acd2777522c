import Foundation
@testable import ReportIndex
import ReportKit
import Testing

@Suite struct IndexedSearchEqualityTests {
    @Test func indexedResultsEqualAScanOnRandomQueries() throws {
        var fixture = try LibraryFixture(reports: 40)
        defer { fixture.remove() }
        let summary = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        #expect(summary.added == 41)  // the 40 reports and the empty file
        #expect(summary.skipped.map(\.displayPath) == [fixture.library + "/2023/scan.bin"])
        let listing = LibraryFiles.list([fixture.library])
        let texts = try listing.files.filter { $0.size > 0 && $0.displayPath.hasSuffix(".txt") }
            .map { try String(contentsOfFile: $0.absolutePath, encoding: .utf8) }
        var compared = 0
        var withHits = 0
        for _ in 0..<120 {
            let query = SearchQuery(fixture.query(from: texts))
            let indexed = LibrarySearch.run(query, in: listing, index: .at(fixture.indexPath))
            let scanned = LibrarySearch.run(query, in: listing, index: .none)
            #expect(indexed.filesFromIndex == listing.files.count, "\(query.text)")
            #expect(scanned.filesFromIndex == 0)
            #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned), "\(query.text)")
            #expect(indexed.skipped == scanned.skipped)
            // Counted before placed: the counts must be those of the hits placed later, and a
            // first screen the start of them.
            #expect(indexed.totalHits == scanned.totalHits, "\(query.text)")
            for section in indexed.files.flatMap(\.sections) {
                let hits = section.hits
                #expect(section.hitCount == hits.count, "\(query.text) \(section.address)")
                let limit = compared % 3
                #expect(section.hits(prefix: limit) == Array(hits.prefix(limit)), "\(query.text) \(section.address)")
            }
            compared += 1
            if !indexed.files.isEmpty { withHits += 1 }
        }
        #expect(compared == 120)
        #expect(withHits > 60, "the queries come from the text, so most should match")
    }

    /// Folding cases the bigram index must not miss: full-width forms, case, hard line breaks
    /// and letter spacing between CJK characters, one-character terms at the end of a piece.
    @Test func foldedVariantsAreFoundThroughTheIndex() throws {
        let fixture = try LibraryFixture(reports: 0)
        defer { fixture.remove() }
        try fixture.write("标题\n一、总体要求\n推进ＧＤＰ增长和法治\n政府建设。\n二、主要任务\n法 治 政 府全面推进。末\n", to: "lib/2023/folding.txt")
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let listing = LibraryFiles.list([fixture.library])
        for (text, expected) in [("gdp", 1), ("法治政府", 2), ("末", 1), ("政府 推进", 2), ("Ｇ", 1), ("务", 1)] {
            let indexed = LibrarySearch.run(SearchQuery(text), in: listing, index: .at(fixture.indexPath))
            let scanned = LibrarySearch.run(SearchQuery(text), in: listing, index: .none)
            #expect(indexed.filesFromIndex == listing.files.count)
            #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned), "\(text)")
            #expect(Set(PrintedHit.all(indexed).map(\.address)).count == expected, "\(text): \(PrintedHit.all(indexed))")
        }
    }

    @Test func matchExpressionQuotesBigramsAndPrefixesSingleCharacters() {
        let needles = ["法治政府", "a\"b", "末", "x,y", "。"].map { Array($0.utf8) }
        // Bigrams with punctuation are not indexed: `a"b`, `x,y` and `。` add nothing.
        #expect(IndexedSearch.matchExpression(for: needles) == "\"法治\" AND \"治政\" AND \"政府\" AND \"末\"*")
        #expect(IndexedSearch.matchExpression(for: [Array("ab".utf8)]) == "\"ab\"")
        #expect(IndexedSearch.matchExpression(for: [[0x61, 0]]) == nil)
        #expect(IndexedSearch.matchExpression(for: [Array("，".utf8)]) == nil)
    }

    /// Terms with punctuation, and characters next to punctuation, are still found.
    @Test func punctuationDoesNotHideHits() throws {
        let fixture = try LibraryFixture(reports: 0)
        defer { fixture.remove() }
        try fixture.write("标题\n一、总体要求\n推进改革，优化环境。“放管服”改革！末\n", to: "lib/2023/punctuation.txt")
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let listing = LibraryFiles.list([fixture.library])
        for text in ["革，优", "革", "境", "服", "“放", "！", "，", "改革 末", "求"] {
            let indexed = LibrarySearch.run(SearchQuery(text), in: listing, index: .at(fixture.indexPath))
            let scanned = LibrarySearch.run(SearchQuery(text), in: listing, index: .none)
            #expect(indexed.filesFromIndex == listing.files.count)
            #expect(!PrintedHit.all(scanned).isEmpty, "\(text)")
            #expect(PrintedHit.all(indexed) == PrintedHit.all(scanned), "\(text)")
        }
    }
}
