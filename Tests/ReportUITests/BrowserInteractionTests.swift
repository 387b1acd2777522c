import Foundation
import ReportKit
import ReportTestSupport
import Testing

@testable import ReportUI

/// Resizes, the mouse and the help overlay, driven through the fake terminal.
@Suite struct BrowserInteractionTests {
    let report = BrowserFixtures.seed
    let wide = Size(width: 100, height: 30)

    func run(_ events: [InputEvent], size: Size = Size(width: 100, height: 30)) -> FakeTerminal {
        let terminal = FakeTerminal(size: size, events: events)
        _ = BrowserApp(report: report, options: BrowserOptions(color: false)).run(on: terminal)
        return terminal
    }

    /// The text of the rows of the tree pane that carry the selection highlight.
    func selectedTreeRows(_ screen: Screen) -> [String] {
        (0..<screen.size.height).compactMap { y in
            let cell = screen[x: 0, y: y]
            guard cell.style.attributes.contains(.reverse) || cell.style.attributes.contains(.underline) else { return nil }
            guard y < screen.size.height - 1 else { return nil }
            return screen.lines[y]
        }
    }

    @Test func resizeToNarrowAndBackKeepsSelectionAndReadingPlace() {
        let narrowSize = Size(width: 60, height: 20)
        // Short enough that chapter 一 scrolls.
        let wide = Size(width: 90, height: 14)
        // Chapter 一, text focused, scrolled to a line inside (二)'s paragraph.
        var (state, context) = BrowserFixtures.state(report, size: wide)
        state.send(.moveDown, context: context)
        state.send(.switchFocus, context: context)
        var steps = 0
        while !(state.reading.section == 2 && state.reading.part == .body && state.reading.offset > 0), steps < 40 {
            state.send(.moveDown, context: context)
            steps += 1
        }
        let anchor = state.reading
        #expect(anchor.section == 2 && anchor.part == .body && anchor.offset > 0)
        let wideFrame = BrowserFixtures.frame(report, state)
        state.send(.resize(narrowSize), context: context)
        #expect(state.reading == anchor)
        // Reading continuously, the tree follows the section at the top: (二).
        #expect(state.selection == .section(2))
        // At 60 columns the text is re-wrapped; the top line still holds the anchored character.
        let narrow = BrowserFixtures.frame(report, state)
        let top = BrowserFixtures.rows(of: narrow, in: DetailPane.textRect(of: state.layout.detailText, continuous: true))[0]
        let section = report.sections[2]
        let paragraph = String(report.slice(section.bodyRange))
        let anchorInParagraph = section.ownRange.lowerBound + anchor.offset - section.bodyRange.lowerBound
        let topStart = paragraph.range(of: top).map { paragraph.utf8.distance(from: paragraph.startIndex, to: $0.lowerBound) } ?? -1
        #expect(topStart >= 0, "\(top)")
        #expect(topStart <= anchorInParagraph && anchorInParagraph < topStart + top.utf8.count, "\(top)")
        state.send(.resize(wide), context: context)
        #expect(BrowserFixtures.frame(report, state) == wideFrame)

        // The same through the run loop, frames compared whole.
        let setup: [InputEvent] = BrowserFixtures.keys("j\t" + String(repeating: "j", count: steps))
        let before = run(setup, size: wide)
        let back = run(setup + [.resize(narrowSize), .resize(wide)], size: wide)
        #expect(before.lastFrame == wideFrame)
        #expect(back.lastFrame == before.lastFrame, "\(back.lastText)\n----\n\(before.lastText)")
    }

    @Test func resizeKeepsTheSelectedRowVisible() {
        let terminal = run(BrowserFixtures.keys("G") + [.resize(Size(width: 60, height: 20))])
        #expect(selectedTreeRows(terminal.lastFrame).contains { $0.contains("(三)聚焦效能进阶") }, "\(terminal.lastText)")
    }

    @Test func tooSmallAndBackAgain() {
        let tiny = Size(width: 19, height: 5)
        let terminal = run([.resize(tiny), .key(.down), .resize(wide)])
        let small = terminal.frames[1]
        #expect(small.lines[0] == "Terminal too small")
        #expect(small.lines.dropFirst().allSatisfy { $0.isEmpty })
        #expect(terminal.frames[2].lines[0] == "Terminal too small")
        // The key pressed while too small still counted.
        #expect(terminal.lastFrame.lines.last?.contains("1/18") == true, "\(terminal.lastText)")
        #expect(terminal.lastFrame.lines[0].contains("杭州市钱塘区人民政府"))
    }

