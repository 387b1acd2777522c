import ReportKit
import Testing

@testable import ReportUI

/// The lazily laid-out detail text: anchors survive re-wrapping, moving by lines is
/// consistent in both directions, and nothing of the text is lost or repeated.
@Suite struct BrowserDetailDocumentTests {
    static let report = BrowserFixtures.parse(
        """
        报告标题
        发布日期:2025-01-01
        前言第一段，说明背景。
        前言第二段。
        一、第一章
        （一）第一节。正文第一段很长很长很长很长很长很长很长很长很长很长很长很长。
        第二段也不短，有 Latin words and 98.97% numbers 在里面。

        （二）第二节。短。


        二、第二章
        正文。

        """)

    static func withoutIndent(_ line: DetailLine) -> String {
        line.indent > 0 ? String(line.text.dropFirst(DetailDocument.indent.count)) : line.text
    }

    func document(_ row: OutlineRow, width: Int) -> DetailDocument {
        DetailDocument(report: Self.report, root: row, width: width, glyphs: .unicode, cache: DetailLineCache())
    }

    func allCursors(_ document: DetailDocument) -> [DetailCursor] {
        var cursors = [document.firstCursor]
        while let last = cursors.last, last != document.lastCursor {
            cursors.append(document.advance(last, by: 1))
        }
        return cursors
    }

    static let rows: [OutlineRow] = [.title, .section(0), .section(1), .section(2), .section(3)]

    @Test(arguments: rows, [4, 7, 12, 40])
    func positionsRoundTrip(row: OutlineRow, width: Int) {
        let document = document(row, width: width)
        let cursors = allCursors(document)
        #expect(cursors.count == document.lines(from: document.firstCursor, count: 10_000).count)
        for cursor in cursors {
            #expect(document.cursor(for: document.position(of: cursor)) == cursor)
        }
        // Forward then back lands where it started.
        for (index, cursor) in cursors.enumerated() {
            let steps = min(3, cursors.count - 1 - index)
            #expect(document.advance(document.advance(cursor, by: steps), by: -steps) == cursor)
        }
        #expect(document.advance(document.firstCursor, by: -5) == document.firstCursor)
        #expect(document.advance(document.lastCursor, by: 5) == document.lastCursor)
    }

    @Test(arguments: [4, 9, 13, 30])
    func bodyAnchorsSurviveRewrapping(width: Int) {
        let wide = document(.section(0), width: 60)
        let narrow = document(.section(0), width: width)
        let text = Self.report.text.utf8
        for cursor in allCursors(wide) {
            let position = wide.position(of: cursor)
            guard position.part == .body, let section = position.section else { continue }
            let absolute = Self.report.sections[section].ownRange.lowerBound + position.offset
            let shown = narrow.cursor(for: position)
            let line = narrow.lines(of: shown.unit)[shown.line]
            let start = shown.unit.start + line.offset
            #expect(start <= absolute && absolute < start + max(1, line.sourceLength), "width \(width)")
            // A first-line indent the source lacks is drawn before the source's first byte.
            #expect(text[text.index(text.startIndex, offsetBy: start)] == Self.withoutIndent(line).utf8.first)
        }
    }

    @Test(arguments: [5, 11, 50])
    func everyCharacterOfTheBodiesIsShownOnce(width: Int) {
        let document = document(.section(0), width: width)
        var covered = ""
        var drawn = ""
        for cursor in allCursors(document) where cursor.unit.part == .body {
            let line = document.lines(of: cursor.unit)[cursor.line]
            let start = cursor.unit.start + line.offset
            covered += Self.report.slice(start..<(start + line.sourceLength))
            drawn += Self.withoutIndent(line)
        }
        let expected = [1, 2].map { index -> String in
            let section = Self.report.sections[index]
            return String(Self.report.slice(section.bodyRange)).replacingOccurrences(of: "\n", with: "")
        }.joined()
        #expect(covered == expected)
        // Spaces hanging at a break are not drawn; everything else is.
        #expect(drawn.filter { $0 != " " } == expected.filter { $0 != " " })
    }

    @Test func frontMatterShowsTitleMetadataAndPreamble() {
        let lines = document(.title, width: 40).lines(from: document(.title, width: 40).firstCursor, count: 100)
        #expect(lines.map(\.role) == [.title, .metadata, .blank, .body, .body])
        #expect(lines.map { String($0.text) } == ["报告标题", "发布日期: 2025-01-01", "", "　　前言第一段，说明背景。", "　　前言第二段。"])
    }

    @Test func layoutOfASubsection() {
        let document = document(.section(1), width: 24)
        let lines = document.lines(from: document.firstCursor, count: 100)
        #expect(lines.first?.role == .breadcrumb)
        #expect(lines.first?.text == "一、第一章")
        // The heading as written: its 。 stays (the tree's label drops it).
        #expect(lines[1].role == .heading && lines[1].text == "（一）第一节。")
        #expect(lines[2].text.hasPrefix("正文第一段"))
        // Blank lines before the next heading take no rows.
        #expect(lines.last?.role == .body)
        #expect(lines.contains { $0.role == .body && $0.text.isEmpty } == false)
    }

    @Test func lastTopKeepsAFullPage() {
        let document = document(.section(0), width: 10)
        let total = allCursors(document).count
        for height in [1, 3, total - 1, total, total + 5] {
            let top = document.lastTop(height: height)
            #expect(document.lines(from: top, count: 10_000).count == min(total, max(1, height)))
        }
    }

    @Test func foreignPositionsFallBackToTheStart() {
        let document = document(.section(3), width: 20)
        let elsewhere = DetailPosition(section: 1, part: .body, offset: 10)
        #expect(document.cursor(for: elsewhere) == document.firstCursor)
        #expect(document.cursor(for: DetailPosition(section: 3, part: .metadata, offset: 0)) == document.firstCursor)
        #expect(document.cursor(for: DetailPosition(section: 3, part: .body, offset: 1_000_000)) == document.lastCursor)
    }

    @Test func aVeryLongLineIsLaidOutInPiecesWithoutLosingText() {
        // Mixed one-, two- and three-byte characters so piece boundaries fall inside sequences.
        let line = String(repeating: "法治a政府，98.97%。é", count: 3_000)
        let report = BrowserFixtures.parse("标题\n一、章\n\(line)\n二、章\n短。\n")
        let document = DetailDocument(report: report, root: .section(0), width: 37, glyphs: .unicode, cache: DetailLineCache())
        var covered = ""
        var units = Set<DetailUnit>()
        var cursor = document.firstCursor
        while true {
            if cursor.unit.part == .body {
                units.insert(cursor.unit)
                let laid = document.lines(of: cursor.unit)[cursor.line]
                let start = cursor.unit.start + laid.offset
                covered += report.slice(start..<(start + laid.sourceLength))
                #expect(document.cursor(for: document.position(of: cursor)) == cursor)
            }
            if cursor == document.lastCursor { break }
            cursor = document.advance(cursor, by: 1)
        }
        #expect(covered == line)
        #expect(units.count == line.utf8.count / DetailDocument.pieceLength + 1)
        #expect(document.advance(document.lastCursor, by: -100_000) == document.firstCursor)
    }
}
