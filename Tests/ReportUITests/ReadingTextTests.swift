import Foundation
import ReportKit
import Testing

@testable import ReportUI

/// The text pane shows headings as written, the tree shortens long ones and keeps its
/// indentation, and a resize keeps the words at the top (issue 14 items 5 and 7, and the
/// resize defect).
@Suite struct ReadingTextTests {
    static let law = BrowserFixtures.parse(
        """
        某某管理办法
        第一章　总则
        第一条　为了规范某某管理工作，保障各方合法权益，根据有关法律法规，制定本办法。
        第二条　本办法所称报告，是指各级行政机关按照规定向社会公开的年度工作情况报告。
        第二章　附则
        第三条　本办法自发布之日起施行。
        附件：
        1. 报告格式
        """)

    func headingRows(_ report: Report, _ section: Int, width: Int) -> [String] {
        let document = DetailDocument(report: report, root: .section(section), width: width, glyphs: .unicode, cache: DetailLineCache())
        return document.lines(of: DetailUnit(section: section, part: .heading, start: 0)).map(\.text)
    }

    @Test func headingsKeepTheirPunctuationInTheTextPane() throws {
        let report = BrowserFixtures.seed
        // `(一)聚力法治统筹,强化履职担当。`: the tree label drops the 。, the text keeps it.
        #expect(SectionLabels.heading(of: report.sections[1]).hasSuffix("担当"))
        #expect(headingRows(report, 1, width: 80) == ["(一)聚力法治统筹,强化履职担当。"])
        let appendix = try #require(Self.law.sections.firstIndex { $0.kind == .appendix })
        #expect(headingRows(Self.law, appendix, width: 80).joined().hasPrefix("附件："), "\(headingRows(Self.law, appendix, width: 80))")
        // An article's heading line is its marker; its text follows as the body, once.
        let article = try #require(Self.law.sections.firstIndex { $0.marker == "第二条" })
        #expect(headingRows(Self.law, article, width: 80) == ["第二条"])
    }

