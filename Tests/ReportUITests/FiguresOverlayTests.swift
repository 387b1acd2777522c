import ReportKit
import Testing

@testable import ReportUI

/// `#` lists the report's figures; typing filters, Tab sorts, Ctrl-S narrows to the selected
/// section, Enter jumps to the figure and lights it up.
@Suite struct FiguresOverlayTests {
    let report = BrowserFixtures.seed

    var figures: [Figure] { FigureExtractor.extract(from: report).figures }

    func overlay(_ script: ScriptedSession) -> FiguresOverlay? {
        guard case .overlay(let open) = script.state.mode else { return nil }
        return open as? FiguresOverlay
    }

    @Test func theFiguresAreExtractedOnlyWhenTheListFirstOpens() {
        var script = ScriptedSession()
        #expect(script.state.figures == nil)
        script.type("#")
        #expect(script.state.bindingContext == .figures)
        #expect(script.state.figures == figures)
        #expect(overlay(script)?.rows == figures)
        #expect(script.frameText.contains("Figures · \(figures.count) · by section"), "\(script.frameText)")
        #expect(script.statusLine.contains("Enter jumps"), "\(script.statusLine)")
        // The second opening reuses what the first extracted: no effect runs.
        script.press(.escape)
        #expect(script.state.bindingContext == .browse)
        var state = script.state
        let effects = state.apply(.showFigures, context: BrowserContext(report: report))
        #expect(effects.isEmpty)
        #expect((state.mode.bindingContext) == .figures)
    }

    @Test func theFirstOpeningAsksForTheExtractionAsAnEffect() {
        var (state, context) = BrowserFixtures.state(report)
        let effects = state.apply(.showFigures, context: context)
        #expect(effects == [.extractFigures])
        #expect(state.figures == nil)
        state.apply(.figuresExtracted(figures), context: context)
        guard case .overlay(let open) = state.mode, let list = open as? FiguresOverlay else {
            Issue.record("the list is not open")
            return
        }
        #expect(!list.isLoading)
        #expect(list.rows.count == figures.count)
    }

    @Test func typingFiltersAndBackspaceAndEscapeTakeItBack() {
        var script = ScriptedSession()
        script.type("#件")
        let rows = overlay(script)?.rows ?? []
        #expect(!rows.isEmpty)
        #expect(rows.count < figures.count)
        #expect(rows.allSatisfy { ($0.text + $0.subject + $0.unit).contains("件") }, "\(rows.map(\.text))")
        #expect(rows.contains { $0.text == "281件" })
        #expect(script.frameText.contains("Filter: 件"))
        script.press(.backspace)
        #expect(overlay(script)?.rows.count == figures.count)
        // Letters are text here, not moves or quit.
        script.type("qjk")
        #expect(script.state.bindingContext == .figures)
        #expect(overlay(script)?.filter.text == "qjk")
        script.press(.escape)
        #expect(overlay(script)?.filter.text == "")
        script.press(.escape)
        #expect(script.state.bindingContext == .browse)
    }

    @Test func tabCyclesTheOrder() {
        var script = ScriptedSession()
        script.type("#")
        #expect(overlay(script)?.sort == .position)
        script.press(.tab)
        #expect(overlay(script)?.sort == .value)
        let byValue = overlay(script)?.rows ?? []
        #expect(byValue == FigureTable(figures).sorted(by: .value).rows)
        #expect(byValue != figures)
        #expect(script.frameText.contains("by value"))
        script.press(.tab)
        #expect(overlay(script)?.rows == FigureTable(figures).sorted(by: .unit).rows)
        script.press(.tab)
        #expect(overlay(script)?.rows == figures)
    }

    @Test func sortingKeepsTheCursorOnTheSameFigure() {
        var script = ScriptedSession()
        script.type("#")
        for _ in 0..<5 { script.press(.down) }
        let chosen = overlay(script).map { $0.rows[$0.cursor] }
        #expect(chosen == figures[5])
        for _ in 0..<3 {
            script.press(.tab)
            let list = overlay(script)
            #expect(list.map { $0.rows[$0.cursor] } == chosen, "order \(String(describing: list?.sort))")
        }
        // The cursor has moved with the figure: it is not at the top in the value order.
        script.press(.tab)
        #expect(overlay(script)?.cursor != 0 || FigureTable(figures).sorted(by: .value).rows.first == chosen)
    }

