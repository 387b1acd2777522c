/// The text cut into paragraphs for figure reading, with the byte offset of every scalar.
///
/// Hard-wrapped PDF text (`…比上年增\n长 4.7%`) is joined: a line continues the next when it is
/// long and does not end a sentence, so subjects and change words are found across the wrap.
/// The line feed stays in `scalars` (readers treat it as a space) so offsets stay exact.
struct FigureParagraph {
    var scalars: [Unicode.Scalar] = []
    /// `offsets[i]` is the UTF-8 offset of `scalars[i]`; one extra entry for the end.
    var offsets: [Int] = []
}

enum FigureParagraphs {
    /// Shorter lines are headings, captions and page numbers, never wrapped sentences.
    static let minimumWrappedLineLength = 18
    static let maximumParagraphLength = 1 << 20

    static func split(_ text: String, _ body: (FigureParagraph) -> Void) {
        var paragraph = FigureParagraph()
        var line: [Unicode.Scalar] = []
        var lineOffsets: [Int] = []
        var offset = 0

        func flushParagraph(endingAt end: Int) {
            guard !paragraph.scalars.isEmpty else { return }
            paragraph.offsets.append(end)
            body(paragraph)
            paragraph = FigureParagraph()
        }

        // While a wrapped sentence is open, a page break (blank lines around `— 3 —`) does not
        // end it; blank lines alone do.
        var blankLines = 0
        var sawPageNumber = false

        func endLine(newlineOffset: Int?) {
            if newlineOffset != nil, paragraph.scalars.last == "\n" {
                if line.allSatisfy({ $0 == " " || $0 == "\u{3000}" || $0 == "\t" }) {
                    blankLines += 1
                    line.removeAll(keepingCapacity: true)
                    lineOffsets.removeAll(keepingCapacity: true)
                    return
                }
                if isPageNumber(line) {
                    sawPageNumber = true
                    line.removeAll(keepingCapacity: true)
                    lineOffsets.removeAll(keepingCapacity: true)
                    return
                }
                if blankLines > 0, !sawPageNumber {
                    flushParagraph(endingAt: (paragraph.offsets.last ?? 0) + 1)
                }
            }
            blankLines = 0
            sawPageNumber = false
            let joinsNext = newlineOffset != nil && continues(line)
            if !line.isEmpty || joinsNext {
                paragraph.scalars += line
                paragraph.offsets += lineOffsets
            }
            if joinsNext, let newlineOffset, !line.isEmpty {
                paragraph.scalars.append("\n")
                paragraph.offsets.append(newlineOffset)
            } else {
                flushParagraph(endingAt: newlineOffset ?? offset)
            }
            line.removeAll(keepingCapacity: true)
            lineOffsets.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if scalar == "\n" {
                endLine(newlineOffset: offset)
            } else if scalar == "\u{0C}" {
                // A form feed starts a page: the sentence may go on after the page number.
                line.append(" ")
                lineOffsets.append(offset)
            } else {
                line.append(scalar)
                lineOffsets.append(offset)
            }
            offset += width
            // A line of megabytes (a hostile or broken file) is read in pieces to bound memory.
            if line.count >= maximumParagraphLength {
                paragraph.scalars += line
                paragraph.offsets += lineOffsets
                line.removeAll(keepingCapacity: true)
                lineOffsets.removeAll(keepingCapacity: true)
                flushParagraph(endingAt: offset)
            }
        }
        endLine(newlineOffset: nil)
    }

    /// `— 3 —`, `- 12 -`, `第 3 页`: a page number on its own line.
    static func isPageNumber(_ line: [Unicode.Scalar]) -> Bool {
        guard line.count <= 16, line.contains(where: { NumberScanner.arabicDigit($0) != nil }) else { return false }
        return line.allSatisfy { scalar in
            NumberScanner.arabicDigit(scalar) != nil || " \u{3000}\t-—–－·第页共/".unicodeScalars.contains(scalar)
        }
    }

    private static func continues(_ line: [Unicode.Scalar]) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == " " || line[end - 1] == "\u{3000}" || line[end - 1] == "\t" { end -= 1 }
        guard end >= minimumWrappedLineLength else { return false }
        switch line[end - 1] {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":": return false
        default: return true
        }
    }
}
