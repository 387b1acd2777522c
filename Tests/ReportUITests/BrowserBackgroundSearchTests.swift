import Foundation
import ReportKit
import Testing

@testable import ReportUI

/// Holds the search worker's queries until the test opens it, so that what the browser shows
/// while a query runs is deterministic, and records which queries ran to the end.
final class SearchGate: @unchecked Sendable {
    // Everything is only touched with `condition` locked.
    private let condition = NSCondition()
    private var isOpen = false
    private var finishedQueries: [String] = []
    /// Superseded queries honour their cancellation unless this is false.
    let honoursCancellation: Bool

    init(honoursCancellation: Bool = true) {
        self.honoursCancellation = honoursCancellation
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    var finished: [String] {
        condition.lock()
        defer { condition.unlock() }
        return finishedQueries
    }

    func run(
        _ index: SearchIndex, _ query: SearchQuery, _ previous: SearchResults?, _ cancellation: SearchCancellation
    ) -> Result<SearchResults, SearchError>? {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
        // A literal search on a short text never reaches a cancellation check: look once, as
        // the long scans do.
        if honoursCancellation, cancellation.isCancelled { return nil }
        let outcome = BackgroundSearch.indexSearch(index, query, previous, honoursCancellation ? cancellation : SearchCancellation())
        condition.lock()
        if outcome != nil { finishedQueries.append(query.text) }
        condition.unlock()
        return outcome
    }

    /// A cache whose every search runs on the worker, behind this gate, without waiting for it.
    func cache(for report: Report) -> SearchCache {
        SearchCache(report: report, backgroundSearchThreshold: 0, foregroundWait: 0, runSearch: { self.run($0, $1, $2, $3) })
    }
}

@Suite struct BrowserBackgroundSearchTests {
    let report = BrowserFixtures.seed
    let size = Size(width: 100, height: 30)

    func session(_ cache: SearchCache? = nil, ascii: Bool = false) -> BrowserSession {
        BrowserSession(report: report, options: BrowserOptions(ascii: ascii, color: false), size: size, searchCache: cache)
    }

    func type(_ text: String, into session: inout BrowserSession) {
        for event in BrowserFixtures.keys(text) { _ = session.handle(event) }
    }

    func status(_ session: BrowserSession) -> String { session.frame().screen.lines.last ?? "" }

    /// Waits for the worker to answer the latest query and takes the answer in.
    func settle(_ session: inout BrowserSession, cache: SearchCache) throws {
        try #require(waitUntil { session.hasBackgroundWorkDone || cache.pendingQuery == nil })
        _ = session.absorbBackgroundWork()
        #expect(cache.pendingQuery == nil)
    }

    @Test func aQueryRunningOnTheWorkerShowsSearchingThenItsHits() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信用修复", into: &waiting)
        #expect(status(waiting).hasSuffix(" searching…"), "\(status(waiting))")
        #expect(waiting.state.search?.isSearching == true)
        #expect(waiting.state.search?.results == nil)
        // Nothing of the query is highlighted or selected yet: the reader is where they were.
        var untouched = session()
        type("/", into: &untouched)
        #expect(waiting.state.selection == untouched.state.selection)

        gate.open()
        try settle(&waiting, cache: cache)
        var direct = session()
        type("/信用修复", into: &direct)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
        #expect(status(waiting).hasSuffix(" 1/3"), "\(status(waiting))")
    }

