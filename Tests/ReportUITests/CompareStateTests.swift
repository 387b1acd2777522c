import ReportKit
import Testing

@testable import ReportUI

/// The compare view's state driven through the key table: selection, shared scrolling, the
/// change keys, search over both versions, resizing.
@Suite struct CompareStateTests {
    @Test func bracketKeysWalkTheChangesInAlignmentOrder() {
        var session = CompareFixtures.session()
        let alignment = session.document.alignment
        var expected: [Int] = []
        var cursor = 0
        if alignment.pairs[0].status.isChange { expected.append(0) }
        while let next = alignment.nextChange(after: cursor) {
            expected.append(next)
            cursor = next
        }
        #expect(expected.count >= 4, "\(alignment.pairs)")
        var visited: [Int] = [session.state.selected]
        for _ in expected { session.press(.character("]")); visited.append(session.state.selected) }
        #expect(Array(Set(visited)).sorted() == Array(Set([0] + expected)).sorted())
        #expect(visited.dropFirst().allSatisfy { alignment.pairs[$0].status != .same })
        session.press(.character("]"))
        #expect(session.statusLine.contains("No later change"), "\(session.statusLine)")
        let last = session.state.selected
        session.press(.character("["))
        #expect(session.state.selected < last)
        #expect(alignment.pairs[session.state.selected].status.isChange)
        session.press(.character("g"))
        session.press(.character("["))
        #expect(session.state.selected == 0)
        #expect(session.statusLine.contains("No earlier change"), "\(session.statusLine)")
    }

    @Test func treeMovesBringThePairToTheTopOfBothTexts() {
        // Low enough that the pairs do not all fit, so the texts have somewhere to scroll.
        var session = CompareFixtures.session(size: Size(width: 120, height: 14))
        session.press(.down, .down)
        #expect(session.state.selected == 2)
        #expect(session.state.position == ComparePosition(pair: 2, row: 0))
        session.press(.up, .up)
        #expect(session.state.position == ComparePosition(pair: 0, row: 0))
        session.press(.character("G"))
        #expect(session.state.selected == session.document.pairCount - 1)
        session.press(.up)
        #expect(session.state.selected == session.document.pairCount - 2)
    }

    @Test func textFocusScrollsBothPanesOneRowAtATimeAcrossPairs() {
        // Narrow texts so that pairs take several rows each.
        var session = CompareFixtures.session(size: Size(width: 100, height: 16))
        session.press(.tab)
        #expect(session.state.focus == .text)
        let width = session.state.layout.textWidth
        let firstHeight = session.document.blockHeight(of: 0, width: width)
        for _ in 0..<firstHeight { session.press(.character("j")) }
        #expect(session.state.position == ComparePosition(pair: 1, row: 0))
        session.press(.character("k"))
        #expect(session.state.position == ComparePosition(pair: 0, row: firstHeight - 1))
        session.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        // The selection follows the text; it is always one of the pairs on screen.
        #expect(session.state.visiblePairs(session.document).contains(session.state.selected))
    }

    @Test func clickingATreeRowSelectsItsPairAndTheWheelScrollsTheTexts() {
        var session = CompareFixtures.session(size: Size(width: 120, height: 14))
        let tree = session.state.layout.tree
        _ = session.handle(.mouse(MouseEvent(kind: .press, x: tree.x + 2, y: tree.y + 3)))
        #expect(session.state.selected == 3)
        #expect(session.state.focus == .tree)
        let text = session.state.layout.newText
        _ = session.handle(.mouse(MouseEvent(kind: .press, x: text.x + 2, y: text.y + 1)))
        #expect(session.state.focus == .text)
        let before = session.state.position
        _ = session.handle(.mouse(MouseEvent(kind: .wheelDown, x: text.x + 2, y: text.y + 1)))
        #expect(before < session.state.position)
    }

    @Test func textsWithoutHeadingsGiveAnEmptyAlignmentAndASensibleScreen() {
        let document = CompareFixtures.document(old: "只有一段文字，没有任何标题。\n", new: "只有一段文字，内容改了。\n")
        #expect(document.pairCount == 0)
        var session = CompareFixtures.session(document)
        session.press(.character("]"), .character("j"), .tab, .character("j"), .character("G"), .pageDown)
        session.type("/文字\n")
        #expect(session.state.selected == 0)
        #expect(session.lines.contains { $0.contains("0 pairs") })
        session.press(.escape)
        #expect(session.statusLine.contains("Neither version has sections"), "\(session.statusLine)")
    }

