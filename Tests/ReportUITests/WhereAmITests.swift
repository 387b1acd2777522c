import ReportKit
import Testing

@testable import ReportUI

/// Issue 14 item 2: the status line says which section, how far through, which source lines
/// and (for a PDF) which page; the header names the file. Parts drop whole on narrow lines.
@Suite struct WhereAmITests {
    /// One long section of numbered paragraphs, so that the lines on screen are known.
    static let long: Report = {
        var text = "长篇报告\n一、第一部分\n"
        for number in 1...80 { text += "第\(number)段内容。\n" }
        text += "二、第二部分\n结尾。\n"
        return ReportParser.parse(text)
    }()

    @Test func theStatusLineNamesTheSectionThePercentageAndTheLinesOnScreen() {
        var script = SearchScript(Self.long, size: Size(width: 100, height: 30))
        script.type(":1\n")
        script.press([.tab])
        // The rows the text takes: the pane less its sticky heading line.
        let height = script.state.readerTextRect(script.state.layout).height
        // The pane shows the heading (line 2) and the paragraphs under it.
        let progress = ReadingProgress.of(
            script.state, report: Self.long, origin: nil, glyphs: .unicode, lineCache: DetailLineCache())
        #expect(progress.section == 1 && progress.sectionCount == 2)
        #expect(progress.lines?.lowerBound == 2)
        #expect(progress.lines?.upperBound == 2 + height - 1)
        #expect(script.status.contains("L2–\(height + 1)/\(Self.long.lines.count)"), "\(script.status)")
        #expect(script.status.contains("  1/2"), "\(script.status)")
        let percent = progress.percent
        #expect(script.status.contains(" \(percent)% "))
        #expect(percent > 0 && percent < 50)
        // Scrolling moves the lines and the percentage with the text.
        script.press([.pageDown])
        let later = ReadingProgress.of(
            script.state, report: Self.long, origin: nil, glyphs: .unicode, lineCache: DetailLineCache())
        #expect(later.lines!.lowerBound > progress.lines!.lowerBound)
        #expect(later.percent > percent)
        // The end of the report reads 100%; reading runs on, so the section is the one at the
        // top of the pane (the short last section fits below the end of the first).
        script.type("}")
        script.press([.character("G")])
        #expect(script.status.contains(" 100% "), "\(script.status)")
        #expect(script.status.contains("  1/2"), "\(script.status)")
    }

    /// A message answers the last key: it takes the room of all but the section count.
    @Test func aMessageIsShownWholeBesideTheSectionCount() {
        var script = SearchScript()
        script.type(":3.2\n:没有这样的标题也没有这样的编号也没有这样的关键词\n")
        let error = script.state.message?.text ?? ""
        #expect(DisplayWidth.of(error) > 60, "\(error)")
        #expect(script.status.contains(error), "\(script.status)")
        #expect(script.status.hasSuffix("  13/18"), "\(script.status)")
    }

