import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Key sequences through the real key table, asserting on the state and on the frames.
@Suite struct BrowserStateTests {
    let report = BrowserFixtures.seed

    /// The state after `keys`, pressed through the shared driver.
    func press(_ keys: [Key], size: Size = Size(width: 100, height: 30)) -> (BrowserState, BrowserContext) {
        var script = SearchScript(report, size: size)
        script.press(keys)
        return (script.state, script.context)
    }

    func typed(_ text: String) -> [Key] { KeyScripts.keys(typing: text) }

    func address(_ state: BrowserState) -> String? {
        state.selection.sectionIndex.map { report.sections[$0].address }
    }

    @Test func seedParsesIntoFourChapters() {
        #expect(report.roots.count == 4)
        #expect(report.sections.count == 18)
    }

    @Test(arguments: [
        ("", nil),
        ("j", "1"),
        ("jj", "1.1"),
        ("jjk", "1"),
        ("jjjjjjjj", "2"),
        ("G", "4.3"),
        ("Gg", nil),
        ("jh", "1"),  // the chapter closes first…
        ("jhh", nil),  // …then ← goes to the title
        ("jhj", "2"),  // a closed chapter is one row
        ("jhll", "1.1"),  // → opens, → again descends
        ("jjh", "1"),  // ← on a leaf goes to the parent
        ("j]", "2"),
        ("jj]", "1.2"),
        ("jjjjjjj]", "2.1"),  // same level across chapters
        ("jj}", "2"),
        ("jjj{", "1"),  // inside a chapter, { goes to its heading first
        ("jjjjjjjjj{{", "1"),
        ("}}}", "3"),
        ("}}}}", "4"),
    ] as [(String, String?)])
    func keysMoveTheSelection(_ keys: String, _ expected: String?) {
        let (state, _) = press(typed(keys))
        #expect(address(state) == expected, "after \(keys)")
    }

    @Test(arguments: [
        ("j[", "No earlier section at this level"),
        ("G]", "No later section at this level"),
        ("G}", "This is the last chapter"),
        ("j{", "This is the first chapter"),
        ("[", "Already at the title"),
    ])
    func jumpsThatCannotGoSaySo(_ keys: String, _ message: String) {
        let (state, _) = press(typed(keys))
        #expect(state.message?.text == message)
        let frame = BrowserFixtures.frame(report, state)
        #expect(frame.lines.last?.contains(message) == true, "\(frame.lines.joined(separator: "\n"))")
    }

    @Test func messageGoesAwayOnTheNextKey() {
        let (state, _) = press(typed("[j"))
        #expect(state.message == nil)
    }

    @Test func gotoShowsTheSectionAndItsText() {
        let (state, _) = press([.character(":")] + typed("3.2\n"))
        #expect(state.bindingContext == .browse)
        #expect(address(state) == "3.2")
        let text = BrowserFixtures.frame(report, state).lines.joined(separator: "\n")
        #expect(text.contains("强化述职述法"))
        #expect(text.contains("7名区领导出庭应诉8次"))
        let (wide, _) = press([.character(":")] + typed("3.2\n"), size: Size(width: 130, height: 30))
        let status = BrowserFixtures.frame(report, wide).lines.last ?? ""
        #expect(status.hasPrefix(" 三、党政主要负责人履行推进法治建设第一责任人职责情况 › (二)强化述职述法 "), "\(status)")
    }

    @Test(arguments: ["三(二)", "三、（二）", "述职述法"])
    func gotoTakesEveryAddressForm(_ query: String) {
        let (state, _) = press([.character(":")] + typed(query + "\n"))
        #expect(address(state) == "3.2")
    }

    @Test func gotoUnknownAddressReportsIt() {
        let (state, _) = press(typed("j") + [.character(":")] + typed("9.9\n"))
        #expect(address(state) == "1")
        #expect(state.message?.isError == true)
        #expect(state.message?.text.contains("9.9") == true)
    }