    @Test func aNewerKeystrokeSupersedesThePendingQuery() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信", into: &waiting)
        type("用", into: &waiting)
        #expect(status(waiting).hasSuffix(" searching…"))
        gate.open()
        try settle(&waiting, cache: cache)
        // 信 was given up before it finished; only 信用's hits are shown.
        #expect(gate.finished == ["信用"])
        #expect(waiting.state.search?.query.text == "信用")
        var direct = session()
        type("/信用", into: &direct)
        #expect(waiting.state.search?.hitCount == direct.state.search?.hitCount)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
    }

    @Test func anAnswerToASupersededQueryIsNeverHandedOn() throws {
        // The worker runs the older query to its end regardless: its answer must still not be
        // taken for the newer query's.
        let gate = SearchGate(honoursCancellation: false)
        let cache = gate.cache(for: report)
        let older = SearchQuery("信")
        let newer = SearchQuery("信用修复")
        if case .searching? = cache.answer(for: older) {} else { Issue.record("the older query did not wait") }
        if case .searching? = cache.answer(for: newer) {} else { Issue.record("the newer query did not wait") }
        gate.open()
        var delivered: [SearchDelivery] = []
        try #require(waitUntil {
            if let delivery = cache.adoptFinishedSearch() { delivered.append(delivery) }
            return cache.pendingQuery == nil
        })
        #expect(delivered.map(\.query) == [newer])
        guard case .done(.success(let results))? = delivered.first?.answer else {
            Issue.record("no results for the newer query")
            return
        }
        #expect(results.query == newer)
        #expect(results.totalCount == 3)
    }

    @Test func enterAndNWhilePendingLandOnTheRightHit() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信用修复\nn", into: &waiting)
        // Enter did not wait: the prompt is closed and the search says it is still running.
        #expect(waiting.state.bindingContext == .browse)
        #expect(waiting.state.search?.isSearching == true)
        #expect(status(waiting).contains("/信用修复 searching…"), "\(status(waiting))")

        gate.open()
        try settle(&waiting, cache: cache)
        var direct = session()
        type("/信用修复\nn", into: &direct)
        #expect(waiting.state.search?.current == 1)
        #expect(waiting.state.search?.current == direct.state.search?.current)
        #expect(waiting.state.selection == direct.state.selection)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
        #expect(status(waiting).contains(" 2/3 "), "\(status(waiting))")
        // Back where the search started from, as after a search that was never pending.
        _ = waiting.handle(.key(.control("o")))
        _ = direct.handle(.key(.control("o")))
        #expect(waiting.state.selection == direct.state.selection)
    }

    @Test func keysPressedBeforeTheReaderMovedOnAreNotCarriedOutLate() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信用修复\nnj", into: &waiting)
        let movedTo = waiting.state.selection
        gate.open()
        try settle(&waiting, cache: cache)
        // The hits are in, but neither Enter's jump nor the `n` pressed before `j` moves the reader.
        #expect(waiting.state.search?.hitCount == 3)
        #expect(waiting.state.search?.current == nil)
        #expect(waiting.state.selection == movedTo)
        #expect(status(waiting).contains(" 3 hits"), "\(status(waiting))")
    }

    @Test func theFilterAskedForWhilePendingComesWithTheHits() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信用修复\nF", into: &waiting)
        #expect(waiting.state.search?.filter == nil)
        gate.open()
        try settle(&waiting, cache: cache)
        var direct = session()
        type("/信用修复\nF", into: &direct)
        #expect(waiting.state.search?.isFiltered == true)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
    }

    @Test func escapeWhilePendingGivesTheQueryUp() throws {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        var waiting = session(cache)
        type("/信用", into: &waiting)
        _ = waiting.handle(.key(.escape))
        #expect(waiting.state.search == nil)
        #expect(cache.pendingQuery == nil)
        gate.open()
        let before = waiting.frame().screen.lines
        let changed = waiting.absorbBackgroundWork()
        #expect(!changed)
        #expect(waiting.frame().screen.lines == before)
    }

    @Test func searchingIsSpelledInAsciiOnAnAsciiTerminal() {
        let gate = SearchGate()
        var waiting = session(gate.cache(for: report), ascii: true)
        type("/xyxf", into: &waiting)
        #expect(status(waiting).hasSuffix(" searching..."), "\(status(waiting))")
        type("\n", into: &waiting)
        #expect(status(waiting).contains("/xyxf searching..."), "\(status(waiting))")
        gate.open()
    }

    @Test func aShortReportStillSearchesInTheFrameOfItsKey() {
        let cache = SearchCache(report: report)
        var short = session(cache)
        type("/信用修复", into: &short)
        #expect(cache.pendingQuery == nil)
        #expect(short.state.search?.isSearching == false)
        #expect(status(short).hasSuffix(" 1/3"), "\(status(short))")
    }

    @Test func theRunLoopDrawsTheHitsWhenTheWorkerFinishes() {
        let gate = SearchGate()
        let cache = gate.cache(for: report)
        let script: [InputEvent?] = BrowserFixtures.keys("/xyxf") + [nil] + BrowserFixtures.keys("\nn")
        let (statuses, woken) = GatedTerminal.statuses(of: report, cache: cache, script: script, size: size, open: gate.open)
        #expect(woken == 1)
        // The first frame, `/` and four letters, the hits landing, Enter, n.
        #expect(statuses.count == 9, "\(statuses)")
        guard statuses.count == 9 else { return }
        #expect(statuses[5].contains("searching…"), "\(statuses[5])")
        #expect(statuses[6].hasSuffix(" 1/3"), "\(statuses[6])")
        #expect(statuses[8].contains(" 2/3 "), "\(statuses[8])")
    }
}
