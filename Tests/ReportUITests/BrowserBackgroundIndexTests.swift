import Foundation
import ReportKit
import Testing

@testable import ReportUI

/// Holds a background index build until the test opens it, so that what the browser shows
/// before the index lands is deterministic.
final class IndexGate: @unchecked Sendable {
    // `isOpen` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func build(_ report: Report) -> SearchIndex {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
        return SearchIndex(report: report)
    }

    /// A cache that builds in the background whatever the report's length, behind this gate.
    func cache(for report: Report) -> SearchCache {
        SearchCache(report: report, backgroundThreshold: 0, buildIndex: { self.build($0) })
    }
}

/// Waits (without a time limit that matters: ten seconds is for a hung build) until `done`.
@Suite struct BrowserBackgroundIndexTests {
    let report = BrowserFixtures.seed
    let size = Size(width: 100, height: 30)

    func session(_ cache: SearchCache? = nil) -> BrowserSession {
        BrowserSession(report: report, options: BrowserOptions(color: false), size: size, searchCache: cache)
    }

    func type(_ text: String, into session: inout BrowserSession) {
        for event in BrowserFixtures.keys(text) { _ = session.handle(event) }
    }

    func status(_ session: BrowserSession) -> String { session.frame().screen.lines.last ?? "" }

    @Test func aSearchTypedBeforeTheIndexLandsShowsIndexingThenItsResults() throws {
        let gate = IndexGate()
        var waiting = session(gate.cache(for: report))
        waiting.startBackgroundWork()
        type("/信用", into: &waiting)
        #expect(status(waiting).contains("indexing…"), "\(status(waiting))")
        #expect(waiting.state.search?.awaitsIndex == true)
        #expect(waiting.state.search?.results == nil)
        let absorbedEarly = waiting.absorbBackgroundWork()
        #expect(!absorbedEarly)

        gate.open()
        try #require(waitUntil { waiting.hasBackgroundWorkDone })
        let absorbed = waiting.absorbBackgroundWork()
        #expect(absorbed)
        #expect(waiting.state.search?.awaitsIndex == false)

        // From here on it is the browser that had its index all along.
        var direct = session()
        type("/信用", into: &direct)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
        type("修复", into: &waiting)
        type("修复", into: &direct)
        #expect(waiting.frame().screen.lines == direct.frame().screen.lines)
        #expect(status(waiting).hasSuffix(" 1/3"), "\(status(waiting))")
    }

    @Test func enterBeforeTheIndexLandsWaitsForIt() {
        let gate = IndexGate()
        var waiting = session(gate.cache(for: report))
        waiting.startBackgroundWork()
        type("/信用修复", into: &waiting)
        #expect(status(waiting).contains("indexing…"))
        gate.open()
        type("\n", into: &waiting)
        #expect(waiting.state.bindingContext == .browse)
        #expect(waiting.state.search?.hitCount == 3)
        #expect(status(waiting).contains(" 1/3 "), "\(status(waiting))")
        #expect(waiting.state.selection.sectionIndex.map { report.sections[$0].address } == "1.2")
    }

    @Test func theRunLoopDrawsTheResultsWhenTheIndexLandsWhileTheReaderWaits() {
        let gate = IndexGate()
        let cache = gate.cache(for: report)
        let script: [InputEvent?] = BrowserFixtures.keys("/信用修复") + [nil] + BrowserFixtures.keys("\nn")
        let (statuses, woken) = GatedTerminal.statuses(of: report, cache: cache, script: script, size: size, open: gate.open)
        #expect(woken == 1)
        // The first frame, `/` and four characters, the results landing, Enter, n.
        #expect(statuses.count == 9, "\(statuses)")
        guard statuses.count == 9 else { return }
        #expect(statuses[5].contains("indexing…"), "\(statuses[5])")
        #expect(statuses[6].hasSuffix(" 1/3"), "\(statuses[6])")
        #expect(statuses[7].contains(" 1/3 "), "\(statuses[7])")
        #expect(statuses[8].contains(" 2/3 "), "\(statuses[8])")
        #expect(cache.isIndexBuilt && !cache.isIndexing)
    }

    @Test func aShortReportBuildsItsIndexOnTheFirstSearchInstead() {
        let cache = SearchCache(report: report)
        var short = session(cache)
        short.startBackgroundWork()
        #expect(!cache.isIndexing && !cache.isIndexBuilt)
        type("/信", into: &short)
        #expect(cache.isIndexBuilt)
        #expect(!status(short).contains("indexing"))
    }

    @Test func escapeWhileIndexingLeavesNoSearchBehind() throws {
        let gate = IndexGate()
        var waiting = session(gate.cache(for: report))
        waiting.startBackgroundWork()
        type("/信用", into: &waiting)
        _ = waiting.handle(.key(.escape))
        #expect(waiting.state.search == nil)
        gate.open()
        try #require(waitUntil { waiting.hasBackgroundWorkDone })
        // Nothing waits for the index any more: taking it in changes nothing on screen.
        let before = waiting.frame().screen.lines
        let changed = waiting.absorbBackgroundWork()
        #expect(!changed)
        #expect(waiting.frame().screen.lines == before)
    }
}