    @Test func everyCorpusHeadingIsShownAsItsSourceLine() throws {
        for name in BrowserCorpusTests.documents {
            let report = BrowserCorpusTests.report(name)
            for section in report.sections {
                guard let range = SectionLabels.writtenHeadingRange(of: section, in: report) else { continue }
                let written = String(report.slice(range))
                #expect(written.hasPrefix(section.marker), "\(name) \(section.address)")
                if !section.headingRange.isEmpty, section.headingRange.upperBound <= range.upperBound {
                    #expect(range.contains(section.headingRange.lowerBound), "\(name) \(section.address)")
                }
                // Nothing of the line is lost: wrapped rows put back together are the source.
                let rows = headingRows(report, section.index, width: 30).joined()
                #expect(rows == written.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: ""),
                    "\(name) \(section.address)")
            }
        }
    }

    @Test func searchHitsInAWrittenHeadingAreLit() {
        let report = BrowserFixtures.seed
        var (state, context) = BrowserFixtures.state(report, size: Size(width: 100, height: 30), after: [.moveDown, .moveDown])
        state.send(.openSearch, context: context)
        for character in "担当。" { state.send(.insert(character), context: context) }
        state.send(.submitPrompt, context: context)
        let frame = BrowserFixtures.frame(report, state, color: true)
        let text = state.layout.detailText
        var lit = 0
        for y in text.y..<text.maxY {
            for x in text.x..<text.maxX where frame[x: x, y: y].text == "。" && frame[x: x, y: y].style == BrowserTheme.standard(color: true, ascii: false).searchCurrent {
                lit += 1
            }
        }
        #expect(lit >= 1)
    }

    @Test func longHeadingsAreShortInTheTreeAndWholeInTheText() throws {
        let report = BrowserFixtures.parse(
            """
            报告
            一、坚持以人民为中心的发展思想，着力保障和改善民生，不断增强人民群众获得感幸福感安全感
            正文。
            二、总体要求
            正文。
            """)
        let long = report.sections[0]
        let short = SectionLabels.shortTreeLabel(of: long)
        #expect(short == "一、坚持以人民为中心的发展思想…")
        #expect(SectionLabels.shortTreeLabel(of: report.sections[1]) == "二、总体要求")
        #expect(headingRows(report, 0, width: 200) == ["一、坚持以人民为中心的发展思想，着力保障和改善民生，不断增强人民群众获得感幸福感安全感"])
        let article = try #require(Self.law.sections.first { $0.marker == "第一条" })
        let articleRow = SectionLabels.shortTreeLabel(of: article)
        #expect(articleRow.hasPrefix("第一条 为了规范某某管理工作"))
        #expect(articleRow.count <= article.marker.count + 1 + SectionLabels.shortLength + 1)
    }

    @Test func treeIndentationShowsAtEveryWidth() {
        let unicode = Glyphs.unicode
        for budget in 0...30 {
            var widths: [Int] = []
            let compact = TreePane.needsCompactGuides(deepest: 6, glyphs: unicode, budget: budget)
            for depth in 1...6 {
                let pieces = Array(repeating: unicode.vertical, count: depth - 1) + [unicode.branch]
                let prefix = TreePane.fittedPrefix(pieces, marker: unicode.leaf, budget: budget, compact: compact)
                #expect(DisplayWidth.of(prefix) <= max(budget, DisplayWidth.of(unicode.leaf)), "budget \(budget)")
                widths.append(DisplayWidth.of(prefix))
            }
            // Deeper rows never start left of shallower ones, and while the budget allows one
            // cell a level they start further right.
            #expect(widths == widths.sorted(), "budget \(budget): \(widths)")
            if budget >= 8 { #expect(Set(widths).count == widths.count, "budget \(budget): \(widths)") }
        }
    }

    /// The sweep's defect: a place on a wrapped heading or metadata row was kept as a row
    /// number, so at another width the top showed other words, or the blank after them.
    @Test func aResizeKeepsTheWordsAtTheTopOfTheText() {
        let reports = [BrowserFixtures.seed, Self.law] + BrowserCorpusTests.documents.prefix(2).map(BrowserCorpusTests.report)
        for report in reports {
            for (from, to) in [(19, 119), (119, 19), (19, 57)] {
                for continuous in [false, true] {
                    let cache = (DetailLineCache(), DetailLineCache())
                    let wide = DetailDocument(report: report, root: .title, width: from, glyphs: .unicode, cache: cache.0, continuous: continuous)
                    let other = DetailDocument(report: report, root: .title, width: to, glyphs: .unicode, cache: cache.1, continuous: continuous)
                    var cursor = wide.firstCursor
                    for _ in 0..<400 {
                        let line = wide.lines(of: cursor.unit)[cursor.line]
                        let position = wide.position(of: cursor)
                        let again = other.cursor(for: position)
                        #expect(again.unit == cursor.unit)
                        let shown = other.lines(of: again.unit)[again.line]
                        // The first byte that was at the top is on the top row after the resize.
                        let first = line.textRange.lowerBound
                        let covers = shown.textRange.lowerBound <= first
                            && (first < shown.textRange.upperBound || shown.textRange.isEmpty || line.textRange.isEmpty)
                        #expect(covers, "\(from)→\(to) \(cursor) \(line.text) / \(shown.text)")
                        let next = wide.advance(cursor, by: 1)
                        if next == cursor { break }
                        cursor = next
                    }
                }
            }
        }
    }

    @Test func aResizeOfTheBrowserKeepsTheTopLineAt20x8And120x30() {
        let report = BrowserFixtures.seed
        let small = Size(width: 20, height: 8)
        let large = Size(width: 120, height: 30)
        // Each of the first rows of the front matter (the title and metadata wrap at 20
        // columns) and of the first chapter at the top, then the resize.
        for (start, end) in [(small, large), (large, small)] {
            for steps in 0..<14 {
                var (state, context) = BrowserFixtures.state(report, size: start, after: [.switchFocus])
                for _ in 0..<steps { state.send(.moveDown, context: context) }
                let textRect = { (state: BrowserState) in DetailPane.textRect(of: state.layout.detailText, continuous: true) }
                let before = BrowserFixtures.rows(of: BrowserFixtures.frame(report, state), in: textRect(state))[0]
                state.send(.resize(end), context: context)
                let after = BrowserFixtures.rows(of: BrowserFixtures.frame(report, state), in: textRect(state))[0]
                let probe = String(before.replacingOccurrences(of: "　", with: "").prefix(3))
                // A blank row stays a blank row (`"".contains("")` is false).
                #expect(probe.isEmpty ? after.isEmpty : after.contains(probe), "\(start)→\(end) after \(steps): “\(before)” / “\(after)”")
            }
        }
    }

    @Test func paragraphsStartWithTheTwoCharacterIndent() {
        let report = BrowserFixtures.parse(
            """
            报告
            一、章
            甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸。
            子丑寅卯辰巳午未申酉。
            　　原文已有缩进的段落。
            Latin stays as is.
            """)
        let document = DetailDocument(report: report, root: .section(0), width: 24, glyphs: .unicode, cache: DetailLineCache())
        let rows = document.lines(from: document.firstCursor, count: 20).filter { $0.role == .body }.map(\.text)
        #expect(rows == [
            // Kinsoku keeps 酉 with its 。 on the next row.
            "　　甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬癸。", "　　子丑寅卯辰巳午未申", "酉。",
            "　　原文已有缩进的段落。", "Latin stays as is.",
        ], "\(rows)")
        // Narrow panes keep every cell for the text.
        let narrow = DetailDocument(report: report, root: .section(0), width: 12, glyphs: .unicode, cache: DetailLineCache())
        #expect(narrow.lines(from: narrow.firstCursor, count: 20).allSatisfy { $0.indent == 0 })
    }

    @Test func aHitInAnIndentedLineIsLitWhereItIsDrawn() {
        let report = BrowserFixtures.parse("报告\n一、章\n甲乙丙信用修复丁戊。\n")
        var (state, context) = BrowserFixtures.state(report, size: Size(width: 100, height: 20), after: [.moveDown])
        state.send(.openSearch, context: context)
        for character in "信用修复" { state.send(.insert(character), context: context) }
        state.send(.submitPrompt, context: context)
        let frame = BrowserFixtures.frame(report, state, color: true)
        let text = DetailPane.textRect(of: state.layout.detailText, continuous: true)
        let theme = BrowserTheme.standard(color: true, ascii: false)
        var lit: [String] = []
        for y in text.y..<text.maxY {
            for x in text.x..<text.maxX where frame[x: x, y: y].style == theme.searchCurrent && !frame[x: x, y: y].isContinuation {
                lit.append(frame[x: x, y: y].text)
            }
        }
        #expect(lit == ["信", "用", "修", "复"], "\(lit)")
    }
}