    @Test func aOneLineSpanIsWrittenOnce() {
        let progress = ReadingProgress(section: 3, sectionCount: 18, percent: 40, lines: 12...12, lineCount: 40, page: 2)
        #expect(progress.linesText(ascii: false) == "L12/40")
        #expect(ReadingProgress(section: 0, sectionCount: 1, percent: 0, lines: 3...9, lineCount: 9, page: nil)
            .linesText(ascii: true) == "L3-9/9")
        #expect(progress.pageText == "p.2" && progress.sectionText == "3/18" && progress.percentText == "40%")
    }

    /// Every width from the smallest the browser draws to a wide one: the status line never
    /// holds a part cut short, and the section count goes last.
    @Test func narrowLinesDropWholePartsByPriority() {
        let origin = ReportOrigin(name: "r.pdf", path: "r.pdf", format: .pdf, pageOfLine: Array(repeating: 1, count: 200))
        for width in 10...160 {
            for height in [3, 5, 12, 30] {
                var script = SearchScript(Self.long, size: Size(width: width, height: height))
                script.type("/段内容\n")
                let state = script.state
                let screen = BrowserRenderer.render(
                    report: Self.long, state: state, theme: .standard(color: false, ascii: false),
                    size: state.size, origin: origin
                ).screen
                #expect(screen.size == state.size)
                guard !state.layout.isTooSmall else {
                    #expect(screen.lines[0].contains("小") || screen.lines[0].contains("small"), "\(width)x\(height)")
                    continue
                }
                let status = screen.lines.last ?? ""
                #expect(DisplayWidth.of(status) <= width, "\(width)x\(height)")
                let parts = StatusBar.browsingParts(
                    state: state, report: Self.long, origin: origin, theme: .standard(color: false, ascii: false),
                    lineCache: DetailLineCache(), width: width)
                let progress = ReadingProgress.of(state, report: Self.long, origin: origin, glyphs: .unicode, lineCache: DetailLineCache())
                // The most needed part is always there.
                #expect(status.contains(progress.sectionText), "\(width)x\(height): \(status)")
                // Whatever is right of the breadcrumb is whole parts, in their order.
                let fitted = StatusParts.fit(parts, width: StatusBar.partsRoom(forWidth: width))
                for part in fitted {
                    #expect(parts.contains { $0.variants.contains(part.text) })
                }
                var drawn = status
                while drawn.last == " " { drawn.removeLast() }
                #expect(drawn.hasSuffix("  " + fitted.map(\.text).joined(separator: "  ")), "\(width)x\(height): \(status)")
            }
        }
    }

    @Test func theFitterKeepsTheMoreNeededPartsAndTheirOrder() {
        let parts = [
            StatusPart("warnings", priority: 7), StatusPart(["/query 2/3", "2/3"], priority: 2, isSearch: true),
            StatusPart("L1–9/90", priority: 5), StatusPart("40%", priority: 3), StatusPart("3/18", priority: 1),
        ]
        #expect(StatusParts.fit(parts, width: 100).map(\.text) == ["warnings", "/query 2/3", "L1–9/90", "40%", "3/18"])
        #expect(StatusParts.fit(parts, width: 21).map(\.text) == ["/query 2/3", "40%", "3/18"])
        #expect(StatusParts.fit(parts, width: 20).map(\.text) == ["2/3", "40%", "3/18"])
        #expect(StatusParts.fit(parts, width: 14).map(\.text) == ["2/3", "40%", "3/18"])
        #expect(StatusParts.fit(parts, width: 13).map(\.text) == ["2/3", "3/18"])
        #expect(StatusParts.fit(parts, width: 4).map(\.text) == ["3/18"])
        #expect(StatusParts.fit(parts, width: 3).map(\.text) == ["2/3"])
        #expect(StatusParts.fit(parts, width: 0).isEmpty)
    }

    @Test func theHeaderTellsTwoReportsWithTheSameTitleApart() {
        let report = BrowserFixtures.parse("政府工作报告\n一、回顾\n内容。\n")
        func header(_ path: String, width: Int) -> String {
            let origin = ReportOrigin(name: path, path: path, format: .text)
            let state = BrowserFixtures.state(report, size: Size(width: width, height: 20)).0
            return BrowserRenderer.render(
                report: report, state: state, theme: .standard(color: false, ascii: false), size: state.size, origin: origin
            ).screen.lines[0]
        }
        let first = header("reports/2024/政府工作报告.txt", width: 80)
        let second = header("reports/2025/政府工作报告-修订.txt", width: 80)
        #expect(first.hasPrefix("政府工作报告") && first.hasSuffix(" 政府工作报告.txt"), "\(first)")
        #expect(second.hasSuffix(" 政府工作报告-修订.txt"), "\(second)")
        // Narrow: the title keeps half, the name keeps its end.
        let narrow = header("a-very-long-directory-name/and-a-long-file-name-2025.txt", width: 40)
        #expect(narrow.hasPrefix("政府工作报告"), "\(narrow)")
        #expect(narrow.hasSuffix("2025.txt"), "\(narrow)")
        #expect(narrow.contains("…"), "\(narrow)")
        #expect(DisplayWidth.of(narrow) <= 40)
        // Too narrow for any useful part of the name: the title alone.
        #expect(header("x/file-name-2025.txt", width: 20).hasPrefix("政府工作报告"))
        #expect(!header("x/file-name-2025.txt", width: 20).contains("2025"))
    }

    /// The defect the sweep found: hits in the header's metadata line were not lit.
    @Test func searchHitsInTheHeadersMetadataLineAreLit() {
        var script = SearchScript()
        script.type("/钱塘区政府办公室\n")
        let theme = BrowserTheme.standard(color: true, ascii: false)
        let screen = BrowserRenderer.render(
            report: script.report, state: script.state, theme: theme, size: script.state.size
        ).screen
        let metadata = HeaderMetadata.text(of: script.report)
        let line = screen.lines[1]
        #expect(line.hasPrefix(metadata), "\(line)")
        let utf8Start = metadata.utf8.count - "钱塘区政府办公室".utf8.count
        let column = DisplayWidth.of(String(metadata.utf8.prefix(utf8Start))!)
        for x in column..<(column + DisplayWidth.of("钱塘区政府办公室")) {
            let style = screen[x: x, y: 1].style
            #expect(style == theme.searchCurrent || style == theme.searchHit, "x=\(x)")
        }
        #expect(screen[x: 0, y: 1].style == theme.metadata)
        #expect(screen[x: column - 1, y: 1].style == theme.metadata)
        // A clipped header lights only what shows, and never past its end.
        var narrow = SearchScript(size: Size(width: 40, height: 20))
        narrow.type("/钱塘区政府办公室\n")
        let small = BrowserRenderer.render(
            report: narrow.report, state: narrow.state, theme: theme, size: narrow.state.size
        ).screen
        #expect(small.lines[1].hasSuffix("…"))
        for x in 0..<40 { #expect(small[x: x, y: 1].style != theme.searchHit && small[x: x, y: 1].style != theme.searchCurrent) }
    }

    @Test func theKeyAndTheDateAreLitToo() {
        var script = SearchScript()
        script.type("/发布日期\n")
        let theme = BrowserTheme.standard(color: true, ascii: false)
        let screen = BrowserRenderer.render(report: script.report, state: script.state, theme: theme, size: script.state.size).screen
        #expect(screen[x: 0, y: 1].style == theme.searchCurrent || screen[x: 0, y: 1].style == theme.searchHit)
        #expect(screen[x: 8, y: 1].style == theme.metadata)
    }
}

