import ReportKit
import Testing

@testable import ReportUI

/// Reflow in the text pane (issue 14 item 5): a hard-wrapped source is shown with its cut
/// lines joined, `=` shows it as cut, and the reading place and search hits follow.
@Suite struct ReflowTogglingTests {
    static let body = HardWrapReflowTests.hardWrapped.dropFirst(2).joined(separator: "\n")
    static let report = BrowserFixtures.parse("测试报告\n一、标题\n\(body)\n")

    func lineCount(_ state: BrowserState, _ context: BrowserContext) -> Int {
        let document = state.readerDocument(for: state.selection, layout: state.layout, context: context)
        return document.placedLines(from: document.firstCursor, count: 1_000).count
    }

    func topSource(_ state: BrowserState, _ context: BrowserContext) -> Range<Int>? {
        let document = state.readerDocument(for: state.selection, layout: state.layout, context: context)
        let top = document.top(for: state.reading, height: state.readerTextRect(state.layout).height)
        let placed = document.placedLines(from: top, count: 1)
        return placed.first.flatMap { ReadingProgress.sourceRange(of: $0.unit, $0.line, in: Self.report) }
    }

    @Test func equalsTogglesReflowAndKeepsTheReadingPlace() throws {
        let report = Self.report
        #expect(HardWrapProfile.detect(in: report)?.wrapWidth == 40)
        var (state, context) = BrowserFixtures.state(report, size: Size(width: 120, height: 40))
        #expect(state.reader.reflow != nil, "on by default for a hard-wrapped report")
        let reflowed = lineCount(state, context)
        // Into the text, a few lines down: the top is inside the first joined paragraph.
        for action in [Action.switchFocus, .moveDown, .moveDown, .moveDown] { state.send(action, context: context) }
        let anchor = state.place.anchor(in: report).offset
        let before = try #require(topSource(state, context))
        #expect(before.contains(anchor))

        state.send(try #require(BrowserApp.action(for: .key(.character("=")), in: state.bindingContext)), context: context)
        #expect(state.reader.reflow == nil)
        #expect(state.message?.text.contains("As cut") == true)
        #expect(lineCount(state, context) > reflowed, "the cut lines come back one a row")
        let after = try #require(topSource(state, context))
        #expect(after.contains(anchor), "\(after) \(anchor)")

        state.send(.toggleReflow, context: context)
        #expect(state.reader.reflow != nil)
        #expect(lineCount(state, context) == reflowed)
        #expect(try #require(topSource(state, context)).contains(anchor))
    }

    @Test func aReportWrittenOneParagraphALineIsNotReflowed() {
        let report = BrowserFixtures.parse("测试报告\n一、标题\n\(HardWrapReflowTests.unwrapped.dropFirst(2).joined(separator: "\n"))\n")
        var (state, context) = BrowserFixtures.state(report)
        #expect(state.reader.reflow == nil)
        state.send(.toggleReflow, context: context)
        #expect(state.reader.reflow == nil)
        #expect(state.message?.text.contains("not hard-wrapped") == true)
    }

    /// Stacked at 23 columns the text column is 22 cells: nine ideographs after the indent,
    /// then eleven a row. The source cuts every 20, so characters 38–41 straddle a cut and
    /// share the fourth reflowed row.
    @Test func aHitAcrossAJoinLightsTheRightCells() {
        let paragraph = Array(HardWrapReflowTests.paragraph)
        let query = String(paragraph[38..<42])
        var script = SearchScript(Self.report, size: Size(width: 23, height: 30))
        #expect(script.state.layout.detailText.width == 22)
        #expect(script.state.reader.reflow != nil)
        script.type("/" + query + "\n")
        #expect(script.state.search?.hitCount == 1)
        let frame = script.frame()
        let rect = script.state.layout.detailText
        let runs = BrowserSearchHighlightTests.runs(in: frame, rect: rect)
        #expect(runs.map(\.text) == [query], "\(runs)\n\(frame.dump())")
        for run in runs {
            let drawn = BrowserSearchHighlightTests.occurrences(of: run.text, in: frame, rect: rect)
            #expect(drawn.contains { $0.y == run.y && $0.x == run.x }, "\(run)")
        }
        // As cut, the same hit is in two pieces, one on each source line.
        script.press([.character("=")])
        let cut = BrowserSearchHighlightTests.runs(in: script.frame(), rect: rect)
        #expect(cut.map(\.text) == [String(paragraph[38..<40]), String(paragraph[40..<42])], "\(cut)")
    }
}
