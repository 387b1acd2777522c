import ReportKit
import Testing

@testable import ReportUI

/// Continuous reading (issue 14 item 1): the text pane reads the whole report in order, the
/// tree follows the section at the top, a sticky line names it, and `c` goes back to one
/// section at a time.
@Suite struct ContinuousReadingTests {
    let report = BrowserFixtures.seed
    let size = Size(width: 100, height: 16)

    func press(_ text: String, size: Size? = nil) -> (BrowserState, BrowserContext) {
        var (state, context) = BrowserFixtures.state(report, size: size ?? self.size)
        for event in BrowserFixtures.keys(text) {
            if let action = BrowserApp.action(for: event, in: state.bindingContext) { state.send(action, context: context) }
        }
        return (state, context)
    }

    func chapter(of state: BrowserState) -> Int? {
        state.reading.section.map { report.path(to: $0)[0] }
    }

    @Test func spaceAtTheEndOfAChapterRunsOnIntoTheNext() {
        // Chapter 一, text focused, then pages until the reading leaves the chapter.
        var (state, context) = press("j\t")
        let first = report.roots[0]
        var pages = 0
        while chapter(of: state) == first, pages < 200 {
            state.send(.pageDown, context: context)
            pages += 1
        }
        #expect(chapter(of: state) == report.roots[1], "\(state.reading)")
        // The tree follows: the selected row is the section at the top, or its shown ancestor.
        let top = try! #require(state.reading.section)
        #expect(state.selection.sectionIndex.map { report.path(to: top).contains($0) } == true)
        let frame = BrowserFixtures.frame(report, state)
        let text = BrowserFixtures.rows(of: frame, in: state.layout.detailText)
        #expect(text.contains { $0.contains(SectionLabels.heading(of: report.sections[report.roots[1]])) } || text[0].contains("二、"),
            "\(text.joined(separator: "\n"))")
    }

    @Test func jAndPageUpCrossSectionBoundariesBothWays() {
        // From the second chapter's heading, k goes back into the first chapter's last text.
        var (state, context) = press("}}\t")
        #expect(state.reading.section == report.roots[1])
        state.send(.moveUp, context: context)
        #expect(state.reading.section.map { report.path(to: $0)[0] } == report.roots[0])
        #expect(state.selection.sectionIndex.map { report.path(to: $0)[0] } == report.roots[0])
        state.send(.moveDown, context: context)
        state.send(.moveDown, context: context)
        #expect(state.reading.section == report.roots[1])
    }

    @Test func theNextSiblingKeyFollowsTheSectionAtTheTop() {
        var (state, context) = press("j\t")
        var steps = 0
        while state.reading.section != 2, steps < 100 {
            state.send(.moveDown, context: context)
            steps += 1
        }
        #expect(state.selection == .section(2))
        state.send(.nextSibling, context: context)
        #expect(state.selection == .section(3))
    }

    @Test func theStickyLineNamesTheSectionWhoseTextIsAtTheTop() {
        var (state, context) = press("j\t")
        // At the chapter's heading the sticky line shows where it is: the report.
        var rows = BrowserFixtures.rows(of: BrowserFixtures.frame(report, state), in: state.layout.detailText)
        #expect(rows[0] == SectionLabels.title(of: report), "\(rows)")
        #expect(rows[1] == "一、主要举措和突出成效")
        // Scrolled into (一)'s text, (一)'s heading has gone: the sticky line holds its path.
        for _ in 0..<3 { state.send(.moveDown, context: context) }
        #expect(state.reading.section == 1 && state.reading.part == .body)
        rows = BrowserFixtures.rows(of: BrowserFixtures.frame(report, state), in: state.layout.detailText)
        #expect(rows[0] == "一、主要举措和突出成效 › (一)聚力法治统筹,强化履职担当", "\(rows)")
        #expect(!rows[1].contains("(一)聚力法治统筹"))
    }

    @Test func cTogglesOneSectionAtATime() {
        var (state, context) = press("j\tc")
        #expect(!state.reader.continuous)
        #expect(state.message?.text.contains("One section at a time") == true)
        state.send(.goLast, context: context)
        let end = state.reading
        state.send(.pageDown, context: context)
        #expect(state.reading == end)
        #expect(chapter(of: state) == report.roots[0])
        // And back: the same key runs on into the next chapter.
        state.send(.toggleContinuous, context: context)
        #expect(state.reader.continuous)
        for _ in 0..<200 where chapter(of: state) == report.roots[0] { state.send(.pageDown, context: context) }
        #expect(chapter(of: state) == report.roots[1])
    }

    @Test func gAndGGoToTheEndsOfTheReport() {
        var (state, context) = press("}}\tG")
        let last = report.sections.count - 1
        #expect(state.reading.section.map { report.path(to: $0)[0] } == report.roots.last)
        #expect(state.reading.section! <= last)
        state.send(.goFirst, context: context)
        #expect(state.reading.section == nil)
        #expect(state.selection == .title)
    }

    @Test func aContinuousDocumentReadsEverySectionOnceInOrder() {
        for width in [19, 37, 99] {
            let document = DetailDocument(
                report: report, root: .section(3), width: width, glyphs: .unicode, cache: DetailLineCache(), continuous: true)
            var cursor = document.firstCursor
            var headings: [Int] = []
            var steps = 0
            while true {
                if cursor.unit.part == .heading, cursor.line == 0, let section = cursor.unit.section { headings.append(section) }
                let next = document.advance(cursor, by: 1)
                guard next != cursor, steps < 100_000 else { break }
                // Moving back undoes moving on.
                #expect(document.advance(next, by: -1) == cursor)
                cursor = next
                steps += 1
            }
            #expect(headings == Array(report.sections.indices), "width \(width)")
            #expect(cursor == document.lastCursor)
        }
    }
}
