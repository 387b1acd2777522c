import ReportKit
import Testing

@testable import ReportUI

/// Issue 14 items 4, 9 and 11: the keys less and vim users press, the prompts' history and
/// Backspace, the pinyin toggle, and where a search hit lands.
@Suite struct FamiliarKeysTests {
    static let long = WhereAmITests.long

    func topLine(_ script: SearchScript) -> Int? {
        ReadingProgress.of(script.state, report: script.report, origin: nil, glyphs: .unicode, lineCache: DetailLineCache())
            .lines?.lowerBound
    }

    @Test func halfPagesScrollTheTextByHalfThePane() {
        var script = SearchScript(Self.long)
        script.type(":1\n")
        script.press([.tab])
        let half = script.state.layout.detailText.height / 2
        let start = topLine(script)!
        script.press([.control("d")])
        #expect(topLine(script) == start + half)
        script.press([.character("d")])
        #expect(topLine(script) == start + 2 * half)
        script.press([.control("u")])
        #expect(topLine(script) == start + half)
        script.press([.character("u")])
        #expect(topLine(script) == start)
    }

    @Test func halfPagesMoveTheTreeSelection() {
        var script = SearchScript(size: Size(width: 100, height: 20))
        script.press([.character("E")])
        let half = script.state.layout.tree.height / 2
        let navigator = script.state.treeNavigator(for: script.report)
        script.press([.control("d")])
        #expect(script.state.selection == navigator.step(from: .title, by: half))
        script.press([.control("u")])
        #expect(script.state.selection == .title)
    }

    @Test func lessAndVimPagingKeysPageAsPgDnAndPgUpDo() {
        for (key, same) in [(Key.control("f"), Key.pageDown), (.control("b"), .pageUp), (.backspace, .pageUp)] {
            var typed = SearchScript(Self.long)
            var reference = SearchScript(Self.long)
            for script in [0, 1] {
                let keys: [Key] = [.tab, .pageDown, .pageDown, script == 0 ? key : same]
                if script == 0 { typed.type(":1\n"); typed.press(keys) } else { reference.type(":1\n"); reference.press(keys) }
            }
            #expect(typed.state.reading == reference.state.reading, "\(key)")
            #expect(typed.state.reading != .start(of: typed.state.selection), "\(key)")
        }
    }

    @Test func hOrLeftInTheTextGoesBackToTheTree() {
        for key in [Key.character("h"), .left] {
            var script = SearchScript()
            script.type(":3.2\n")
            script.press([.tab])
            #expect(script.state.focus == .detail)
            script.press([key])
            #expect(script.state.focus == .tree)
            #expect(script.address == "3.2", "the section stays selected and open")
        }
    }

    @Test func ctrlNIsTheForwardJumpAndCtrlFNoLonger() {
        #expect(KeyBindings.action(for: .control("n"), in: .browse) == .jumpForward)
        #expect(KeyBindings.action(for: .control("f"), in: .browse) == .pageDown)
        #expect(KeyBindings.action(for: .control("d"), in: .browse) == .halfPageDown)
        #expect(KeyBindings.action(for: .character("u"), in: .browse) == .halfPageUp)
        #expect(KeyBindings.action(for: .backspace, in: .browse) == .pageUp)
        // In a prompt Backspace still edits, and `d` is still a letter.
        #expect(KeyBindings.action(for: .backspace, in: .prompt) == .deleteBackward)
        #expect(KeyBindings.action(for: .character("d"), in: .searchPrompt) == .insert("d"))
        #expect(KeyBindings.action(for: .control("p"), in: .searchPrompt) == .togglePinyin)
        // The marks list keeps d for deleting.
        #expect(KeyBindings.action(for: .character("d"), in: .marks) == .deleteListedMark)
    }

    @Test func theGotoPromptRecallsEarlierAddresses() {
        var script = SearchScript()
        script.type(":3.2\n:4\n:")
        script.press([.up])
        #expect(script.state.prompt.text == "4")
        script.press([.up])
        #expect(script.state.prompt.text == "3.2")
        script.press([.up])
        #expect(script.state.prompt.text == "3.2", "the oldest stays")
        script.press([.down])
        #expect(script.state.prompt.text == "4")
        script.press([.down])
        #expect(script.state.prompt.text == "", "back to what was typed")
        script.press([.up, .up, .enter])
        #expect(script.address == "3.2")
        #expect(script.state.gotoHistory.entries == ["4", "3.2"])
    }

