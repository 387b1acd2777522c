/// Rebuilds paragraphs from `pdftotext -layout` output, whose lines are the page's lines:
/// hard-wrapped, with page numbers and running heads between them.
///
/// A line continues the paragraph above when the line above reaches the page's usual right
/// edge (it was wrapped, not ended) and this one is not indented as a first line is. In a
/// document that does not indent first lines, a full line that ends a sentence ends its
/// paragraph instead. Short lines (headings, titles, signatures) always end one, and blank
/// lines do except at page breaks, where the layout inserts them.
enum PDFReflow {
    struct Paragraph: Equatable {
        var text: String
        let page: Int
    }

    static let sentenceEnds: Set<Character> = ["。", "！", "？", "；", "：", "!", "?", ";", "…", "”", "」", "』"]

    static func reflow(_ layoutText: String) -> [Paragraph] {
        let pages = layoutText.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        var lines: [PDFTextLine] = []
        for (index, page) in pages.enumerated() {
            for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(PDFTextLine(layoutLine: line, page: index + 1))
            }
        }
        let pageCount = pages.last?.allSatisfy(\.isWhitespace) == true ? pages.count - 1 : pages.count
        let furniture = PageFurniture.furniture(in: lines, pageCount: pageCount)
        let margins = leftMargins(lines, skipping: furniture)
        let fullWidth = typicalRightEdge(lines, skipping: furniture)
        let usesIndent = usesFirstLineIndent(lines, margins: margins, skipping: furniture)

        var paragraphs: [Paragraph] = []
        var previous: (line: PDFTextLine, isTableRow: Bool)?
        /// The first layout line of the last paragraph and how many lines it has, while it may
        /// still be a wrapped heading.
        var headingStart: (line: PDFTextLine, lines: Int)?
        var sawBlank = false
        for (index, line) in lines.enumerated() {
            if furniture.contains(index) { continue }
            if line.isBlank {
                sawBlank = true
                continue
            }
            let relativeIndent = line.indent - (margins[line.page] ?? 0)
            let (cells, isTableRow) = PDFLineRepair.columnsToTabs(line.text)
            let text = PDFLineRepair.repair(cells)
            // A footnote mark lifted above the line it belongs to (`[1]` over a title).
            if isFootnoteMark(text) {
                if let last = paragraphs.indices.last, previous?.line.page == line.page {
                    paragraphs[last].text += text
                }
                continue
            }
            var continues = false
            if let (above, aboveIsTable) = previous, !aboveIsTable, !isTableRow, !paragraphs.isEmpty {
                let pageBreak = above.page != line.page
                let full = above.rightEdge >= fullWidth - max(4, fullWidth / 8)
                let endsSentence = paragraphs.last!.text.last.map { sentenceEnds.contains($0) } ?? false
                let indented = relativeIndent >= 2
                if full, !(sawBlank && !pageBreak) {
                    if usesIndent {
                        continues = !indented && !(endsSentence && LoneMarker.startsWithMarker(text))
                    } else {
                        continues = !endsSentence && !LoneMarker.startsWithMarker(text)
                    }
                }
            }
            var wrapsHeading = false
            if !continues, !sawBlank, !isTableRow, let (first, count) = headingStart, previous?.isTableRow == false {
                wrapsHeading = HeadingWrap.continues(
                    heading: first, text: paragraphs[paragraphs.count - 1].text, lines: count, next: line, nextText: text,
                    margin: margins[line.page] ?? 0, fullWidth: fullWidth)
            }
            if continues || wrapsHeading {
                paragraphs[paragraphs.count - 1].text = joined(paragraphs[paragraphs.count - 1].text, text)
                headingStart = wrapsHeading ? headingStart.map { ($0.line, $0.lines + 1) } : nil
            } else {
                paragraphs.append(Paragraph(text: text, page: line.page))
                headingStart = isTableRow ? nil : (line, 1)
            }
            previous = (line, isTableRow)
            sawBlank = false
        }
        return joinLoneMarkers(paragraphs)
    }

    /// Wrapped Chinese joins without a space; wrapped English words need one back.
    static func joined(_ left: String, _ right: String) -> String {
        guard let last = left.last, let first = right.first else { return left + right }
        if last.isASCII, last.isLetter, first.isASCII, first.isLetter { return left + " " + right }
        if last == ",", first.isASCII, first.isLetter { return left + " " + right }
        return left + right
    }

    static func joinLoneMarkers(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var result: [Paragraph] = []
        var index = 0
        while index < paragraphs.count {
            let paragraph = paragraphs[index]
            if index + 1 < paragraphs.count, let separator = LoneMarker.separator(afterMarker: paragraph.text),
                LoneMarker.separator(afterMarker: paragraphs[index + 1].text) == nil
            {
                result.append(Paragraph(text: paragraph.text + separator + paragraphs[index + 1].text, page: paragraph.page))
                index += 2
                continue
            }
            result.append(paragraph)
            index += 1
        }
        return result
    }

    static func isFootnoteMark(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count >= 3, characters.count <= 5, characters.first == "[", characters.last == "]" else { return false }
        return characters.dropFirst().dropLast().allSatisfy(\.isNumber)
    }

    /// Each page's left margin: the smallest indent of its text lines.
    static func leftMargins(_ lines: [PDFTextLine], skipping furniture: Set<Int>) -> [Int: Int] {
        var margins: [Int: Int] = [:]
        for (index, line) in lines.enumerated() where !line.isBlank && !furniture.contains(index) {
            margins[line.page] = min(margins[line.page] ?? .max, line.indent)
        }
        return margins
    }

    /// The right edge most body lines reach: the 75th percentile of all right edges, which
    /// lands on the justified lines of a text page whatever its headings and tables do.
    static func typicalRightEdge(_ lines: [PDFTextLine], skipping furniture: Set<Int>) -> Int {
        let edges = lines.enumerated().filter { !$0.element.isBlank && !furniture.contains($0.offset) }.map(\.element.rightEdge).sorted()
        guard !edges.isEmpty else { return 0 }
        return edges[min(edges.count - 1, edges.count * 3 / 4)]
    }

    /// Whether paragraphs start indented: enough lines after a short line are indented by a
    /// couple of columns relative to the page margin.
    static func usesFirstLineIndent(_ lines: [PDFTextLine], margins: [Int: Int], skipping furniture: Set<Int>) -> Bool {
        var indented = 0
        var flush = 0
        for (index, line) in lines.enumerated() where !line.isBlank && !furniture.contains(index) {
            let relative = line.indent - (margins[line.page] ?? 0)
            if (2...8).contains(relative) { indented += 1 } else if relative == 0 { flush += 1 }
        }
        return indented * 20 >= indented + flush && indented >= 2
    }
}
