import ReportKit
import Testing

@testable import ReportUI

/// Hits lit up in the detail pane, mapped through wrapping, TABs and placeholders, and the
/// counts in the tree.
@Suite struct BrowserSearchHighlightTests {
    static let theme = BrowserTheme.standard(color: false, ascii: false)

    /// A run of highlighted cells on one row.
    struct Run: Equatable, CustomStringConvertible {
        var y: Int
        var x: Int
        var text: String
        var isCurrent: Bool
        var description: String { "\(y):\(x) \(text)\(isCurrent ? " (current)" : "")" }
    }

    /// The highlighted runs inside a rectangle, in reading order. The second half of a wide
    /// character counts too, so a highlight that starts or ends half a character off shows.
    static func runs(in screen: Screen, rect: Rect, theme: BrowserTheme = theme) -> [Run] {
        var runs: [Run] = []
        for y in rect.y..<rect.maxY {
            var open: Run?
            for x in rect.x..<rect.maxX {
                let cell = screen[x: x, y: y]
                let current = cell.style == theme.searchCurrent
                if current || cell.style == theme.searchHit {
                    if open == nil || open?.isCurrent != current {
                        if let run = open { runs.append(run) }
                        open = Run(y: y, x: x, text: "", isCurrent: current)
                    }
                    open?.text += cell.text
                } else if let run = open {
                    runs.append(run)
                    open = nil
                }
            }
            if let run = open { runs.append(run) }
        }
        return runs
    }

    /// Where `needle` is drawn in the rectangle: its row and first cell.
    static func occurrences(of needle: String, in screen: Screen, rect: Rect) -> [(y: Int, x: Int)] {
        var found: [(y: Int, x: Int)] = []
        for y in rect.y..<rect.maxY {
            var cells: [(x: Int, text: String)] = []
            for x in rect.x..<rect.maxX where !screen[x: x, y: y].isContinuation {
                cells.append((x, screen[x: x, y: y].text))
            }
            let characters = Array(needle).map(String.init)
            guard characters.count <= cells.count else { continue }
            for start in 0...(cells.count - characters.count)
            where cells[start..<(start + characters.count)].map(\.text) == characters {
                found.append((y, cells[start].x))
            }
        }
        return found
    }

    @Test func everyVisibleHitIsLitAndTheCurrentOneStandsOut() {
        var script = SearchScript()
        script.type("/信用修复\n")
        let detail = script.state.layout.detailText
        let frame = script.frame()
        let runs = Self.runs(in: frame, rect: detail)
        #expect(runs.map(\.text) == ["信用修复", "信用修复"], "\(runs)\n\(frame.dump())")
        #expect(runs.map(\.isCurrent) == [true, false])
        let drawn = Self.occurrences(of: "信用修复", in: frame, rect: detail)
        #expect(drawn.map(\.x) == runs.map(\.x) && drawn.map(\.y) == runs.map(\.y))
        // Nothing is lit outside the text pane (the status line above, drawn reversed, aside).
        let whole = Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height - 1)
        #expect(Self.runs(in: frame, rect: whole).count == runs.count)