    @Test func filteringKeepsTheCursorOnTheFigureOrTheNearestOneLeft() {
        var script = ScriptedSession()
        script.type("#")
        let target = figures.lastIndex { $0.text == "281件" }!
        let later = figures.indices.first { $0 > target + 2 && !figures[$0].text.contains("件") && !figures[$0].subject.contains("件") && !figures[$0].unit.contains("件") }!
        for _ in 0..<target { script.press(.down) }
        #expect(overlay(script).map { $0.rows[$0.cursor] }?.text == "281件")
        script.type("件")
        #expect(overlay(script).map { $0.rows[$0.cursor] } == figures[target])
        script.press(.backspace)
        #expect(overlay(script)?.cursor == target)
        // A figure the filter hides hands the cursor to the listed figure nearest in the text.
        for _ in target..<later { script.press(.down) }
        script.type("件")
        let rows = overlay(script)?.rows ?? []
        let position = figures[later].range.lowerBound
        let nearest = rows.min { abs($0.range.lowerBound - position) < abs($1.range.lowerBound - position) }
        #expect(nearest != nil)
        #expect(overlay(script).map { $0.rows[$0.cursor] } == nearest)
        #expect(overlay(script)?.cursor != 0 || rows.first == nearest)
    }

    @Test func ctrlSNarrowsToTheSelectedSection() {
        var script = ScriptedSession()
        script.type(":1\n#")
        let chapter = script.index(of: "1")
        script.press(.control("s"))
        let rows = overlay(script)?.rows ?? []
        let expected = FigureTable(figures).inSection(chapter, of: report).rows
        #expect(!expected.isEmpty)
        #expect(expected.count < figures.count)
        #expect(rows == expected)
        #expect(script.frameText.contains("Figures in 1 ·"), "\(script.frameText)")
        script.press(.control("s"))
        #expect(overlay(script)?.rows.count == figures.count)
    }

    @Test func enterJumpsToTheFigureAndHighlightsIt() {
        var script = ScriptedSession()
        script.type("#281件")
        let figure = overlay(script)?.rows.first
        #expect(figure?.text == "281件")
        script.press(.enter)
        #expect(script.state.bindingContext == .browse)
        #expect(script.state.selection == .section(figure?.sectionIndex ?? -1))
        #expect(script.state.reader.highlight == figure?.range)
        #expect(script.state.focus == .detail)
        // The figure's cells are drawn as the current search hit is.
        let screen = script.session.frame().screen
        let theme = BrowserTheme.standard(color: false, ascii: false)
        let lit = screen.lines.indices.flatMap { y in
            (0..<screen.size.width).compactMap { x in screen[x: x, y: y].style == theme.searchCurrent ? screen[x: x, y: y].text : nil }
        }
        #expect(lit.joined().contains("281件"), "\(lit.joined())")
        // A jump: Ctrl-O goes back.
        script.press(.control("o"))
        #expect(script.state.selection == .title)
        script.press(.escape)
        #expect(script.state.reader.highlight == nil)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 20, height: 6), Size(width: 8, height: 3)])
    func theTableFitsAndAligns(_ size: Size) {
        var script = ScriptedSession(size: size)
        script.type("#")
        let lines = script.session.frame().screen.lines
        for line in lines { #expect(DisplayWidth.of(line) <= size.width, "\(line)") }
        if size.width >= 40 {
            // The figure column starts at the same cell on every row.
            let rows = lines.filter { line in figures.contains { line.contains(" " + $0.text + " ") } }
            #expect(rows.count >= 3, "\(lines.joined(separator: "\n"))")
            let starts = rows.compactMap { line -> Int? in
                guard let figure = figures.first(where: { line.contains(" " + $0.text + " ") }),
                    let range = line.range(of: " " + figure.text + " ") else { return nil }
                return DisplayWidth.of(String(line[..<range.lowerBound]))
            }
            #expect(Set(starts).count == 1, "\(starts)")
        }
        script.press(.end)
        script.press(.enter)
        #expect(script.state.bindingContext == .browse)
    }
}
