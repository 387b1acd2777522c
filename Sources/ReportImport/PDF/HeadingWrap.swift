/// A numbered heading too long for its line, wrapped onto the next (`一、关于进一步加强……的` over
/// `若干意见`). Body reflow does not join it: the first line is centred or stops short of the
/// right edge, or the second is indented like a new paragraph. What tells a wrapped heading
/// from a heading followed by its first paragraph is the shape of the pair: the first line
/// opens with a marker and holds no sentence; the second is short, holds no sentence either,
/// and sits where a continuation of that heading sits — centred under a centred first line, or,
/// under a first line that filled the width, starting no further left than it.
enum HeadingWrap {
    /// Longest heading (in characters) still taken as one; longer ones are body paragraphs.
    static let maximumLength = 60
    /// Lines a heading may run over.
    static let maximumLines = 3

    /// Punctuation a heading line never holds: a line with one is, or starts, body text.
    private static let sentenceMarks: Set<Character> = ["。", "！", "？", "；", "!", "?", ";", "：", ":"]

    /// Whether `next` continues the heading whose first layout line is `first` (`text` is the
    /// heading so far, `lines` how many layout lines it already has).
    static func continues(
        heading first: PDFTextLine, text: String, lines: Int, next: PDFTextLine, nextText: String, margin: Int, fullWidth: Int
    ) -> Bool {
        guard lines < maximumLines, next.page == first.page, text.count + nextText.count <= maximumLength else { return false }
        guard LoneMarker.startsWithMarker(text), LoneMarker.separator(afterMarker: text) == nil else { return false }
        guard !LoneMarker.startsWithMarker(nextText), !PDFReflow.isFootnoteMark(nextText), !isCaption(nextText) else { return false }
        guard !text.contains(where: sentenceMarks.contains), !nextText.contains(where: sentenceMarks.contains) else { return false }
        let slack = max(4, fullWidth / 8)
        // A line that reaches the right edge is body text, whatever came before it.
        guard next.rightEdge < fullWidth - slack else { return false }
        let firstWidth = first.rightEdge - first.indent
        let nextWidth = next.rightEdge - next.indent
        guard nextWidth <= firstWidth + 2 else { return false }
        // Centred: both lines share a centre (within a character), away from the left margin,
        // and the first is long enough to have needed a second line (a short centred heading
        // over a centred caption is two things).
        let centred = first.indent - margin >= 4 && firstWidth * 2 >= fullWidth
            && abs((first.indent + first.rightEdge) - (next.indent + next.rightEdge)) <= 4
        // Left-set: the first line filled the width (it wrapped), the next does not start left of it.
        let wrapped = first.rightEdge >= fullWidth - slack && next.indent >= first.indent
        return centred || wrapped
    }

    /// `图1 …`, `表 2 …`: a figure or table caption under a heading.
    static func isCaption(_ text: String) -> Bool {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0] == "图" || characters[0] == "表" else { return false }
        return characters[1].isNumber || characters[1] == " "
    }
}
