import ReportKit
import Testing

@testable import ReportUI

/// `:` with a keyword several headings share opens a list of them; Enter goes to one.
@Suite struct GotoCandidatesTests {
    let report = BrowserFixtures.seed

    func candidates(_ query: String) -> [Int] {
        guard case .ambiguous(let found) = report.resolve(query) else { return [] }
        return found
    }

    @Test func anAmbiguousKeywordOpensTheListOnTheFirstCandidate() {
        var script = ScriptedSession()
        script.type(":法治\n")
        #expect(script.state.bindingContext == .gotoCandidates)
        #expect(script.state.selection == .title)
        let expected = candidates("法治")
        #expect(expected.count > 2)
        let frame = script.frameText
        #expect(frame.contains("“法治” · \(expected.count) sections"), "\(frame)")
        // Each row starts with the address and the heading's first words (the rest may be clipped).
        let rows = script.session.frame().screen.lines
        for index in expected.prefix(5) {
            let section = report.sections[index]
            let start = String(SectionLabels.treeLabel(of: section).prefix(6))
            #expect(rows.contains { $0.contains(section.address + " ") && $0.contains(start) }, "\(section.address) \(start)")
        }
        #expect(script.statusLine.hasSuffix("Enter jumps  Esc closes"), "\(script.statusLine)")
    }

    @Test func enterJumpsToTheHighlightedCandidateAndCtrlOComesBack() {
        var script = ScriptedSession()
        script.type(":聚焦\n")
        script.press(.down, .down, .up, .down)
        script.press(.enter)
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "4.3")
        script.press(.control("o"))
        #expect(script.state.selection == .title)
    }

    @Test func theCursorStopsAtBothEnds() {
        var script = ScriptedSession()
        script.type(":聚焦\n")
        script.press(.up)
        script.press(.enter)
        #expect(script.address == "4.1")
        script.type(":聚焦\n")
        script.press(.end, .down, .down)
        script.press(.enter)
        #expect(script.address == "4.3")
    }

    @Test(arguments: [Key.escape, .character("q")])
    func escapeOrQClosesWithoutMoving(_ key: Key) {
        var script = ScriptedSession()
        script.type("j:聚焦\n")
        script.press(key)
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "1")
        #expect(!script.frameText.contains("“聚焦”"))
    }

    @Test func aSingleMatchStillJumpsAtOnce() {
        var script = ScriptedSession()
        script.type(":述职述法\n")
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == "3.2")
    }

    @Test(arguments: [Size(width: 20, height: 5), Size(width: 40, height: 12), Size(width: 200, height: 60)])
    func theListFitsAnyTerminal(_ size: Size) {
        var script = ScriptedSession(size: size)
        script.type(":法治\n")
        let screen = script.session.frame().screen
        for line in screen.lines { #expect(DisplayWidth.of(line) <= size.width) }
        script.press(.end)
        script.press(.enter)
        #expect(script.state.selection == .section(candidates("法治").last ?? -1))
    }
}
