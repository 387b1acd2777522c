import ReportKit
import Testing

@testable import ReportUI

/// Frames rendered into small grids, compared line by line.
@Suite struct BrowserRenderTests {
    static let nested = BrowserFixtures.parse(
        """
        示例报告
        一、总体要求
        （一）指导思想。坚持稳中求进。
        1.第一点。内容一。
        2.第二点。内容二。
        （二）基本原则。内容。
        二、主要任务
        附件1
        附件标题
        内容

        """)

    func state(_ report: Report, _ size: Size, _ actions: [Action] = []) -> BrowserState {
        BrowserFixtures.state(report, size: size, after: actions).0
    }

    @Test func narrowTreeFillsTheScreenWithGuides() {
        let frame = BrowserFixtures.frame(Self.nested, state(Self.nested, Size(width: 44, height: 12), [.expandAll]))
        #expect(
            frame.lines == [
                "示例报告",
                "示例报告",
                "▾ 一、总体要求",
                "├─▾ （一）指导思想",
                "│ ├─· 1.第一点",
                "│ └─· 2.第二点",
                "└─· （二）基本原则",
                "· 二、主要任务",
                "· 附件1 附件标题",
                "",
                "",
                " 示例报告                 L1–4/10  49%  0/7",
            ], "\(frame.lines.joined(separator: "\n"))")
    }

    @Test func asciiGlyphsLeaveOnlyAsciiOrWideCells() {
        let frame = BrowserFixtures.frame(
            Self.nested, state(Self.nested, Size(width: 84, height: 12), [.toggleContinuous, .expandAll, .moveDown]), ascii: true)
        #expect(frame.lines[3] == "|-v （一）指导思想            | （一）指导思想。", "\(frame.lines.joined(separator: "\n"))")
        for cell in frame.cells where !cell.isContinuation {
            let scalars = cell.text.unicodeScalars
            #expect(scalars.allSatisfy(\.isASCII) || DisplayWidth.of(Character(cell.text)) == 2, "\(cell.text)")
        }
        // The help overlay and the status line too: arrows are spelled out, the box is ASCII.
        for extra in [[Action.showHelp], [.showHelp, .pageDown, .pageDown, .pageDown], [.openGoto]] {
            let frame = BrowserFixtures.frame(Self.nested, state(Self.nested, Size(width: 84, height: 30), extra), ascii: true)
            for cell in frame.cells where !cell.isContinuation {
                #expect(cell.text.unicodeScalars.allSatisfy(\.isASCII) || DisplayWidth.of(Character(cell.text)) == 2, "\(cell.text)")
            }
        }
        #expect(BrowserFixtures.frame(Self.nested, state(Self.nested, Size(width: 84, height: 30), [.showHelp]), ascii: true)
            .lines.contains { $0.contains("Down j") })
        let unicode = BrowserFixtures.frame(Self.nested, state(Self.nested, Size(width: 84, height: 12), [.expandAll, .moveDown]))
        #expect(unicode.cells.contains { $0.text == "│" })
    }

    @Test func longHeadingsAreClippedWithAnEllipsis() {
        let report = BrowserFixtures.parse("报告\n一、这是一个非常非常长的章节标题需要被截断才能放进树里\n正文。\n二、短\n")
        let state = state(report, Size(width: 80, height: 10))
        let tree = BrowserFixtures.rows(of: BrowserFixtures.frame(report, state), in: state.layout.tree)
        let long = tree.first { $0.contains("一、") } ?? ""
        #expect(long.hasSuffix("…"), "\(long)")
        #expect(DisplayWidth.of(long) <= state.layout.tree.width)
        #expect(DisplayWidth.of(long) >= state.layout.tree.width - 2)
        #expect(tree.contains("· 二、短"))
    }

    @Test(arguments: [81, 82, 83, 84, 85])
    func wideCharactersNeverCrossTheRightEdge(width: Int) {
        let paragraph = String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 6) + "，末尾。"
        let report = BrowserFixtures.parse("报告\n一、章\n\(paragraph)\n")
        let state = state(report, Size(width: width, height: 20), [.moveDown])
        let frame = BrowserFixtures.frame(report, state)
        let text = state.layout.detailText
        // The paragraph's first line is indented (the source has no `　　`).
        let rows = BrowserFixtures.rows(of: frame, in: text).map { $0.hasPrefix("　　甲") ? String($0.dropFirst(2)) : $0 }
        let body = rows.drop { !$0.hasPrefix("甲") }.prefix { !$0.isEmpty }
        #expect(body.joined() == paragraph, "\(rows)")
        for row in body { #expect(DisplayWidth.of(row) <= text.width) }
        // Nothing of the text is drawn past the pane, and the cell after a short row is blank.
        for y in text.y..<text.maxY where text.maxX < frame.size.width {
            #expect(frame[x: text.maxX, y: y].text == " ")
        }
        #expect(body.contains { DisplayWidth.of($0) == text.width - 1 } == (text.width % 2 == 1))
    }

    @Test func appendicesLookDifferent() throws {
        for color in [true, false] {
            let theme = BrowserTheme.standard(color: color, ascii: false)
            let state = state(Self.nested, Size(width: 84, height: 12), [.expandAll])
            let frame = BrowserFixtures.frame(Self.nested, state, color: color)
            let appendixRow = frame.lines.firstIndex { $0.contains("附件1 附件标题") } ?? 0
            let chapterRow = frame.lines.firstIndex { $0.contains("二、主要任务") } ?? 0
            let x = 2
            #expect(frame[x: x, y: appendixRow].style == theme.appendix)
            #expect(frame[x: x, y: appendixRow].style != frame[x: x, y: chapterRow].style)
        }
        let unmarked = BrowserFixtures.parse("报告\n一、正文\n内容\n附录\n补充\n")
        let appendix = try #require(unmarked.sections.first { $0.kind == .appendix })
        #expect(SectionLabels.treeLabel(of: appendix).contains("附"))
    }

    @Test func controlCharactersAreShownNotSent() {
        let report = BrowserFixtures.parse("报告\n一、章\n正文\u{1B}[31m红色\u{07}结束。\n")
        let frame = BrowserFixtures.frame(report, state(report, Size(width: 84, height: 12), [.moveDown]))
        let scalars = frame.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(frame.lines.joined().contains("正文^[[31m红色^G结束。"))
    }

    @Test func headerStatusAndFrontMatterOnTheSeed() {
        let report = BrowserFixtures.seed
        let front = BrowserFixtures.frame(report, state(report, Size(width: 100, height: 30)))
        #expect(front.lines[0] == "杭州市钱塘区人民政府关于钱塘区2024年法治政府建设年度报告")
        #expect(front.lines[1].contains("发布日期: 2025-02-24 09:44") && front.lines[1].contains("信息来源: 钱塘区政府办公室"))
        let text = front.lines.joined(separator: "\n")
        #expect(text.contains("│ 信息来源: 钱塘区政府办公室"))
        #expect(text.contains("│ 2024年,钱塘区以习近平法治思想为指引"))
        #expect(front.lines.last?.hasSuffix("0/18  : go to  ? help  q quit") == true)

        let item = BrowserFixtures.frame(report, state(report, Size(width: 100, height: 30), [.moveDown, .moveDown, .moveDown]))
        let status = item.lines.last ?? ""
        // The breadcrumb keeps the section whole and shortens its ancestors first.
        #expect(status.hasPrefix(" 一、"), "\(status)")
        #expect(status.contains(" › (二)创新改革举措,优化营商环境 "), "\(status)")
        #expect(status.contains("3/18"))
        #expect(item[x: 0, y: 29].style.attributes.contains(.reverse))
    }

    @Test func chapterTextRunsThroughItsSubsectionsInOrder() {
        let report = BrowserFixtures.seed
        let state = state(report, Size(width: 100, height: 30), [.moveDown])
        let document = BrowserContext(report: report).document(for: state.selection, layout: state.layout)
        let headings = document.lines(from: document.firstCursor, count: 500).filter { $0.role == .heading }.map { String($0.text) }
        #expect(headings == ["一、主要举措和突出成效"] + report.sections[0].children.map { String(SectionLabels.writtenHeading(of: report.sections[$0], in: report)) })
        #expect(headings.dropFirst().allSatisfy { $0.hasSuffix("。") })
        #expect(headings.count == 7)
    }

    @Test func tooSmallIsOneLineAtAnySize() {
        for size in [Size(width: 19, height: 30), Size(width: 100, height: 4), Size(width: 8, height: 2), Size(width: 0, height: 0)] {
            let frame = BrowserFixtures.frame(Self.nested, state(Self.nested, size))
            #expect(frame.lines.dropFirst().allSatisfy { $0.isEmpty })
            if size.width > 0, size.height > 0 {
                // The longest wording that fits: a reader always learns why the screen is empty.
                let wordings = ["Terminal too small (20x5)", "Terminal too small", "Too small", "小"]
                let expected = wordings.first { DisplayWidth.of($0) <= size.width }
                #expect(frame.lines[0] == expected, "\(frame.lines)")
            }
        }
        let fits = BrowserFixtures.frame(Self.nested, state(Self.nested, Size(width: 20, height: 5)))
        #expect(fits.lines[0] == "示例报告")
    }

    @Test func promptScrollsToKeepTheCursorInView() {
        var (state, context) = BrowserFixtures.state(Self.nested, size: Size(width: 20, height: 6))
        state.send(.openGoto, context: context)
        for character in String(repeating: "长", count: 15) { state.send(.insert(character), context: context) }
        let (screen, cursor) = BrowserRenderer.render(
            report: Self.nested, state: state, theme: .standard(color: false, ascii: false), size: state.size)
        #expect(cursor?.y == 5)
        #expect((cursor?.x ?? 99) < 20)
        #expect(screen.lines[5].hasPrefix(":长"))
        #expect(screen[x: cursor!.x - 2, y: 5].text == "长")
    }
}