/// The same defect in the detail pane: the front matter's `key: value` rows were drawn unlit.
@Suite struct MetadataRowHighlightTests {
    @Test func searchHitsInTheDetailPanesMetadataRowsAreLit() throws {
        var script = SearchScript()
        script.type("/钱塘区政府办公室\n")
        let theme = BrowserTheme.standard(color: true, ascii: false)
        let screen = BrowserRenderer.render(
            report: script.report, state: script.state, theme: theme, size: script.state.size
        ).screen
        let detail = script.state.layout.detailText
        let term = "钱塘区政府办公室"
        let row = try #require(
            (detail.y..<detail.maxY).first { y in
                BrowserFixtures.rows(of: screen, in: detail)[y - detail.y].contains(term)
            }, "the metadata row shows in the detail pane")
        let text = BrowserFixtures.rows(of: screen, in: detail)[row - detail.y]
        let prefix = String(text[..<text.range(of: term)!.lowerBound])
        let column = detail.x + DisplayWidth.of(prefix)
        for x in column..<(column + DisplayWidth.of(term)) {
            let style = screen[x: x, y: row].style
            #expect(style == theme.searchCurrent || style == theme.searchHit, "x=\(x)")
        }
        #expect(screen[x: detail.x, y: row].style == theme.metadata)
        #expect(screen[x: column - 1, y: row].style == theme.metadata)
    }
}
