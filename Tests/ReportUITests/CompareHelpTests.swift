import ReportKit
import Testing

@testable import ReportUI

/// `?` in the compare view lists the compare view's keys and those that work anywhere, not the
/// single-report browser's or the library's.
@Suite struct CompareHelpTests {
    @Test func helpListsOnlyTheCompareAndAnywhereKeys() {
        var session = CompareFixtures.session(size: Size(width: 120, height: 60))
        session.press(.character("?"))
        let text = session.lines.joined(separator: "\n")
        #expect(text.contains("Compare view"), "\(text)")
        #expect(text.contains("Next change: a pair that is not the same"), "\(text)")
        #expect(text.contains("Suspend to the shell"), "the Anywhere keys stay: \(text)")
        #expect(!text.contains("Mark this place"), "no browser keys: \(text)")
        #expect(!text.contains("Order by path, date"), "no library keys: \(text)")
        let lines = HelpOverlay.lines(ascii: false, contexts: CompareState.helpContexts)
        let listed = Set(lines.map(\.summary))
        let inside = KeyBindings.all.filter { CompareState.helpContexts.contains($0.context) }
        let insideSummaries = Set(inside.map(\.summary))
        for binding in inside { #expect(listed.contains(binding.summary), "\(binding.summary)") }
        // Another context's row is listed only when a compare row has the same words ("Quit").
        for binding in KeyBindings.all where !insideSummaries.contains(binding.summary) {
            #expect(!listed.contains(binding.summary), "\(binding.summary)")
        }
    }

    @Test func helpScrollsOnlyAsFarAsItsOwnLines() {
        var session = CompareFixtures.session(size: Size(width: 120, height: 16))
        session.press(.character("?"))
        for _ in 0..<40 { session.press(.pageDown) }
        guard case .help(let scroll) = session.state.mode else {
            Issue.record("the help is not shown")
            return
        }
        let size = Size(width: 120, height: 16)
        #expect(scroll == HelpOverlay.maxScroll(in: size, contexts: CompareState.helpContexts))
        #expect(scroll < HelpOverlay.maxScroll(in: size))
        #expect(session.lines.contains { $0.contains("Redraw the screen") || $0.contains("Mouse") || $0.contains("Wheel") })
    }
}
