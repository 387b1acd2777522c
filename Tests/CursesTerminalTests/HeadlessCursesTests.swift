import CNCursesW
import Glibc
import ReportUI
import Testing

@testable import CursesTerminal

/// Checks against real ncurses drawing into /dev/null. curses is one global state, so these run
/// one at a time.
@Suite(.serialized) struct HeadlessCursesTests {
    static let size = Size(width: 10, height: 4)

    /// Every cell curses holds matches the Screen: the grapheme, and the right half of a wide
    /// character marked as such and holding the same character.
    static func expectCellsMatch(_ terminal: CursesTerminal, _ screen: Screen, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<screen.size.height {
            #expect(terminal.rowText(y) == screen.row(y), "row \(y)", sourceLocation: sourceLocation)
            for x in 0..<screen.size.width {
                let expected = screen[x: x, y: y]
                let actual = terminal.cell(x: x, y: y)
                if expected.isContinuation {
                    #expect(actual.isContinuation, "(\(x),\(y)) continuation", sourceLocation: sourceLocation)
                    #expect(actual.text == screen[x: x - 1, y: y].text, "(\(x),\(y))", sourceLocation: sourceLocation)
                } else {
                    #expect(!actual.isContinuation, "(\(x),\(y))", sourceLocation: sourceLocation)
                    #expect(actual.text == expected.text, "(\(x),\(y))", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func wideCharactersLandInTheirCells() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        var screen = Screen(size: Self.size)
        screen.put("汉字ab", x: 0, y: 0, style: .plain)
        screen.put("abcdefgh国", x: 0, y: 1, style: .plain)  // wide character in the last two columns
        screen.put("一、总体要求", x: 1, y: 2, style: .plain)  // odd start: 要 would straddle, padded
        screen.put("x（一）é", x: 0, y: 3, style: .plain)
        screen.put("末", x: 8, y: 3, style: .plain)  // bottom-right corner
        terminal.present(screen, cursor: nil)
        #expect(screen.row(2) == " 一、总体 ")
        #expect(terminal.cell(x: 8, y: 1) == CursesCell(text: "国", isContinuation: false, attributes: [], colorPair: 0))
        #expect(terminal.cell(x: 9, y: 1).isContinuation)
        #expect(terminal.cell(x: 8, y: 3).text == "末")
        #expect(terminal.cell(x: 7, y: 3).text == "é")
        Self.expectCellsMatch(terminal, screen)
    }

    @Test func changedRowsAreRedrawnWithoutLeftovers() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        var first = Screen(size: Self.size)
        first.put("汉字汉字汉", x: 0, y: 0, style: .plain)
        first.put("abcdefghij", x: 0, y: 1, style: .plain)
        first.put("不变的行", x: 0, y: 2, style: .plain)
        terminal.present(first, cursor: nil)
        var second = Screen(size: Self.size)
        second.put("a汉字汉字b", x: 0, y: 0, style: .plain)  // every wide character shifted by one
        second.put("ab中文ghij", x: 0, y: 1, style: .plain)
        second.put("不变的行", x: 0, y: 2, style: .plain)
        terminal.present(second, cursor: nil)
        Self.expectCellsMatch(terminal, second)
        terminal.present(first, cursor: nil)
        Self.expectCellsMatch(terminal, first)
    }

    @Test func stylesBecomeAttributesAndCachedPairs() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        var screen = Screen(size: Self.size)
        let warning = CellStyle(foreground: .red, attributes: [.bold])
        let selected = CellStyle(foreground: .black, background: .cyan, attributes: [.reverse, .underline])
        screen.put("警告", x: 0, y: 0, style: warning)
        screen.put("选中", x: 4, y: 0, style: selected)
        screen.put("警", x: 0, y: 1, style: warning)
        screen.put("dim", x: 0, y: 2, style: CellStyle(attributes: [.dim]))
        terminal.present(screen, cursor: nil)

        let warningCell = terminal.cell(x: 0, y: 0)
        let selectedCell = terminal.cell(x: 4, y: 0)
        #expect(warningCell.attributes == [.bold])
        #expect(selectedCell.attributes == [.reverse, .underline])
        #expect(terminal.cell(x: 0, y: 2).attributes == [.dim])
        #expect(terminal.cell(x: 0, y: 2).colorPair == 0)
        #expect(warningCell.colorPair != 0)
        #expect(terminal.cell(x: 0, y: 1).colorPair == warningCell.colorPair)
        #expect(terminal.cell(x: 2, y: 0).colorPair == warningCell.colorPair)
        #expect(selectedCell.colorPair != warningCell.colorPair)
        #expect(terminal.definedColorPairs == 2)
        let warningColors = terminal.colors(ofPair: warningCell.colorPair)
        #expect(warningColors?.foreground == TerminalColor.red.rawValue)
        #expect(warningColors?.background == -1)
        let selectedColors = terminal.colors(ofPair: selectedCell.colorPair)
        #expect(selectedColors?.foreground == TerminalColor.black.rawValue)
        #expect(selectedColors?.background == TerminalColor.cyan.rawValue)
    }

    @Test func withoutColorsOnlyAttributesRemain() throws {
        let terminal = try CursesTerminal.headless(size: Self.size, colors: false)
        defer { terminal.close() }
        var screen = Screen(size: Self.size)
        screen.put("红", x: 0, y: 0, style: CellStyle(foreground: .red, background: .blue, attributes: [.bold]))
        terminal.present(screen, cursor: nil)
        #expect(terminal.cell(x: 0, y: 0) == CursesCell(text: "红", isContinuation: false, attributes: [.bold], colorPair: 0))
        #expect(terminal.definedColorPairs == 0)
    }

    @Test func cursorIsPlacedForPrompts() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        var screen = Screen(size: Self.size)
        screen.put("/汉字", x: 0, y: 3, style: .plain)
        terminal.present(screen, cursor: (x: 5, y: 3))
        #expect(terminal.windowCursor == (5, 3))
        terminal.present(screen, cursor: (x: 2, y: 1))
        #expect(terminal.windowCursor == (2, 1))
    }

