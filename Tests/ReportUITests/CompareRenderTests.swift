import ReportKit
import Testing

@testable import ReportUI

/// Frames of the compare view: aligned rows, marks and colours, the in-section difference,
/// the stacked layout, and the ASCII / no-colour forms.
@Suite struct CompareRenderTests {
    /// The x of the first cell where `text` starts on row y, or nil.
    static func column(of text: String, in screen: Screen, row y: Int, from x0: Int = 0) -> Int? {
        let first = String(text.first!)
        for x in x0..<screen.size.width where screen[x: x, y: y].text == first {
            var cursor = x
            var matched = ""
            while cursor < screen.size.width, matched.count < text.count {
                if !screen[x: cursor, y: y].isContinuation { matched += screen[x: cursor, y: y].text }
                cursor += 1
            }
            if matched == text { return x }
        }
        return nil
    }

    static func row(containing text: String, in screen: Screen, from x0: Int, to x1: Int) -> Int? {
        (0..<screen.size.height).first { y in
            column(of: text, in: screen, row: y, from: x0).map { $0 < x1 } ?? false
        }
    }

    @Test func alignedSectionsStandLevelAndTheInsertedArticleFacesANote() {
        let session = CompareFixtures.session()
        let screen = session.frame().screen
        let layout = session.state.layout
        #expect(layout.arrangement == .sideBySide)
        let oldRange = (layout.oldText.x, layout.oldText.maxX)
        let newRange = (layout.newText.x, layout.newText.maxX)
        // Old 第三条 became new 第四条: both headings on one row.
        let oldRow = Self.row(containing: "第三条 市人民政府", in: screen, from: oldRange.0, to: oldRange.1)
        let newRow = Self.row(containing: "第四条 市人民政府", in: screen, from: newRange.0, to: newRange.1)
        #expect(oldRow != nil && oldRow == newRow, "\(screen.dump())")
        // The inserted article faces the note on the old side.
        let inserted = Self.row(containing: "第三条 示范管理工作", in: screen, from: newRange.0, to: newRange.1)
        let note = Self.row(containing: "+ only in the new version", in: screen, from: oldRange.0, to: oldRange.1)
        #expect(inserted != nil && inserted == note, "\(screen.dump())")
        // The tree marks it new, in green.
        let treeRow = Self.row(containing: "+   1.3 第三条", in: screen, from: 0, to: layout.tree.maxX)
        #expect(treeRow != nil, "\(screen.dump())")
        if let treeRow { #expect(screen[x: 0, y: treeRow].style.foreground == .green) }
        #expect(screen.lines[0].contains("old.txt → new.txt"))
    }

    @Test func theChangedNumberIsCalledOutOnBothSidesAndListed() {
        var session = CompareFixtures.session()
        let target = CompareFixtures.pair(session.document, new: "1.2")!
        while session.state.selected != target { session.press(.character("]")) }
        let screen = session.frame().screen
        let layout = session.state.layout
        let y = Self.row(containing: "281件", in: screen, from: layout.oldText.x, to: layout.oldText.maxX)
        let theme = CompareTheme(color: true, ascii: false)
        if let y, let x = Self.column(of: "281", in: screen, row: y, from: layout.oldText.x) {
            #expect(screen[x: x, y: y].style == theme.change(.changedNumber, side: .old))
            // Unchanged text next to it is plain body text.
            #expect(screen[x: x - 2, y: y].style == theme.base.body)
        } else {
            Issue.record("no 281 in the old pane:\n\(screen.dump())")
        }
        let newY = Self.row(containing: "350件", in: screen, from: layout.newText.x, to: layout.newText.maxX)
        #expect(newY == y)
        if let newY, let x = Self.column(of: "350", in: screen, row: newY, from: layout.newText.x) {
            #expect(screen[x: x, y: newY].style == theme.change(.changedNumber, side: .new))
        }
        #expect(Self.row(containing: "numbers: 281件 → 350件", in: screen, from: layout.newText.x, to: layout.newText.maxX) != nil, "\(screen.dump())")
        #expect(session.statusLine.contains("~ modified"), "\(session.statusLine)")
    }

    @Test func deletedAndInsertedCharactersAreMarkedOnTheirSide() {
        let document = CompareFixtures.document(
            old: "条例\n\n第一条 应当及时处理群众反映的问题。\n", new: "条例\n\n第一条 应当依法及时处理群众反映的问题。\n")
        let pair = document.alignment.pairs.firstIndex { $0.status == .modified }!
        let new = document.lines(of: pair, side: .new, width: 60)
        let inserted = new.flatMap(\.glyphs).filter { $0.mark == .changed }.map(\.text).joined()
        #expect(inserted == "依法")
        let old = document.lines(of: pair, side: .old, width: 60)
        #expect(old.flatMap(\.glyphs).allSatisfy { $0.mark == .plain })
    }

    @Test func narrowTerminalsStackOldAboveNew() {
        let session = CompareFixtures.session(size: Size(width: 60, height: 30))
        let screen = session.frame().screen
        let layout = session.state.layout
        #expect(layout.arrangement == .stacked)
        #expect(layout.tree.maxY <= layout.oldTitle.y && layout.oldText.maxY <= layout.newTitle.y)
        #expect(screen.lines[layout.oldTitle.y].hasPrefix(" old  1 第一章"), "\(screen.dump())")
        #expect(screen.lines[layout.newTitle.y].hasPrefix(" new  1 第一章"), "\(screen.dump())")
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        // The same pair is at the top of both texts.
        let oldTop = screen.lines[layout.oldText.y]
        let newTop = screen.lines[layout.newText.y]
        #expect(oldTop.hasPrefix("第一章") && newTop.hasPrefix("第一章"), "\(screen.dump())")
    }

    @Test func asciiAndNoColourKeepTheMarksAndUseOnlyAttributes() {
        var session = CompareFixtures.session(color: false, ascii: true)
        let target = CompareFixtures.pair(session.document, new: "1.2")!
        while session.state.selected != target { session.press(.character("]")) }
        let screen = session.frame().screen
        for cell in screen.cells {
            #expect(cell.style.foreground == .terminalDefault && cell.style.background == .terminalDefault)
            #expect(cell.text.unicodeScalars.allSatisfy { $0.isASCII || $0.value >= 0x3000 }, "\(cell.text)")
        }
        let lines = screen.lines
        #expect(lines.contains { $0.contains("~ 1 第一章") })
        #expect(lines.contains { $0.contains("+   1.3 第三条") })
        #expect(lines.contains { $0.contains("-   2.2 第五条") })
        let moved = session.document.alignment.pairs.first { $0.status == .moved }!
        #expect(CompareTreePane.label(of: moved, document: session.document, theme: CompareTheme(color: false, ascii: true)).hasPrefix(">   1.3->1.4 第四条"))
        #expect(lines.contains { $0.contains("numbers: 281件 -> 350件") })
        let layout = session.state.layout
        if let y = Self.row(containing: "350件", in: screen, from: layout.newText.x, to: layout.newText.maxX),
            let x = Self.column(of: "350", in: screen, row: y, from: layout.newText.x) {
            #expect(screen[x: x, y: y].style.attributes.contains(.reverse))
        } else {
            Issue.record("350 not drawn:\n\(screen.dump())")
        }
    }

    @Test func searchHitsAreHighlightedInBothPanes() {
        var session = CompareFixtures.session()
        session.type("/投诉举报\n")
        let screen = session.frame().screen
        let layout = session.state.layout
        let theme = CompareTheme(color: true, ascii: false)
        for text in [layout.oldText, layout.newText] {
            // Below the pane's title, which names the section too.
            let y = (text.y..<text.maxY).first { Self.column(of: "投诉举报", in: screen, row: $0, from: text.x).map { $0 < text.maxX } ?? false }
            if let y, let x = Self.column(of: "投诉举报", in: screen, row: y, from: text.x) {
                #expect(screen[x: x, y: y].style == theme.base.searchHit)
            } else {
                Issue.record("no hit in pane at x \(text.x):\n\(screen.dump())")
            }
        }
    }

    @Test func hostileTextAndTinySizesDrawWithinTheGrid() {
        let document = CompareFixtures.document(
            old: "标题\n\n一、\u{1b}[31m红\t色\u{7}\n", new: "标题\n\n一、\u{1b}[32m绿\t色\u{202e}反\n")
        for width in [20, 35, 61, 99, 100, 160] {
            for height in [8, 12, 20, 40] {
                let session = CompareFixtures.session(document, size: Size(width: width, height: height))
                let screen = session.frame().screen
                #expect(screen.cells.allSatisfy { !$0.text.contains("\u{1b}") && !$0.text.contains("\u{7}") })
                #expect(screen.lines.allSatisfy { DisplayWidth.of($0) <= width })
            }
        }
    }
}