    @Test func gotoAmbiguousAddressListsCandidates() {
        let (state, _) = press([.character(":")] + typed("聚焦\n"))
        #expect(state.selection == .title)
        let message = state.message?.text ?? ""
        for candidate in ["4.1", "4.2", "4.3"] { #expect(message.contains(candidate), "\(message)") }
    }

    @Test func escapeClosesThePromptWithoutMoving() {
        let (state, _) = press([.character(":")] + typed("3.2") + [.escape])
        #expect(state.bindingContext == .browse)
        #expect(state.selection == .title)
    }

    @Test func promptEditsWholeCharacters() {
        var (state, context) = BrowserFixtures.state(report)
        state.send(.openGoto, context: context)
        for character in "三(二)" { state.send(.insert(character), context: context) }
        #expect(state.prompt.cursorColumn == 6)
        state.send(.deleteBackward, context: context)
        #expect(state.prompt.text == "三(二")
        state.send(.cursorLeft, context: context)
        state.send(.cursorLeft, context: context)
        #expect(state.prompt.cursorColumn == 2)
        state.send(.deleteBackward, context: context)
        #expect(state.prompt.text == "(二")
        state.send(.insert("四"), context: context)
        #expect(state.prompt.text == "四(二")
        #expect(state.prompt.cursorColumn == 2)
        let frame = BrowserRenderer.render(report: report, state: state, theme: .standard(color: false, ascii: false), size: state.size)
        #expect(frame.screen.lines.last?.hasPrefix(":四(二 ") == true)
        #expect(frame.screen.lines.last?.hasSuffix("Enter go  Esc cancel") == true)
        #expect(frame.cursor?.x == 3)
        #expect(frame.cursor?.y == 29)
    }

    @Test func backAndForwardWalkTheJumps() {
        let back = Key.control("o")
        let forward = Key.control("n")
        let jumps = [.character(":")] + typed("3.2\n") + [.character("}")]
        #expect(address(press(jumps).0) == "4")
        #expect(address(press(jumps + [back]).0) == "3.2")
        #expect(address(press(jumps + [back, back]).0) == nil)
        #expect(press(jumps + [back, back, back]).0.message?.text == "No older jump")
        #expect(address(press(jumps + [back, back, forward]).0) == "3.2")
        #expect(address(press(jumps + [back, back, forward, forward]).0) == "4")
        #expect(press(jumps + [back, back, forward, forward, forward]).0.message?.text == "No newer jump")
        // A new jump after going back drops the places ahead.
        let branched = jumps + [back, .character("]")]
        #expect(address(press(branched).0) == "3.3")
        #expect(press(branched + [forward]).0.message?.text == "No newer jump")
        #expect(address(press(branched + [back]).0) == "3.2")
    }

    @Test func backRestoresTheReadingPosition() {
        let (scrolled, _) = press(typed("j") + [.tab] + typed("jjj"))
        let (state, _) = press(typed("j") + [.tab] + typed("jjj}") + [.control("o")])
        #expect(state.selection == scrolled.selection)
        #expect(state.reading == scrolled.reading)
        #expect(state.reading != .start(of: state.selection))
    }

    @Test func foldingKeysKeepTheSelectionVisible() {
        #expect(address(press(typed("jjjC")).0) == "1")
        #expect(address(press(typed("jjj1")).0) == "1")
        let (expanded, context) = press(typed("C2"))
        #expect(expanded.expansion.openThroughDepth == 1)
        #expect(context.navigator(expanded.expansion).isVisible(.section(12)))
        let (all, allContext) = press(typed("CE"))
        #expect(allContext.navigator(all.expansion).isVisible(.section(17)))
    }

    @Test func tabSwitchesFocusAndArrowsScrollTheText() {
        let (state, _) = press(typed("j\tjjj"))
        #expect(state.focus == .detail)
        // Reading continuously, the selection follows the section at the top.
        #expect(address(state) == "1.1")
        // Chapter heading, blank, the first item's heading, then its text.
        #expect(state.reading.part == .body)
        #expect(state.reading.section == 1)
        #expect(press(typed("j\tjj") + [.left]).0.focus == .tree)
    }

    @Test func textScrollsThroughTheSubsectionsAndStopsAtTheEnd() {
        // One section at a time (`c`): the end of the chapter is the end of the text.
        let (state, _) = press(typed("cj\tG"), size: Size(width: 100, height: 16))
        let lines = BrowserFixtures.frame(report, state).lines
        #expect(lines.contains { $0.contains("(六)优化法治服务,凝聚同心合力") })
        #expect(lines.contains { $0.hasSuffix("全区公职律师数量同比上升6.38%。") })
        let (further, _) = press(typed("cj\tG  j"), size: Size(width: 100, height: 16))
        #expect(further.reading == state.reading)
        #expect(press(typed("cj\tGg")).0.reading == .start(of: .section(0)))
    }

    @Test func splitKeysMoveTheDivider() {
        func dividerColumn(_ state: BrowserState) -> Int { state.layout.divider.x }
        let base = dividerColumn(press([]).0)
        #expect(dividerColumn(press(typed(">")).0) > base)
        #expect(dividerColumn(press(typed("<")).0) < base)
        #expect(dividerColumn(press(typed(String(repeating: "<", count: 30))).0) > 0)
        let frame = BrowserFixtures.frame(report, press(typed(">")).0)
        #expect(frame[x: dividerColumn(press(typed(">")).0), y: 5].text == "│")
    }

    @Test func unboundKeysSayHowToGetHelp() {
        let (state, _) = press([.character("z")])
        #expect(state.message?.text.contains("? lists the keys") == true)
    }
}
