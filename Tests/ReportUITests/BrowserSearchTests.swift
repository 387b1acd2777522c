import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// The browser tests' one key driver: a state driven key by key through the real key table,
/// as the run loop drives it.
struct SearchScript {
    let report: Report
    var state: BrowserState
    let context: BrowserContext

    init(_ report: Report = BrowserFixtures.seed, size: Size = Size(width: 100, height: 30)) {
        self.report = report
        (state, context) = BrowserFixtures.state(report, size: size)
    }

    /// Presses keys; text is typed character by character, `\n` is Enter.
    mutating func press(_ keys: [Key]) {
        for key in keys {
            if let action = BrowserApp.action(for: .key(key), in: state.bindingContext) {
                state.send(action, context: context)
            }
        }
    }

    mutating func type(_ text: String) {
        press(KeyScripts.keys(typing: text))
    }

    func frame(color: Bool = false) -> Screen { BrowserFixtures.frame(report, state, color: color) }

    var status: String { frame().lines.last ?? "" }

    var address: String? { state.selection.sectionIndex.map { report.sections[$0].address } }

    var treeRows: [String] { BrowserFixtures.rows(of: frame(), in: state.layout.tree).filter { !$0.isEmpty } }
}

/// The scenario on the bundled report, and the prompt's incremental behaviour.
@Suite struct BrowserSearchTests {
    @Test func enterKeepsTheSearchAndNWalksTheHitsRoundTheReport() {
        var script = SearchScript()
        script.type("/信用修复\n")
        #expect(script.status.contains(" 1/3 "), "\(script.status)")
        #expect(script.address == "1.2")
        #expect(script.state.bindingContext == .browse)

        let steps: [(Key, String, String, String?)] = [
            (.character("n"), "2/3", "1.2", nil),
            (.character("n"), "3/3", "4.2", nil),
            (.character("n"), "1/3", "1.2", "Search wrapped to the top"),
            (.character("N"), "3/3", "4.2", "Search wrapped to the bottom"),
            (.character("N"), "2/3", "1.2", nil),
            (.character("N"), "1/3", "1.2", nil),
        ]
        for (key, position, address, notice) in steps {
            script.press([key])
            #expect(script.status.contains(" \(position) "), "\(key.label()): \(script.status)")
            #expect(script.address == address, "\(key.label())")
            if let notice {
                #expect(script.status.contains(notice), "\(script.status)")
            } else {
                #expect(!script.status.contains("wrapped"), "\(script.status)")
            }
        }
    }

    @Test func theRunLoopShowsTheSameFrames() {
        let events = BrowserFixtures.keys("/信用修复\nnnn")
        let terminal = FakeTerminal(size: Size(width: 100, height: 30), events: events)
        _ = BrowserApp(report: BrowserFixtures.seed, options: BrowserOptions(color: false)).run(on: terminal)
        let statuses = terminal.frames.map { $0.lines.last ?? "" }
        // The first frame, one per key: `/`, four characters, Enter, then n n n.
        #expect(statuses.count == 10)
        #expect(statuses[6].contains(" 1/3 "), "\(statuses[6])")
        #expect(statuses[7].contains(" 2/3 "))
        #expect(statuses[8].contains(" 3/3 ") && statuses[8].contains("(二)聚焦改革创新"), "\(statuses[8])")
        #expect(statuses[9].contains(" 1/3 ") && statuses[9].contains("wrapped"), "\(statuses[9])")
    }

    @Test func typingSelectsTheFirstHitFromWhereTheReaderWas() {
        var script = SearchScript()
        script.type("/信")
        // `信` alone first occurs in the metadata (信息来源): the title row stands for it.
        #expect(script.state.bindingContext == .searchPrompt)
        #expect(script.state.search?.current == 0)
        #expect(script.address == nil)
        script.type("用")
        #expect(script.address == "1.2")
        script.type("修复")
        #expect(script.address == "1.2")
        #expect(script.status.hasSuffix(" 1/3"), "\(script.status)")
        #expect(script.status.hasPrefix("/信用修复"))

        // From (三) onwards the first hit is the one in 4.2; from 4.3 it wraps round to 1.2.
        let starts: [(String, String)] = [("jjjj", "4.2"), ("G", "1.2")]
        for (moves, expected) in starts {
            var from = SearchScript()
            from.type(moves + "/信用修复")
            #expect(from.address == expected, "after \(moves)")
        }
    }

    @Test func typingRevealsTheHitInAFoldedTreeAndScrollsItIntoView() {
        // Collapsed to the chapters, in a short window, so 4.2's hit is both hidden and low.
        var script = SearchScript(size: Size(width: 100, height: 12))
        script.type("C/打响知识产权")
        #expect(script.address == "4.2")
        #expect(script.treeRows.contains { $0.contains("(二)聚焦改革创新") }, "\(script.treeRows)")
        let detail = BrowserFixtures.rows(of: script.frame(), in: script.state.layout.detailText)
        #expect(detail.contains { $0.contains("打响") } || detail.contains { $0.contains("知识产权") }, "\(detail)")
    }

