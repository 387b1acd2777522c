import Testing

@testable import ReportUI

@Suite struct ScreenTests {
    struct PutCase: Sendable, CustomTestStringConvertible {
        let text: String
        let x: Int
        let limit: Int?
        let row: String
        let end: Int
        var testDescription: String { "\(text) at \(x) limit \(limit.map(String.init) ?? "-")" }
    }

    /// A 6-cell row pre-filled with dots shows which cells a put touched.
    @Test(arguments: [
        PutCase(text: "ab汉", x: 0, limit: nil, row: "ab汉..", end: 4),
        PutCase(text: "abcd汉", x: 0, limit: nil, row: "abcd汉", end: 6),
        PutCase(text: "abcde汉", x: 0, limit: nil, row: "abcde ", end: 6),
        PutCase(text: "汉字", x: 0, limit: 3, row: "汉 ...", end: 3),
        PutCase(text: "汉字", x: 1, limit: 3, row: ".汉...", end: 3),
        PutCase(text: "汉字中", x: 1, limit: nil, row: ".汉字 ", end: 6),
        PutCase(text: "汉a", x: -1, limit: nil, row: " a....", end: 2),
        PutCase(text: "e\u{301}x", x: 2, limit: nil, row: "..e\u{301}x..", end: 4),
        PutCase(text: "\u{301}x", x: 2, limit: nil, row: "..x...", end: 3),
        PutCase(text: "\u{1B}x", x: 0, limit: nil, row: "^[x...", end: 3),
        PutCase(text: "x\u{202E}", x: 0, limit: nil, row: "x<U+20", end: 6),
    ])
    func putAtTheEdges(c: PutCase) {
        var screen = dotted(width: 6)
        let end = screen.put(c.text, x: c.x, y: 0, style: .plain, limit: c.limit)
        #expect(screen.row(0) == c.row, "\(screen.dump())")
        #expect(end == c.end)
        #expect(wellFormed(screen), "\(screen.dump())")
    }

    @Test func wideCharacterAtTheRightEdgeIsPaddedNotSplit() {
        var screen = dotted(width: 5)
        screen.put("abcd汉", x: 0, y: 0, style: .plain)
        #expect(screen[x: 4, y: 0] == Cell(text: " ", width: 1, style: .plain), "\(screen.dump())")
        #expect(!screen.cells.contains { $0.width == 2 }, "\(screen.dump())")
    }

    struct OverwriteCase: Sendable, CustomTestStringConvertible {
        let text: String
        let x: Int
        let row: String
        var testDescription: String { "\(text) over 汉字 at \(x)" }
    }

    /// Overwriting either half of a wide character blanks the other half.
    @Test(arguments: [
        OverwriteCase(text: "x", x: 1, row: " x字.."),
        OverwriteCase(text: "x", x: 2, row: "汉x ..") ,
        OverwriteCase(text: "x", x: 0, row: "x 字.."),
        OverwriteCase(text: "中", x: 1, row: " 中 .."),
        OverwriteCase(text: "中", x: 3, row: "汉 中."),
    ])
    func overwritingHalfOfAWideCharacter(c: OverwriteCase) {
        var screen = dotted(width: 6)
        screen.put("汉字", x: 0, y: 0, style: .plain)
        screen.put(c.text, x: c.x, y: 0, style: .plain)
        #expect(screen.row(0) == c.row, "\(screen.dump())")
        #expect(wellFormed(screen), "\(screen.dump())")
    }

    @Test func fillOverHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = dotted(width: 6)
        screen.put("汉字", x: 0, y: 0, style: .plain)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .plain)
        #expect(screen.row(0) == "    ..", "\(screen.dump())")
        #expect(wellFormed(screen), "\(screen.dump())")
    }

    @Test func zeroWidthCharacterNeverJoinsANeighboursCell() {
        var screen = dotted(width: 4)
        screen.put("\u{301}a", x: 1, y: 0, style: .plain)
        #expect(screen[x: 0, y: 0].text == ".", "\(screen.dump())")
        #expect(screen.row(0) == ".a..")
    }

    @Test func dumpFramesEveryRow() {
        var screen = Screen(size: Size(width: 4, height: 2))
        screen.put("汉a", x: 0, y: 1, style: .plain)
        #expect(screen.dump() == "+----+\n|    |\n|汉a |\n+----+")
    }

    private func dotted(width: Int) -> Screen {
        var screen = Screen(size: Size(width: width, height: 1))
        screen.put(String(repeating: ".", count: width), x: 0, y: 0, style: .plain)
        return screen
    }

    /// Every wide cell is followed by exactly one continuation cell and no continuation cell
    /// stands alone.
    private func wellFormed(_ screen: Screen) -> Bool {
        for y in 0..<screen.size.height {
            var x = 0
            while x < screen.size.width {
                let cell = screen[x: x, y: y]
                if cell.isContinuation { return false }
                if cell.width == 2 {
                    guard x + 1 < screen.size.width, screen[x: x + 1, y: y].isContinuation else { return false }
                    x += 2
                } else {
                    x += 1
                }
            }
        }
        return true
    }
}

@Suite struct ScreenLimitTests {
    @Test(arguments: [(0, 0), (3, 3), (5, 5), (4, 2)])
    func putPastItsLimitDrawsNothing(x: Int, limit: Int) {
        var screen = Screen(size: Size(width: 6, height: 1))
        let end = screen.put("汉字", x: x, y: 0, style: .plain, limit: limit)
        #expect(end == x)
        #expect(screen.lines == [""], "\(screen.dump())")
    }
}