    @Test func backspaceOnAnEmptyPromptClosesIt() {
        var script = SearchScript()
        script.type(":3")
        script.press([.backspace])
        #expect(script.state.bindingContext == .prompt, "the first Backspace deletes")
        script.press([.backspace])
        #expect(script.state.bindingContext == .browse)
        #expect(script.address == nil)
        // The search prompt: closing it is cancelling, the earlier search comes back.
        script.type("/信用修复\n")
        let before = script.state.place
        script.type("/法")
        script.press([.backspace, .backspace])
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.search?.query.text == "信用修复")
        #expect(script.state.place == before)
    }

    @Test func theSearchScopeStaysVisibleAfterEnter() {
        var script = SearchScript()
        script.type(":1\n/")
        script.press([.control("s")])
        script.type("法治\n")
        #expect(script.state.search?.query.scope != nil)
        #expect(script.status.contains("[in 1]"), "\(script.status)")
        // Narrow, the query goes before the scope.
        var narrow = SearchScript(size: Size(width: 44, height: 20))
        narrow.type(":1\n/")
        narrow.press([.control("s")])
        narrow.type("法治政府建设\n")
        #expect(narrow.status.contains("[in 1]"), "\(narrow.status)")
    }

    /// `xyxf` is in the text as letters once; the automatic mode finds only that, pinyin on
    /// finds 信用修复 as well.
    static let pinyin = ReportParser.parse("拼音测试\n一、信用\n代号xyxf在此。\n二、修复\n信用修复工作。再谈信用修复。\n")

    @Test func ctrlPTurnsPinyinOnAndTheLabelSaysSo() {
        var script = SearchScript(Self.pinyin)
        script.type("/xyxf")
        #expect(script.state.search?.hitCount == 1)
        #expect(!script.status.contains("[pinyin]"))
        script.press([.control("p")])
        #expect(script.state.search?.query.pinyin == .always)
        #expect(script.state.search?.hitCount == 3)
        #expect(script.status.hasPrefix("/ [pinyin] xyxf"), "\(script.status)")
        script.press([.enter])
        #expect(script.status.contains("[pinyin]"), "\(script.status)")
        // It carries over to the next search, and toggles back.
        script.type("/")
        #expect(script.status.hasPrefix("/ [pinyin] "), "\(script.status)")
        script.press([.control("p")])
        script.type("xyxf")
        #expect(script.state.search?.hitCount == 1)
        #expect(script.status.hasPrefix("/xyxf"), "\(script.status)")
    }

    @Test func thePromptShowsItsKeysWhileNothingIsTyped() {
        var wide = SearchScript(size: Size(width: 140, height: 20))
        wide.type("/")
        #expect(wide.status.contains("Ctrl-P pinyin") && wide.status.contains("Esc cancel"), "\(wide.status)")
        var narrow = SearchScript(size: Size(width: 70, height: 20))
        narrow.type("/")
        #expect(narrow.status.contains("Esc cancel") && !narrow.status.contains("Ctrl-P"), "\(narrow.status)")
    }

    /// As less's -j: the hit lands a few lines below the top, with the lines before it showing.
    @Test func aHitLandsAFewLinesBelowTheTop() {
        var script = SearchScript(Self.long)
        script.type("/第40段\n")
        let height = script.state.layout.detailText.height
        let margin = min(3, (height - 1) / 3)
        let hitLine = Self.long.lines.line(at: script.state.search!.results!.hits[0].range.lowerBound)
        #expect(topLine(script) == hitLine - margin)
        // Scrolled so the hit is on the top line, `n` brings it down again.
        script.press([.tab])
        for _ in 0..<margin { script.press([.down]) }
        #expect(topLine(script) == hitLine)
        script.press([.character("n")])
        #expect(topLine(script) == hitLine - margin)
        // A hit already well inside the pane does not move the text.
        script.press([.up, .up, .up])
        let top = topLine(script)
        script.press([.character("n")])
        #expect(topLine(script) == top)
    }

    @Test func aHitNearTheSectionStartShowsTheHeading() {
        var script = SearchScript(Self.long)
        script.type("/第2段\n")
        #expect(script.state.reading == .start(of: script.state.selection))
    }
}
