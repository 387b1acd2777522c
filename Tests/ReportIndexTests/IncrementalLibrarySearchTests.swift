import Foundation
@testable import ReportIndex
import ReportKit
import Testing

/// The incremental search, extended in steps to the end, must give what the one-shot search
/// and an index-free scan give, whatever the order of the index's rows.
@Suite struct IncrementalLibrarySearchTests {
    private func expectSame(
        _ incremental: IncrementalLibrarySearch, _ oneShot: LibrarySearchResults, _ label: String
    ) {
        let results = incremental.results
        #expect(incremental.isComplete, "\(label)")
        #expect(PrintedHit.all(results) == PrintedHit.all(oneShot), "\(label)")
        #expect(results.files.map(\.file) == oneShot.files.map(\.file), "\(label)")
        #expect(results.files.map { $0.sections.map(\.hitCount) } == oneShot.files.map { $0.sections.map(\.hitCount) }, "\(label)")
        #expect(results.skipped == oneShot.skipped, "\(label)")
        #expect(results.notices == oneShot.notices, "\(label)")
        #expect(results.filesFromIndex == oneShot.filesFromIndex, "\(label)")
        #expect(results.filesSearched == oneShot.filesSearched, "\(label)")
        #expect(results.totalHits == oneShot.totalHits, "\(label)")
    }

    /// Extends by random screens, checking on the way that what is shown is a prefix of the
    /// final result and never changes once decided.
    private func extendInSteps(
        _ incremental: IncrementalLibrarySearch, random: inout SplitMix, oneShot: LibrarySearchResults, _ label: String
    ) {
        var steps = 0
        while !incremental.isComplete {
            let screen = incremental.results.files.count + random.int(in: 1...3)
            incremental.extend(toMatchingFiles: screen)
            let shown = incremental.results.files
            #expect(shown.count <= screen, "\(label)")
            #expect(shown.count == screen || incremental.isComplete, "\(label): stopped before a screen was full")
            #expect(shown.map(\.file) == Array(oneShot.files.prefix(shown.count)).map(\.file), "\(label)")
            steps += 1
            if steps > 10_000 { break }
        }
    }