        script.type("n")
        #expect(Self.runs(in: script.frame(), rect: detail).map(\.isCurrent) == [false, true])
        // In 4.2 the single hit is current, and at 100 columns it wraps: 信用 | 修复.
        script.type("n")
        let far = Self.runs(in: script.frame(), rect: detail)
        #expect(far.map(\.text) == ["信用", "修复"], "\(far)")
        #expect(far.count == 2 && far[0].isCurrent && far[1].isCurrent && far[1].y == far[0].y + 1)
    }

    @Test func colourAndNoColourThemesBothMarkHits() {
        var script = SearchScript()
        script.type("/信用修复\n")
        let colored = BrowserTheme.standard(color: true, ascii: false)
        let colourRuns = Self.runs(in: script.frame(color: true), rect: script.state.layout.detailText, theme: colored)
        #expect(colourRuns.map(\.isCurrent) == [true, false])
        #expect(colored.searchHit.foreground != .terminalDefault)
        #expect(colored.searchCurrent != colored.searchHit)
        let plain = script.frame()
        #expect(plain.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        #expect(Self.theme.searchCurrent.attributes.contains(.reverse))
        #expect(Self.theme.searchCurrent != Self.theme.searchHit)
    }

    /// Stacked at 23 columns the text column is 22 cells: 11 ideographs a line.
    @Test(arguments: [
        // A wrap inside the hit: 信 ends the first line (nine ideographs after the indent).
        ("甲乙丙丁戊己庚辛信用修复子丑寅卯", "信用修复", ["信", "用修复"]),
        // A hard line break inside the hit, which the search ignores between ideographs.
        ("甲乙丙信用\n修复子丑", "信用修复", ["信用", "修复"]),
        // A TAB (two cells, to column 4) and an ESC (`^[`, two cells) before the hit.
        ("甲\t乙\u{1B}丙信用修复", "信用修复", ["信用修复"]),
        // A phrase across the space where the line wraps: the hanging space is not lit.
        ("aaaaaaaaaaaaaa credit repair", "\"credit repair\"", ["credit", "repair"]),
    ])
    func hitsMapThroughTheLayout(_ body: String, _ query: String, _ expected: [String]) {
        let report = BrowserFixtures.parse("测试报告\n一、标题\n\(body)\n")
        var script = SearchScript(report, size: Size(width: 23, height: 30))
        #expect(script.state.layout.arrangement == .stacked)
        #expect(script.state.layout.detailText.width == 22)
        script.type("/" + query + "\n")
        #expect(script.state.search?.hitCount == 1)
        let frame = script.frame()
        let runs = Self.runs(in: frame, rect: script.state.layout.detailText)
        #expect(runs.map(\.text) == expected, "\(runs)\n\(frame.dump())")
        #expect(runs.allSatisfy { $0.isCurrent })
        // Whole cells: a run as wide as its characters, starting where the first is drawn.
        for run in runs {
            let width = (run.x..<frame.size.width).prefix { frame[x: $0, y: run.y].style == Self.theme.searchCurrent }.count
            #expect(width == DisplayWidth.of(run.text), "\(run)")
        }
        // Every lit cell sits where the frame draws the hit's characters.
        for run in runs {
            let drawn = Self.occurrences(of: run.text, in: frame, rect: script.state.layout.detailText)
            #expect(drawn.contains { $0.y == run.y && $0.x == run.x }, "\(run)")
        }
    }

    @Test(arguments: [
        // Heading text, and a marker written full-width in the query: the seed has (一).
        ("创新改革", "创新改革", "1.2"),
        ("（一）", "(一)", "1.1"),
        // The report's title, shown by the title row.
        ("钱塘区2024年", "钱塘区2024年", nil),
    ] as [(String, String, String?)])
    func hitsInHeadingsAreLit(_ query: String, _ shown: String, _ address: String?) {
        var script = SearchScript()
        script.type("/\(query)\n")
        #expect(script.address == address)
        let frame = script.frame()
        let detail = script.state.layout.detailText
        let runs = Self.runs(in: frame, rect: detail)
        let drawn = Self.occurrences(of: shown, in: frame, rect: detail)
        #expect(!drawn.isEmpty)
        #expect(runs.map(\.text) == Array(repeating: shown, count: drawn.count), "\(runs)\n\(frame.dump())")
        #expect(runs.first?.isCurrent == true)
    }

    @Test func theTreeCountsHitsOnSectionsWithHitsAndTheirAncestors() {
        var script = SearchScript()
        script.type("/信用修复\n")
        let rows = script.treeRows
        let expected: [(String, Int)] = [
            ("杭州市钱塘区人民政府", 3), ("一、主要举措和突出成效", 2), ("(二)创新改革举措", 2),
            ("四、2025年主要工作安排", 1), ("(二)聚焦改革创新", 1),
        ]
        for (heading, count) in expected {
            let row = rows.first { $0.contains(heading) } ?? ""
            #expect(row.hasSuffix(" \(count)"), "\(row)")
        }
        let counted = rows.filter { $0.last?.isNumber == true }
        #expect(counted.count == expected.count, "\(rows)")
        // The counts are drawn in their own style at the pane's right edge.
        let frame = script.frame()
        let tree = script.state.layout.tree
        var selectedCount = Self.theme.searchCount
        selectedCount.attributes.formUnion(Self.theme.selectedFocused)
        let edge = (tree.y..<tree.maxY).map { frame[x: tree.maxX - 1, y: $0] }
            .filter { $0.style == Self.theme.searchCount || $0.style == selectedCount }
        #expect(edge.map(\.text).sorted() == ["1", "1", "2", "2", "3"])
        // Without a search, no counts.
        script.press([.escape])
        #expect(!script.treeRows.contains { $0.last?.isNumber == true })
    }
}
