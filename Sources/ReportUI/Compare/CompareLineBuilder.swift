import ReportKit

/// Wraps one side's text into `CompareLine`s with the project's line breaker, each glyph
/// carrying its source offset and its change mark.
enum CompareLineBuilder {
    static func lines(
        of text: Substring, base: Int, bodyStart: Int, marks: [(range: Range<Int>, mark: CompareMark)], width: Int
    ) -> [CompareLine] {
        var lines: [CompareLine] = []
        var markCursor = 0
        for wrapped in LineBreaker.wrap(text, width: width) {
            var glyphs: [CompareGlyph] = []
            var column = 0
            var offset = wrapped.range.lowerBound
            for character in text[utf8Range: wrapped.range] {
                while markCursor < marks.count, marks[markCursor].range.upperBound <= offset { markCursor += 1 }
                let mark = markCursor < marks.count && marks[markCursor].range.contains(offset) ? marks[markCursor].mark : .plain
                let shown: String
                if character == "\t" {
                    let spaces = LineBreaker.tabStop - column % LineBreaker.tabStop
                    shown = String(repeating: " ", count: spaces)
                    column += spaces
                } else {
                    shown = VisibleText.placeholder(for: character) ?? String(character)
                    column += DisplayWidth.of(shown)
                }
                glyphs.append(CompareGlyph(text: shown, offset: base + offset, mark: mark))
                offset += character.utf8.count
            }
            // Spaces hanging at a break are the line's, but nothing to draw.
            while let last = glyphs.last, last.text.allSatisfy({ $0 == " " }) { glyphs.removeLast() }
            let role: CompareLine.Role = base + wrapped.range.lowerBound < bodyStart ? .heading : .body
            lines.append(CompareLine(role: role, glyphs: glyphs))
        }
        return lines.isEmpty ? [CompareLine(role: .body, glyphs: [])] : lines
    }

    static func note(_ text: String, role: CompareLine.Role = .note, width: Int) -> [CompareLine] {
        LineBreaker.wrapLines(Substring(text), width: width).map { CompareLine(role: role, text: $0) }
    }
}
