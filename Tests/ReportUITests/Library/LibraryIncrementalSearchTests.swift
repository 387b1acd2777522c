import Foundation
import ReportKit
import Testing

@testable import ReportUI

/// A catalog that knows the first report with hits at once and gives the rest when its gate
/// opens, as the indexed catalog does on a large library.
private final class GatedCatalog: LibraryCatalog, @unchecked Sendable {
    let inner = MemoryLibraryCatalog.sample()
    let gate = DispatchSemaphore(value: 0)
    var entries: [LibraryEntry] { inner.entries }
    var listingNote: String { inner.listingNote }
    func open(_ entry: Int) -> Result<OpenedLibraryReport, LibraryOpenFailure> { inner.open(entry) }
    func search(_ query: SearchQuery) -> LibrarySearchOutcome { inner.search(query) }

    func startSearch(_ query: SearchQuery, firstScreen: Int) -> LibrarySearchStart {
        let whole = inner.search(query)
        let first = LibrarySearchOutcome(query: query, reports: Array(whole.reports.prefix(1)), isComplete: false)
        let gate = gate
        return LibrarySearchStart(outcome: first) { _ in
            gate.wait()
            return whole
        }
    }
}

@Suite struct LibraryIncrementalSearchTests {
    private func session(_ catalog: GatedCatalog) -> LibrarySession {
        LibrarySession(catalog: catalog, options: BrowserOptions(color: false), size: Size(width: 100, height: 30))
    }

    private func type(_ text: String, _ session: inout LibrarySession) {
        for event in BrowserFixtures.keys(text) { _ = session.handle(event) }
    }

    /// Polls as the run loop's wake-up does; generous, since the machine may be loaded.
    private func waitForBackgroundWork(_ session: LibrarySession) -> Bool {
        for _ in 0..<6_000 {
            if session.hasBackgroundWorkDone { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    @Test func theFirstScreenShowsAtOnceAndTheCountsArriveLater() {
        let catalog = GatedCatalog()
        var library = session(catalog)
        type("/信用修复\n", &library)
        let first = try! #require(library.list.search)
        #expect(first.reports.map(\.entry) == [0])
        #expect(!first.isComplete)
        let header = library.frame().screen.lines[0]
        #expect(header.contains("counting…"), "\(header)")
        #expect(library.frame().screen.lines.last?.contains("so far, counting…") == true)
        #expect(!library.hasBackgroundWorkDone, "the rest waits for its gate")
        let selected = library.list.selectedRow
        catalog.gate.signal()
        #expect(waitForBackgroundWork(library))
        let absorbed = library.absorbBackgroundWork()
        #expect(absorbed)
        let whole = try! #require(library.list.search)
        #expect(whole.isComplete)
        #expect(whole == catalog.inner.search(SearchQuery("信用修复")))
        #expect(library.list.selectedRow == selected, "the reader's place stays")
        #expect(library.list.rows.contains(.report(2)))
        #expect(!library.frame().screen.lines[0].contains("counting…"))
        #expect(!library.hasBackgroundWorkDone)
    }

    /// `n` past a report's last hit needs the next report with hits, which may not be counted
    /// yet: it waits for the count, then moves on.
    @Test func nAcrossReportsWaitsForTheCount() {
        let catalog = GatedCatalog()
        var library = session(catalog)
        type("/信用修复\n", &library)
        _ = library.handle(.key(.enter))
        #expect(library.current == 0)
        catalog.gate.signal()
        type("nnn", &library)
        #expect(library.current == 2, "the third n goes on to the report found by the count")
        #expect(library.list.search?.isComplete == true)
    }

    /// A new search gives up the count of the one before, whose late answer is not shown.
    @Test func aNewSearchReplacesTheCountInProgress() {
        let catalog = GatedCatalog()
        var library = session(catalog)
        type("/信用修复\n", &library)
        type("/法治\n", &library)
        #expect(library.list.search?.query.text == "法治")
        catalog.gate.signal()
        catalog.gate.signal()
        #expect(waitForBackgroundWork(library))
        _ = library.absorbBackgroundWork()
        #expect(library.list.search?.query.text == "法治")
        #expect(library.list.search == catalog.inner.search(SearchQuery("法治")))
    }
}
