import ReportKit
/// Wraps text into lines of a display width, with the Chinese line-breaking rules:
///
/// - `\n` ends a paragraph; the `\n` belongs to no line and an empty paragraph is one empty
///   line, so `""` gives one line, `"a\n"` two (the second empty) and `"\n\n"` three.
/// - A line may break between any two ideographs, kana, hangul or full-width punctuation, and
///   after spaces; not inside a run of narrow characters, which keeps `98.97%`, `36+10`,
///   `-3.5` and Latin words whole when they fit on a line.
/// - No line starts with closing punctuation (`，。、；：？！）》」』】〕”’…·%,.;:?!)]}`) and
///   none ends with opening punctuation (`（《「『【〔“‘([{`): the character before is carried
///   to the next line instead.
/// - What cannot fit on a line of its own (a word longer than the width, a run of punctuation
///   the rules glue together) is broken between characters, rules or not.
/// - A wide character never straddles the edge: the line ends one cell short instead.
/// - Spaces at a break hang past the line end: they stay in the line's range (nothing is
///   lost) but not in its width. A TAB advances to the next multiple of `tabStop` cells,
///   counted from the start of the line.
/// - Width 0 or less wraps as width 1. A single character wider than the whole line gets a
///   line of its own that is wider than asked for: a wide character at width 1 (2 cells), or a
///   control character's placeholder (`^[` at width 1, `<U+202E>` below width 8). This is the
///   only case where `WrappedLine.width` exceeds the width; showing the character beats
///   dropping it or looping, and `Screen.put` clips the line at the pane edge.
///
/// Runs in linear time: every character is measured once, plus at most once more when it is
/// carried to the next line (a line never breaks twice before the same character).
public enum LineBreaker {
    public static let tabStop = 4

    public static func wrap(_ text: Substring, width: Int) -> [WrappedLine] {
        var filler = LineFiller(width: max(1, width))
        var offset = 0
        scan: while true {
            for character in text[text.index(atUTF8Offset: offset)...] {
                // Comparing Characters (`character == "\n"`) goes through String comparison;
                // the first scalar and the byte count say the same much faster.
                let first = character.unicodeScalars.first!.value
                let size = character.utf8.count
                if first == 0x0A {
                    filler.endParagraph(at: offset, separatorLength: 1)
                } else if first == 0x0D, size == 2 {
                    // CR LF: only the `\n` ends the paragraph; the CR stays in the line as `^M`.
                    if let resume = filler.add(first: first, utf8Count: 1, cells: 2, at: offset) {
                        offset = resume
                        continue scan
                    }
                    filler.endParagraph(at: offset + 1, separatorLength: 1)
                } else {
                    let cells = size == 1 && first >= 0x20 && first < 0x7F ? 1 : DisplayWidth.of(character)
                    if let resume = filler.add(first: first, utf8Count: size, cells: cells, at: offset) {
                        offset = resume
                        continue scan
                    }
                }
                offset += size
            }
            break
        }
        filler.endParagraph(at: offset, separatorLength: 0)
        return filler.lines
    }

    /// The lines as they would be drawn (`WrappedLine.displayText`), for tests and debugging.
    public static func wrapLines(_ text: Substring, width: Int) -> [String] {
        wrap(text, width: width).map { $0.displayText(in: text) }
    }
}

/// The greedy line filler behind `LineBreaker.wrap`, fed one character at a time.
private struct LineFiller {
    let width: Int
    var lines: [WrappedLine] = []

    private var lineStart = 0
    /// Cells used on the current line, hanging spaces included.
    private var column = 0
    /// Cells up to the end of the last non-space character on the current line.
    private var contentWidth = 0
    /// The previous character on this line; nil at the start of a line, where no break is
    /// possible.
    private var previous: (kind: LineBreakClass, isWide: Bool)?
    /// The last place on this line where it may break, and the line's width if it does.
    private var lastBreak: (offset: Int, width: Int)?

    init(width: Int) {
        self.width = width
    }

    /// Places one character starting at byte `offset`, described by its first scalar, its
    /// UTF-8 size and its display width. Returns the offset to scan again from when the line had
    /// to break at an earlier opportunity: the characters after it moved to the next line and
    /// are measured anew there (a TAB among them may change width).
    mutating func add(first: UInt32, utf8Count: Int, cells: Int, at offset: Int) -> Int? {
        let kind = LineBreakClass.of(first: first, utf8Count: utf8Count, width: cells)
        let isWide = cells == 2
        if let previous, offset > lineStart,
            LineBreakClass.allowsBreak(between: previous.kind, wide: previous.isWide, and: kind, wide: isWide)
        {
            lastBreak = (offset, contentWidth)
        }

        let isTab = first == 0x09 && kind == .space
        let advance = isTab ? LineBreaker.tabStop - column % LineBreaker.tabStop : cells
        if kind != .space, column + advance > width, offset > lineStart {
            if let lastBreak {
                breakLine(at: lastBreak.offset, width: lastBreak.width)
                return lastBreak.offset
            }
            breakLine(at: offset, width: contentWidth)
            return add(first: first, utf8Count: utf8Count, cells: cells, at: offset)
        }

        column += advance
        if kind != .space { contentWidth = column }
        previous = (kind, isWide)
        return nil
    }

    mutating func endParagraph(at offset: Int, separatorLength: Int) {
        lines.append(WrappedLine(range: lineStart..<offset, width: contentWidth))
        startLine(at: offset + separatorLength)
    }

    private mutating func breakLine(at offset: Int, width lineWidth: Int) {
        lines.append(WrappedLine(range: lineStart..<offset, width: lineWidth))
        startLine(at: offset)
    }

    private mutating func startLine(at offset: Int) {
        lineStart = offset
        column = 0
        contentWidth = 0
        previous = nil
        lastBreak = nil
    }
}