    @Test func smallerWindowKeepsWideCharactersWhole() throws {
        let terminal = try CursesTerminal.headless(size: Size(width: 5, height: 2))
        defer { terminal.close() }
        var screen = Screen(size: Size(width: 8, height: 3))
        screen.put("abcd汉字", x: 0, y: 0, style: .plain)
        screen.put("汉字汉字", x: 0, y: 1, style: .plain)
        terminal.present(screen, cursor: nil)
        #expect(terminal.rowText(0) == "abcd ")
        #expect(terminal.rowText(1) == "汉字 ")
    }

    @Test func resizeIsReportedWithTheNewSize() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        #expect(terminal.size == Self.size)
        terminal.resize(to: Size(width: 30, height: 7))
        #expect(terminal.nextEvent() == .resize(Size(width: 30, height: 7)))
        #expect(terminal.size == Size(width: 30, height: 7))
    }

    @Test func queuedInputComesOutAsEvents() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        // curses' push-back is last in, first out.
        for code in [KEY_NPAGE, KEY_UP] { ungetch(code) }
        unget_wch(0x6C49)
        unget_wch(3)
        #expect(terminal.nextEvent() == .key(.control("c")))
        #expect(terminal.nextEvent() == .key(.character("汉")))
        #expect(terminal.nextEvent() == .key(.up))
        #expect(terminal.nextEvent() == .key(.pageDown))
        #expect(terminal.nextEvent() == nil)
    }

    @Test func mouseReportsQueuedTogetherComeOutOldestFirst() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        let reports: [(mmask_t, Int32, Int32)] = [
            (cnc_button1_pressed(), 3, 1), (cnc_button5_pressed(), 4, 2), (cnc_button4_pressed(), 5, 3),
        ]
        for (buttons, x, y) in reports {
            var event = MEVENT(id: 0, x: x, y: y, z: 0, bstate: buttons)
            #expect(ungetmouse(&event) == OK)
        }
        #expect(terminal.nextEvent() == .mouse(MouseEvent(kind: .press, x: 3, y: 1)))
        #expect(terminal.nextEvent() == .mouse(MouseEvent(kind: .wheelDown, x: 4, y: 2)))
        #expect(terminal.nextEvent() == .mouse(MouseEvent(kind: .wheelUp, x: 5, y: 3)))
        #expect(terminal.nextEvent() == nil)
    }

    @Test func endOfInputEndsTheEvents() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        defer { terminal.close() }
        #expect(terminal.nextEvent() == nil)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func stopSignalsTerminateAndAreReleasedOnClose(_ signal: Int32) throws {
        let blockedBefore = Self.isBlocked(signal)
        let terminal = try CursesTerminal.headless(size: Self.size)
        #expect(!Self.isBlocked(signal))
        #expect(terminal.stopSignal == nil)
        // Test threads block signals; opening the terminal must have unblocked this one, or
        // raise would leave it pending and nextEvent would see the end of input instead.
        raise(signal)
        #expect(terminal.nextEvent() == .terminate)
        #expect(terminal.stopSignal == signal)
        terminal.close()
        #expect(Self.handlerIsDefault(for: signal))
        #expect(Self.isBlocked(signal) == blockedBefore)
    }

    @Test func closeIsIdempotent() throws {
        let terminal = try CursesTerminal.headless(size: Self.size)
        terminal.close()
        terminal.close()
        #expect(terminal.nextEvent() == nil)
    }

    static let refusedTerminals: [([String: String], CursesTerminalError)] = [
        ([:], .terminalTypeNotSet),
        (["TERM": ""], .terminalTypeNotSet),
        (["TERM": "dumb"], .terminalTooLimited("dumb")),
    ]

    @Test(arguments: refusedTerminals)
    func openRefusesUnusableTerminalTypes(_ environment: [String: String], expected: CursesTerminalError) {
        #expect(throws: expected) { try CursesTerminal.open(environment: environment, colors: true) }
    }

    static let refusedByTerminfo: [(String, CursesTerminalError)] = [
        ("no-such-terminal", .unknownTerminalType("no-such-terminal")),
        ("dumb", .terminalTooLimited("dumb")),  // found in terminfo, but cannot move the cursor
        ("", .terminalTypeNotSet),
    ]

    @Test(arguments: refusedByTerminfo)
    func terminfoRefusesUnusableTerminalTypes(_ term: String, expected: CursesTerminalError) {
        #expect(throws: expected) { try CursesTerminal.headless(term: term, size: Self.size) }
        #expect(Self.handlerIsDefault(for: SIGTERM))
    }

    @Test func errorsAreOneLineAndSayWhatToDo() {
        let errors: [CursesTerminalError] = [
            .terminalTypeNotSet, .terminalTooLimited("dumb"), .unknownTerminalType("vt9000"),
            .noUTF8Locale, .noTerminalDevice("No such device or address"),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("report-browser: "))
            #expect(!error.description.contains("\n"))
        }
        #expect(CursesTerminalError.terminalTypeNotSet.description.contains("TERM=xterm-256color"))
        #expect(CursesTerminalError.unknownTerminalType("vt9000").description.contains("TERM=vt9000"))
    }

    private static func isBlocked(_ signal: Int32) -> Bool {
        var mask = sigset_t()
        pthread_sigmask(SIG_BLOCK, nil, &mask)
        return sigismember(&mask, signal) == 1
    }

    private static func handlerIsDefault(for signal: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0 else { return false }
        return current.__sigaction_handler.sa_handler == nil
    }
}