    @Test func clickSelectsATreeRowAndFocusesPanes() {
        // Row 3 of the screen is the first chapter's first item at 100×30 (header 2, title row 2).
        let terminal = run([.mouse(MouseEvent(kind: .press, x: 5, y: 4))])
        #expect(terminal.lastFrame.lines.last?.contains("(一)聚力法治统筹") == true, "\(terminal.lastText)")
        // Chapter 一 at 12 rows is longer than its pane, so ↓ in the text can scroll.
        let small = Size(width: 100, height: 12)
        let detail = run([.mouse(MouseEvent(kind: .press, x: 5, y: 3)), .mouse(MouseEvent(kind: .press, x: 70, y: 8)), .key(.down)], size: small)
        // Focus moved to the text: ↓ scrolled it instead of moving the selection.
        #expect(detail.lastFrame.lines.last?.contains("1/18") == true)
        // Row 2 is the sticky line; the text starts below it.
        #expect(detail.frames[2].lines[3].hasSuffix("│ 一、主要举措和突出成效"), "\(detail.lastText)")
        #expect(detail.lastFrame.lines[2].hasSuffix("│ 一、主要举措和突出成效"), "\(detail.lastText)")
        #expect(detail.lastFrame.lines[3].hasSuffix("│"), "\(detail.lastText)")
        #expect(detail.lastFrame.lines[4].hasSuffix("│ (一)聚力法治统筹,强化履职担当。"), "\(detail.lastText)")
        // A click below the last row selects nothing.
        let empty = run([.mouse(MouseEvent(kind: .press, x: 5, y: 25))])
        #expect(empty.lastFrame.lines.last?.contains("0/18") == true)
        // A click is a jump: Ctrl-O comes back.
        let back = run([.mouse(MouseEvent(kind: .press, x: 5, y: 4)), .key(.control("o"))])
        #expect(back.lastFrame.lines.last?.contains("0/18") == true)
    }

    @Test func wheelScrollsThePaneUnderThePointer() {
        let events: [InputEvent] = BrowserFixtures.keys("j") + [.mouse(MouseEvent(kind: .wheelDown, x: 70, y: 5))]
        let terminal = run(events, size: Size(width: 100, height: 12))
        #expect(terminal.frames[1].lines[2] != terminal.lastFrame.lines[2])
        // Three lines down: the chapter heading, the blank and (一)'s heading scroll off.
        #expect(terminal.lastFrame.lines[3].contains("│ 深化习近平法治思想"), "\(terminal.lastText)")
        // The sticky line names the section whose text is at the top.
        #expect(terminal.lastFrame.lines[2].hasSuffix("│ 一、主要举措和突出成效 › (一)聚力法治统筹,强化履职担当"), "\(terminal.lastText)")
        // Over the tree, the wheel scrolls rows and carries the selection along.
        let small = Size(width: 100, height: 12)
        let tree = run([.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))], size: small)
        // Three rows down: the title, 一 and (一) scroll off; the selection moves onto (二).
        #expect(tree.lastFrame.lines[2].hasPrefix("├─· (二)"), "\(tree.lastText)")
        #expect(selectedTreeRows(tree.lastFrame).first?.hasPrefix("├─· (二)") == true)
        #expect(tree.lastFrame.lines.last?.contains("3/18") == true)
    }

    @Test func helpOverlayListsEveryBindingAndCloses() {
        var seen = Set<String>()
        let size = Size(width: 100, height: 20)
        var events: [InputEvent] = [.key(.character("?"))]
        events += Array(repeating: .key(.pageDown), count: 40)
        let terminal = run(events + [.key(.escape)], size: size)
        for frame in terminal.frames.dropFirst().dropLast() {
            for line in frame.lines { seen.insert(line) }
        }
        let all = seen.joined(separator: "\n")
        for binding in KeyBindings.all {
            #expect(all.contains(binding.summary), "missing \(binding.summary)")
            #expect(all.contains(binding.keyLabels().joined(separator: " ")), "missing keys of \(binding.summary)")
        }
        for (gesture, summary) in KeyBindings.mouse {
            #expect(all.contains(gesture) && all.contains(summary))
        }
        #expect(!terminal.lastText.contains("Esc or ? closes"))
        let toggled = run([.key(.character("?")), .key(.character("?"))])
        #expect(toggled.frames[1].lines.joined().contains("Esc or ? closes"))
        #expect(!toggled.lastText.contains("Esc or ? closes"))
    }

    @Test func stackedAndSinglePaneLayouts() {
        let stacked = run([], size: Size(width: 60, height: 20))
        let lines = stacked.lastFrame.lines
        #expect(lines.contains { $0.hasPrefix("──────") })
        #expect(lines.contains { $0.contains("▾ 一、主要举措和突出成效") })
        #expect(lines.contains { $0.contains("2024年,钱塘区以习近平法治思想为指引") })
        // Too short to stack: the focused pane fills the body, Tab switches it.
        let short = Size(width: 60, height: 10)
        let tree = run([], size: short)
        #expect(tree.lastText.contains("▾ 一、主要举措和突出成效"))
        #expect(!tree.lastText.contains("2024年,钱塘区"))
        let text = run([.key(.tab)], size: short)
        #expect(!text.lastText.contains("▾ 一、主要举措和突出成效"))
        #expect(text.lastText.contains("2024年,钱塘区"))
    }
}