    @Test func extendedInStepsItEqualsTheOneShotAndTheScan() throws {
        var fixture = try LibraryFixture(reports: 40)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        // Files updated after the build get rowids at the end, out of the listing's order; one
        // left changed since makes the index answer for all but that one.
        let listed = LibraryFiles.list([fixture.library]).files.filter { $0.displayPath.hasSuffix(".txt") && $0.size > 0 }
        for file in [listed[0], listed[7], listed[20]] {
            try (String(contentsOfFile: file.absolutePath, encoding: .utf8) + "\n新增法治政府建设内容。\n")
                .write(toFile: file.absolutePath, atomically: false, encoding: .utf8)
        }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        try (String(contentsOfFile: listed[3].absolutePath, encoding: .utf8) + "\n尚未索引的法治内容。\n")
            .write(toFile: listed[3].absolutePath, atomically: false, encoding: .utf8)

        let whole = LibraryFiles.list([fixture.library])
        let subfolder = LibraryFiles.list([fixture.library + "/2024"])
        // A file listed twice, and the listing's files reversed (rowids against the listing).
        let twice = LibraryFiles.Listing(files: whole.files + whole.files.prefix(5), skipped: whole.skipped)
        let reversed = LibraryFiles.Listing(files: whole.files.reversed(), skipped: whole.skipped)
        let texts = try listed.map { try String(contentsOfFile: $0.absolutePath, encoding: .utf8) }
        var random = SplitMix(seed: 15)
        var withSeveralFiles = 0
        // Queries with a one-character term, whose cursor starts cheaper (`IndexedFileSearch`).
        var withCharacterTerm = 0
        for round in 0..<20 {
            let query = SearchQuery(round == 0 ? "法治" : round == 1 ? "法" : round == 2 ? "法 治理" : fixture.query(from: texts))
            let clauses = IndexedSearch.matchClauses(for: PieceSearcher(query: query).needles)
            if !clauses.prefixes.isEmpty { withCharacterTerm += 1 }
            for (name, listing) in [("whole", whole), ("2024", subfolder), ("twice", twice), ("reversed", reversed)] {
                let oneShot = LibrarySearch.run(query, in: listing, index: .at(fixture.indexPath))
                let scanned = LibrarySearch.run(query, in: listing, index: .none)
                #expect(PrintedHit.all(oneShot) == PrintedHit.all(scanned), "\(query.text) \(name)")
                #expect(oneShot.filesFromIndex == listing.files.count - (listing.files.filter { $0 == whole.files.first { $0.absolutePath == listed[3].absolutePath } }.count))
                // Cheap-row limits: never reached, the whole expression from the second file on,
                // and a change of cursor somewhere inside the listing.
                for (jumpLimit, cheapRowLimit) in [
                    (IndexedFileSearch.defaultJumpLimit, IndexedFileSearch.defaultCheapRowLimit), (0, IndexedFileSearch.defaultCheapRowLimit),
                    (IndexedFileSearch.defaultJumpLimit, 0), (0, 0), (IndexedFileSearch.defaultJumpLimit, random.int(in: 1...200)),
                ] {
                    let label = "\(query.text) \(name) jump \(jumpLimit) cheap rows \(cheapRowLimit)"
                    let incremental = IncrementalLibrarySearch(
                        query, in: listing, index: .at(fixture.indexPath), scope: nil, indexOnly: false, jumpLimit: jumpLimit,
                        cheapRowLimit: cheapRowLimit)
                    #expect(incremental.filesDecided == 0)
                    extendInSteps(incremental, random: &random, oneShot: oneShot, label)
                    expectSame(incremental, oneShot, label)
                }
                let withoutIndex = IncrementalLibrarySearch(query, in: listing, index: .none)
                withoutIndex.extendToEnd()
                expectSame(withoutIndex, scanned, "\(query.text) \(name) no index")
                if oneShot.files.count > 2 { withSeveralFiles += 1 }
            }
        }
        #expect(withSeveralFiles > 30, "most queries come from the text and hit several reports")
        #expect(withCharacterTerm >= 2)
    }

    /// A first screen decides only the files up to its last report, when the hits are spread.
    @Test func aFirstScreenStopsAtItsLastReport() throws {
        let fixture = try LibraryFixture(reports: 30)
        defer { fixture.remove() }
        _ = try IndexUpdate.run(paths: [fixture.library], indexPath: fixture.indexPath) { _ in }
        let listing = LibraryFiles.list([fixture.library])
        let query = SearchQuery("报告")  // in every report's title
        let oneShot = LibrarySearch.run(query, in: listing, index: .at(fixture.indexPath))
        #expect(oneShot.files.count == 30)
        let incremental = IncrementalLibrarySearch(query, in: listing, index: .at(fixture.indexPath))
        incremental.extend(toMatchingFiles: 5)
        #expect(incremental.results.files.count == 5)
        let lastShown = try #require(incremental.results.files.last).file
        #expect(incremental.filesDecided == (listing.files.firstIndex(of: lastShown) ?? -1) + 1)
        #expect(!incremental.isComplete)
        var stops = 0
        incremental.extendToEnd { stops += 1; return stops > 3 }
        #expect(!incremental.isComplete, "a caller that gives up stops the counting")
        incremental.extendToEnd()
        expectSame(incremental, oneShot, "报告")
    }

    @Test func anUnusableIndexGivesTheOneShotsNotice() throws {
        let fixture = try LibraryFixture(reports: 3)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root + "/cache", withIntermediateDirectories: true)
        try "not a database".write(toFile: fixture.indexPath, atomically: false, encoding: .utf8)
        let listing = LibraryFiles.list([fixture.library])
        let oneShot = LibrarySearch.run(SearchQuery("法治"), in: listing, index: .at(fixture.indexPath))
        #expect(!oneShot.notices.isEmpty)
        let incremental = IncrementalLibrarySearch(SearchQuery("法治"), in: listing, index: .at(fixture.indexPath))
        incremental.extendToEnd()
        expectSame(incremental, oneShot, "unusable index")
    }
}
