import ReportKit
/// One screen line of wrapped text.
public struct WrappedLine: Hashable, Sendable {
    /// UTF-8 byte offsets relative to the start of the text that was wrapped. Consecutive lines
    /// of a paragraph are contiguous (spaces at a break stay in the range of the line before
    /// it); paragraphs are separated by exactly the one `\n` byte that belongs to no line.
    public let range: Range<Int>
    /// Display width of the line's visible content, trailing spaces excluded; what
    /// `displayText(in:)` measures.
    public let width: Int

    public init(range: Range<Int>, width: Int) {
        self.range = range
        self.width = width
    }

    /// What to draw for this line: its text without the spaces hanging at the break, TABs
    /// expanded to `LineBreaker.tabStop` columns counted from the line's start, controls
    /// replaced by their placeholders. Its display width is `width`.
    public func displayText(in text: Substring) -> String {
        var slice = text[utf8Range: range]
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }

        var visible = ""
        var column = 0
        for character in slice {
            if character == "\t" {
                let spaces = LineBreaker.tabStop - column % LineBreaker.tabStop
                visible += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                visible += VisibleText.placeholder(for: character) ?? String(character)
                column += DisplayWidth.of(character)
            }
        }
        return visible
    }
}
