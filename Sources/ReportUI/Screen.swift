/// One cell of the grid: a single grapheme cluster, or the right half of a wide one.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for the second cell of a wide character.
    public var text: String
    /// 1 or 2 for a drawn grapheme, 0 for the continuation cell of a wide one.
    public var width: Int
    public var style: CellStyle

    public init(text: String, width: Int, style: CellStyle) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}

/// An in-memory frame: what the terminal should show, cell by cell. Rendering is a pure function
/// into a Screen; only the terminal adapter turns it into curses calls.
public struct Screen: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, style: CellStyle = .plain) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(
            repeating: Cell(text: " ", width: 1, style: style),
            count: self.size.width * self.size.height)
    }

    public subscript(x x: Int, y y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                set(x: x, y: y, Cell(text: " ", width: 1, style: style))
            }
        }
    }

    /// Writes text from (x, y), stopping before `limit` (an x coordinate, default the screen's
    /// right edge). Control and bidi characters are drawn as their `VisibleText` placeholders,
    /// so nothing that could steer the terminal reaches the grid. A wide character that would
    /// straddle the limit is not drawn; its first cell is padded with a blank instead, and so
    /// is a wide character's second half that falls at the left edge. Returns the x coordinate
    /// after the last cell written (the limit when the text was cut there).
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, x: Int, y: Int, style: CellStyle, limit: Int? = nil
    ) -> Int {
        guard y >= 0, y < size.height else { return x }
        let end = min(limit ?? size.width, size.width)
        var cursor = x
        for character in text {
            if let placeholder = VisibleText.placeholder(for: character) {
                for visible in placeholder {
                    guard draw(visible, from: x, at: &cursor, y: y, end: end, style: style) else {
                        return max(cursor, end)
                    }
                }
            } else {
                guard draw(character, from: x, at: &cursor, y: y, end: end, style: style) else {
                    return max(cursor, end)
                }
            }
        }
        return cursor
    }

    /// Restyles existing cells without changing their text, for highlights and selection bars.
    public mutating func restyle(x: Int, y: Int, width: Int, _ transform: (inout CellStyle) -> Void) {
        guard y >= 0, y < size.height else { return }
        let start = max(0, x)
        let end = min(size.width, x + width)
        guard start < end else { return }
        for column in start..<end {
            transform(&cells[y * size.width + column].style)
        }
    }

    /// The text of one row, continuation cells skipped, trailing blanks kept: what a terminal
    /// would show. Used by tests and the headless checks.
    public func row(_ y: Int) -> String {
        var line = ""
        for x in 0..<size.width where !self[x: x, y: y].isContinuation {
            line += self[x: x, y: y].text
        }
        return line
    }

    /// All rows with trailing blanks trimmed, for readable test failures.
    public var lines: [String] {
        (0..<size.height).map { y in
            var text = row(y)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The grid inside an ASCII frame, one row per line with trailing blanks kept, for test
    /// failure messages: the frame shows where each row really ends.
    public func dump() -> String {
        let border = "+" + String(repeating: "-", count: size.width) + "+"
        var text = border + "\n"
        for y in 0..<size.height { text += "|" + row(y) + "|\n" }
        return text + border
    }

    private mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < size.width else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character would leave the other half dangling.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if cells[index].width == 2, x + 1 < size.width {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Draws one already visible character at `cursor` and advances it; false when it does not
    /// fit before `end`. `start` is where this `put` began: a zero-width character joins the
    /// cell before it only if this `put` drew that cell, never a neighbour's.
    private mutating func draw(
        _ character: Character, from start: Int, at cursor: inout Int, y: Int, end: Int, style: CellStyle
    ) -> Bool {
        let width = DisplayWidth.of(character)
        if width == 0 {
            if cursor > max(start, 0) { appendZeroWidth(character, before: cursor, y: y) }
            return true
        }
        if cursor + width > end {
            if cursor >= 0, cursor < end { set(x: cursor, y: y, Cell(text: " ", width: 1, style: style)) }
            return false
        }
        if cursor >= 0 {
            set(x: cursor, y: y, Cell(text: String(character), width: width, style: style))
            if width == 2 { set(x: cursor + 1, y: y, Cell(text: "", width: 0, style: style)) }
        } else if cursor + width > 0 {
            set(x: 0, y: y, Cell(text: " ", width: 1, style: style))
        }
        cursor += width
        return true
    }

    private mutating func appendZeroWidth(_ character: Character, before cursor: Int, y: Int) {
        var x = min(cursor, size.width) - 1
        while x > 0, self[x: x, y: y].isContinuation { x -= 1 }
        guard x >= 0 else { return }
        cells[y * size.width + x].text += String(character)
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX)
        let y1 = min(size.height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
