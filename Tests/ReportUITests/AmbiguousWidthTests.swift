import Foundation
import ReportKit
import Testing

@testable import ReportUI

@Suite struct AmbiguousWidthTests {
    @Test func ambiguousCharactersFollowTheSetting() {
        for character in ["“", "”", "…", "·", "—", "①", "─", "°", "×"] {
            #expect(DisplayWidth.of(character) == 1, "\(character)")
            #expect(DisplayWidth.withAmbiguous(.wide) { DisplayWidth.of(character) } == 2, "\(character)")
        }
        // nothing else changes
        for character in ["a", "信", "，", "（", "\u{301}", "ñ"] {
            let narrow = DisplayWidth.of(character)
            #expect(DisplayWidth.withAmbiguous(.wide) { DisplayWidth.of(character) } == narrow, "\(character)")
        }
        #expect(DisplayWidth.withAmbiguous(.wide) { DisplayWidth.of("“信用”") } == 8)
        #expect(DisplayWidth.of("“信用”") == 6)
    }

    @Test func choiceComesFromTheFlagThenTheEnvironment() throws {
        let variable = AmbiguousWidth.environmentVariable
        #expect(try AmbiguousWidth.chosen(flag: false, environment: [:]).get() == .narrow)
        #expect(try AmbiguousWidth.chosen(flag: true, environment: [variable: "narrow"]).get() == .wide)
        #expect(try AmbiguousWidth.chosen(flag: false, environment: [variable: "WIDE"]).get() == .wide)
        #expect(try AmbiguousWidth.chosen(flag: false, environment: [variable: "narrow"]).get() == .narrow)
        #expect(throws: AmbiguousWidthError.self) { try AmbiguousWidth.chosen(flag: false, environment: [variable: "2"]).get() }
    }

    @Test func wrappingHonoursTheWidth() {
        let text: Substring = "“一”“二”“三”……①②③"
        let lines = DisplayWidth.withAmbiguous(.wide) { LineBreaker.wrap(text, width: 8) }
        #expect(lines.allSatisfy { $0.width <= 8 })
        #expect(DisplayWidth.withAmbiguous(.wide) { lines.map { DisplayWidth.of(text.utf8Slice($0.range)) }.allSatisfy { $0 <= 8 } })
        #expect(LineBreaker.wrap(text, width: 8).count < lines.count)
    }
}

/// Every corpus document drawn with ambiguous characters one and two cells wide: wide
/// characters never straddle a cell or the edge, rows add up to the terminal's width, the
/// divider between the panes stays in one column, and no body line is wider than its pane.
@Suite struct AmbiguousWidthCorpusTests {
    static let sizes = [Size(width: 40, height: 16), Size(width: 100, height: 30), Size(width: 157, height: 24)]

    @Test(arguments: BrowserCorpusTests.documents, AmbiguousWidth.allCases)
    func everyDocumentFitsAtEveryWidth(_ name: String, _ width: AmbiguousWidth) {
        let report = BrowserCorpusTests.report(name)
        DisplayWidth.withAmbiguous(width) {
            var drawnAmbiguous = 0
            for size in Self.sizes {
                var session = BrowserSession(report: report, options: BrowserOptions(), size: size)
                var problems: [String] = []
                let walk: [InputEvent] = [.key(.tab)] + Array(repeating: .key(.character(" ")), count: 12)
                    + [.key(.tab)] + Array(repeating: .key(.character("j")), count: 25)
                for event in walk {
                    _ = session.handle(event)
                    let screen = session.frame().screen
                    problems += Self.gridProblems(screen)
                    problems += Self.dividerProblems(screen, layout: session.state.layout)
                    drawnAmbiguous += screen.cells.filter {
                        $0.width == 2 && $0.text.unicodeScalars.contains(where: DisplayWidth.isAmbiguous)
                    }.count
                }
                #expect(problems.isEmpty, "\(name) \(width) \(size): \(problems.prefix(5))")
                problems = Self.bodyProblems(report, width: session.state.layout.detailText.width)
                #expect(problems.isEmpty, "\(name) \(width) \(size): \(problems.prefix(5))")
            }
            if width == .narrow { #expect(drawnAmbiguous == 0) }
        }
    }

    /// The checks above see ambiguous characters drawn wide: the seed's “一件事” on screen.
    @Test func theSeedShowsAmbiguousCharactersTwoCellsWide() {
        DisplayWidth.withAmbiguous(.wide) {
            var session = BrowserSession(report: BrowserFixtures.seed, options: BrowserOptions(), size: Size(width: 100, height: 30))
            for event in BrowserFixtures.keys(":1.2\n") { _ = session.handle(event) }
            let screen = session.frame().screen
            let quotes = screen.cells.filter { $0.text == "“" }
            #expect(!quotes.isEmpty && quotes.allSatisfy { $0.width == 2 })
            #expect(Self.gridProblems(screen).isEmpty)
            // the guides and borders turn ASCII, since box drawing is ambiguous too
            #expect(!screen.cells.contains { $0.text == "│" || $0.text == "─" })
        }
    }

    static func gridProblems(_ screen: Screen) -> [String] {
        var problems: [String] = []
        for y in 0..<screen.size.height {
            var total = 0
            for x in 0..<screen.size.width {
                let cell = screen[x: x, y: y]
                total += cell.width
                if cell.width == 2 {
                    if x + 1 >= screen.size.width || !screen[x: x + 1, y: y].isContinuation {
                        problems.append("row \(y): “\(cell.text)” at \(x) straddles")
                    }
                    if DisplayWidth.of(cell.text) != 2 { problems.append("row \(y): “\(cell.text)” is not wide") }
                } else if cell.isContinuation, x == 0 || screen[x: x - 1, y: y].width != 2 {
                    problems.append("row \(y): stray continuation at \(x)")
                } else if cell.width == 1, DisplayWidth.of(cell.text) != 1 {
                    problems.append("row \(y): “\(cell.text)” drawn in one cell")
                }
            }
            if total != screen.size.width { problems.append("row \(y) is \(total) cells") }
        }
        return problems
    }

    static func dividerProblems(_ screen: Screen, layout: BrowserLayout) -> [String] {
        let divider = layout.divider
        guard divider.width == 1, divider.height > 0 else { return [] }
        let glyph = screen[x: divider.x, y: divider.y].text
        return (divider.y..<divider.y + divider.height).compactMap { y in
            let cell = screen[x: divider.x, y: y]
            return cell.text == glyph && cell.width == 1 ? nil : "divider row \(y) holds “\(cell.text)”"
        }
    }

    static func bodyProblems(_ report: Report, width: Int) -> [String] {
        guard width > 2 else { return [] }
        var problems: [String] = []
        for section in report.sections {
            let body = report.text.utf8Slice(section.bodyRange)
            for line in LineBreaker.wrap(body, width: width) {
                let shown = DisplayWidth.of(body.utf8Slice(line.range).trimmingTrailingSpaces)
                if line.width > width || shown > width {
                    problems.append("\(section.address): line of \(max(line.width, shown)) cells at width \(width)")
                }
            }
        }
        return problems
    }
}

private extension StringProtocol {
    func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(self[start..<end])
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = Optional(index(before: end)), self[previous] == " " || self[previous] == "\u{3000}" {
            end = previous
        }
        return self[startIndex..<end]
    }
}