    @Test func comparingAReportWithItselfIsAllSame() {
        let document = CompareFixtures.document(old: CompareFixtures.oldText, new: CompareFixtures.oldText)
        #expect(document.alignment.isIdentical)
        var session = CompareFixtures.session(document)
        #expect(session.lines[1].contains("the two versions are the same"), "\(session.lines[1])")
        session.press(.character("]"))
        #expect(session.state.selected == 0)
        #expect(session.statusLine.contains("No later change"))
        // Nothing is marked as changed anywhere.
        for pair in 0..<document.pairCount {
            #expect(document.difference(of: pair) == nil)
            for line in document.lines(of: pair, side: .new, width: 40) { #expect(line.glyphs.allSatisfy { $0.mark == .plain }) }
        }
    }

    @Test func searchFindsPairsInEitherVersionAndNextHitWalksThem() {
        var session = CompareFixtures.session()
        // 罚款 is only in the old text (the removed article); 公开透明 only in the new one.
        session.type("/罚款\n")
        let removed = CompareFixtures.pair(session.document, old: "2.2")
        #expect(removed != nil)
        #expect(session.state.selected == removed)
        #expect(session.statusLine.contains("1 in old, 0 in new"), "\(session.statusLine)")
        session.type("/公开透明\n")
        #expect(session.state.selected == CompareFixtures.pair(session.document, new: "1.3"))
        session.type("/管理\n")
        let pairs = session.state.search?.pairs ?? []
        #expect(pairs.count >= 3)
        guard !pairs.isEmpty else { return }
        let before = session.state.selected
        session.press(.character("n"))
        #expect(session.state.selected == (pairs.first { $0 > before } ?? pairs[0]))
        session.press(.character("N"))
        #expect(session.state.selected == before)
        session.press(.escape)
        #expect(session.state.search == nil)
        session.type("/不存在的词\n")
        #expect(session.statusLine.contains("Not found in either version"), "\(session.statusLine)")
    }

    @Test func searchAfterBackgroundIndexingFindsTheSameAsWithout() {
        let indexed = CompareFixtures.document()
        indexed.startIndexing()
        var background = CompareFixtures.session(indexed)
        var direct = CompareFixtures.session()
        background.type("/监督\n")
        direct.type("/监督\n")
        #expect(background.state.search?.pairs == direct.state.search?.pairs)
        #expect(background.state.search?.newHits == direct.state.search?.newHits)
        #expect((background.state.search?.pairs.count ?? 0) > 0)
    }

    @Test func escapeInThePromptCancelsAndHelpOpensAndCloses() {
        var session = CompareFixtures.session()
        session.type("/监督")
        #expect(session.state.bindingContext == .prompt)
        #expect(session.statusLine.hasPrefix("/监督"))
        session.press(.escape)
        #expect(session.state.bindingContext == .compare)
        #expect(session.state.search == nil)
        session.press(.character("?"))
        #expect(session.state.bindingContext == .help)
        #expect(session.lines.contains { $0.contains("Keys") })
        #expect(HelpOverlay.lines(ascii: false).contains { $0.summary == "Next change: a pair that is not the same" })
        session.press(.escape)
        #expect(session.state.bindingContext == .compare)
        #expect(session.handle(.key(.character("q"))) == false)
    }

    @Test func resizingKeepsTheSelectedPairAndSwitchesLayout() {
        var session = CompareFixtures.session()
        session.press(.down, .down, .down)
        let selected = session.state.selected
        #expect(session.state.layout.arrangement == .sideBySide)
        _ = session.handle(.resize(Size(width: 70, height: 30)))
        #expect(session.state.layout.arrangement == .stacked)
        #expect(session.state.selected == selected)
        #expect(session.state.visiblePairs(session.document).contains(selected))
        _ = session.handle(.resize(Size(width: 70, height: 12)))
        #expect(session.state.layout.arrangement == .textOnly)
        _ = session.handle(.resize(Size(width: 10, height: 4)))
        #expect(session.lines[0].hasPrefix("Terminal"), "\(session.lines)")
    }

    @Test func aHundredThousandSectionReportIsComparedAndWalkedToTheEnd() {
        // Bounded time is measured by the CLI (BENCHMARKS.md); here: it finishes, and the
        // view only lays out what it shows.
        var old = "大型条例\n\n"
        var new = "大型条例\n\n"
        for article in 1...100_000 {
            old += "第\(article)条 第\(article)项规定的内容。\n"
            new += article == 50_000 ? "第\(article)条 第\(article)项规定的新内容。\n" : "第\(article)条 第\(article)项规定的内容。\n"
        }
        let document = CompareFixtures.document(old: old, new: new)
        #expect(document.old.sections.count == 100_000)
        var session = CompareFixtures.session(document)
        session.press(.character("]"))
        let changed = session.state.selected
        #expect(document.alignment.pairs[changed].status == .modified)
        #expect(session.lines.contains { $0.contains("第50000条") })
        session.press(.character("G"))
        #expect(session.state.selected == document.pairCount - 1)
        session.press(.character("["))
        #expect(session.state.selected == changed)
    }
}