    @Test func escapeWhileTypingRestoresEverything() {
        var script = SearchScript(size: Size(width: 100, height: 14))
        // Chapter 一 selected, 一 and 二 collapsed, the text focused and scrolled a few lines.
        script.press([.down, .left, .character("}"), .left, .character("{"), .tab, .down, .down, .down])
        let before = script.state
        let frameBefore = script.frame()
        #expect(before.reading != .start(of: before.selection))
        #expect(!before.expansion.isOpen(script.report.sections[0]))

        script.type("/信用")
        #expect(script.address == "1.2")
        #expect(script.state.expansion != before.expansion)
        script.press([.escape])
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.selection == before.selection)
        #expect(script.state.reading == before.reading)
        #expect(script.state.expansion == before.expansion)
        #expect(script.state.treeTop == before.treeTop)
        #expect(script.state.focus == before.focus)
        #expect(script.state.search == nil)
        let after = script.frame()
        let same = after == frameBefore
        #expect(same, "\(after.dump())")
    }

    @Test func escapeWhileTypingBringsBackTheEarlierSearch() {
        var script = SearchScript()
        script.type("/信用修复\nn")
        let frameBefore = script.frame()
        script.type("/法治")
        #expect(script.status != frameBefore.lines.last)
        script.press([.escape])
        #expect(script.state.search?.query.text == "信用修复")
        #expect(script.state.search?.current == 1)
        let after = script.frame()
        let same = after == frameBefore
        #expect(same, "\(after.dump())")
        // And n goes on from the second hit.
        script.type("n")
        #expect(script.status.contains(" 3/3 "))
    }

    @Test func enterRecordsOneJumpAndEscapeInBrowsingClearsTheSearch() {
        var script = SearchScript()
        script.type("j/信用修复\n")
        #expect(script.address == "1.2")
        script.press([.control("o")])
        #expect(script.address == "1")
        script.press([.control("n")])
        #expect(script.address == "1.2")
        script.press([.escape])
        #expect(script.state.search == nil)
        #expect(!script.status.contains("1/3"))
        #expect(script.address == "1.2")
    }

    @Test(arguments: ["", "  ", "\u{3000}"])
    func anEmptyQueryHasNoHitsAndNoError(_ query: String) {
        var script = SearchScript()
        script.type("j/" + query)
        #expect(script.state.search?.results == nil)
        #expect(script.state.search?.error == nil)
        #expect(script.address == "1")
        script.type("\n")
        #expect(script.state.search == nil)
        #expect(script.state.message == nil)
        #expect(script.address == "1")
        // Typing and deleting again also ends with no hits, back where the reader was.
        script.type("/信")
        script.press([.backspace])
        #expect(script.address == "1")
        #expect(script.state.search?.results == nil)
    }

    @Test func nWithoutASearchOrWithoutHitsSaysSo() {
        var script = SearchScript()
        script.type("n")
        #expect(script.status.contains("No search yet"))
        script.type("/没有这个词\n")
        #expect(script.status.contains("No hits for 没有这个词"), "\(script.status)")
        script.type("n")
        #expect(script.status.contains("No hits for 没有这个词"))
        #expect(script.address == nil)
    }

    @Test func theIndexIsBuiltOnTheFirstSearchOnly() {
        var script = SearchScript()
        script.type("jj]}G")
        script.press([.tab, .pageDown, .character("?"), .escape])
        #expect(!script.context.searchCache.isIndexBuilt)
        script.type("/")
        #expect(!script.context.searchCache.isIndexBuilt)
        script.type("信")
        #expect(script.context.searchCache.isIndexBuilt)
    }

    @Test func resultsAreKeptPerQueryWhileEditing() {
        var script = SearchScript()
        script.type("/信用修")
        let typed = script.context.searchCache.searchesRun
        #expect(typed == 3)
        // Backspace asks for 信用 again and retyping for 信用修 again: both known already.
        script.press([.backspace])
        script.type("修")
        #expect(script.context.searchCache.searchesRun == typed)
        #expect(script.state.search?.hitCount == 3)
        // Regex mode is another query.
        script.press([.control("r")])
        #expect(script.context.searchCache.searchesRun == typed + 1)
    }
}

@Suite struct BrowserSearchBenchmarkTests {
    @Test func theSearchScriptRunsWithoutQuittingAndEndsWithoutASearch() {
        let handled = KeyScripts.replay(KeyScripts.searchKeys, report: BrowserFixtures.seed, rounds: 2)
        #expect(handled == 2 * KeyScripts.searchKeys.count)
        var script = SearchScript()
        script.press(KeyScripts.searchKeys)
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.search == nil)
    }
}
