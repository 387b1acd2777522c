import CNCursesW
import ReportUI

extension CursesTerminal {
    /// Draws a frame. Only rows that differ from the previous frame are handed to curses, and
    /// doupdate sends only what differs from the physical screen, so a key press costs little
    /// even over ssh.
    public func present(_ screen: Screen, cursor: (x: Int, y: Int)?) {
        guard isOpen else { return }
        let area = size
        let previous = previousFrame.flatMap { $0.size == screen.size ? $0 : nil }
        if previous == nil { werase(window) }
        let width = min(screen.size.width, area.width)
        for y in 0..<min(screen.size.height, area.height) {
            if let previous, Self.row(y, of: previous) == Self.row(y, of: screen) { continue }
            // A changed row is redrawn whole, left to right, so a wide character that changed
            // width can never leave half of itself behind in the cells next to it.
            for x in 0..<width where !screen[x: x, y: y].isContinuation {
                draw(screen[x: x, y: y], x: x, y: y, limit: width)
            }
        }
        previousFrame = screen
        place(cursor, within: Size(width: width, height: min(screen.size.height, area.height)))
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on screen, so the next frame is drawn in full (after the terminal was
    /// scribbled on by something else).
    public func invalidate() {
        previousFrame = nil
        clearok(window, true)
    }

    private static func row(_ y: Int, of screen: Screen) -> ArraySlice<Cell> {
        screen.cells[(y * screen.size.width)..<((y + 1) * screen.size.width)]
    }

    /// mvwadd_wchnstr copies into the window without moving the cursor, wrapping or
    /// scrolling, so the bottom-right cell is as safe to write as any other.
    private func draw(_ cell: Cell, x: Int, y: Int, limit: Int) {
        // A wide character that no longer fits (the window shrank) is drawn as a blank.
        let fits = x + max(cell.width, 1) <= limit
        var character = cchar_t()
        let attributes = attributes(for: cell.style.attributes)
        let pair = Int16(colorPair(for: cell.style))
        if !(fits && Self.set(&character, text: cell.text, attributes: attributes, pair: pair)) {
            _ = Self.set(&character, text: fits && cell.width == 2 ? "？" : " ", attributes: attributes, pair: pair)
        }
        mvwadd_wchnstr(window, Int32(y), Int32(x), &character, 1)
    }

    /// curses takes one spacing character plus a few combining ones; a grapheme it rejects
    /// (too many marks, a lone mark) falls back to its first scalar.
    private static func set(_ character: inout cchar_t, text: String, attributes: attr_t, pair: Int16) -> Bool {
        var scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        guard !scalars.isEmpty else { return false }
        if scalars.count >= Int(CCHARW_MAX) { scalars = Array(scalars.prefix(1)) }
        scalars.append(0)
        if setcchar(&character, scalars, attributes, pair, nil) == OK { return true }
        return setcchar(&character, [scalars[0], 0], attributes, pair, nil) == OK
    }

    private func attributes(for style: TextAttributes) -> attr_t {
        var result: attr_t = 0
        if style.contains(.bold) { result |= cnc_attr_bold() }
        if style.contains(.reverse) { result |= cnc_attr_reverse() }
        if style.contains(.underline) { result |= cnc_attr_underline() }
        if style.contains(.dim) { result |= cnc_attr_dim() }
        return result
    }

    func colorPair(for style: CellStyle) -> Int {
        guard var table = colorPairs else { return 0 }
        let defaultsUsable = defaultColorsAvailable
        let pair = table.pair(foreground: style.foreground, background: style.background) { number, combination in
            // Without use_default_colors, -1 is not a colour: fall back to white on black.
            let foreground = combination.foreground == .terminalDefault && !defaultsUsable
                ? TerminalColor.white : combination.foreground
            let background = combination.background == .terminalDefault && !defaultsUsable
                ? TerminalColor.black : combination.background
            return init_pair(Int16(number), Int16(foreground.rawValue), Int16(background.rawValue)) == OK
        }
        colorPairs = table
        return pair
    }

    private func place(_ cursor: (x: Int, y: Int)?, within area: Size) {
        let visible = cursor.map { $0.x >= 0 && $0.y >= 0 && $0.x < area.width && $0.y < area.height } ?? false
        if visible, let cursor { wmove(window, Int32(cursor.y), Int32(cursor.x)) }
        // With the cursor hidden, curses need not move it around after every frame.
        leaveok(window, !visible)
        if cursorShown != visible {
            curs_set(visible ? 1 : 0)
            cursorShown = visible
        }
    }
}
