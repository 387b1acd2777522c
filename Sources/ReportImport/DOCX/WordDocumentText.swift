import CLibXML2

/// The text of `word/document.xml`: one line per non-empty paragraph, table rows as TAB-joined
/// cells, automatic numbering rendered in front of the paragraph text.
struct WordDocumentText {
    private(set) var lines: [String] = []
    private(set) var headingHints: [Int: Int] = [:]
    private var numbering: WordNumbering
    private let styles: WordStyles

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    mutating func read(body: xmlNodePtr) {
        for block in XMLPart.children(body) { readBlock(block) }
    }

    private mutating func readBlock(_ node: xmlNodePtr) {
        switch XMLPart.localName(node) {
        case "p":
            let (text, level) = paragraph(node)
            emit(text, headingLevel: level)
        case "tbl":
            for row in XMLPart.children(node, named: "tr") {
                let cells = XMLPart.children(row, named: "tc").map { cellText($0) }
                emit(cells.joined(separator: "\t"), headingLevel: nil)
            }
        case "sdt":
            // Content controls wrap ordinary paragraphs and tables.
            if let content = XMLPart.child(node, named: "sdtContent") {
                for block in XMLPart.children(content) { readBlock(block) }
            }
        default:
            break
        }
    }

    private mutating func emit(_ text: String, headingLevel: Int?) {
        // Spaces, tabs and the no-break spaces Word users pad with; U+3000 indents are kept,
        // as they are in the text of saved pages.
        let padding: Set<Character> = [" ", "\t", "\u{A0}"]
        var trimmed = Substring(text)
        while let first = trimmed.first, padding.contains(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, padding.contains(last) { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty else { return }
        // A soft line break inside a paragraph starts a new line, as it does on the page.
        for (index, part) in trimmed.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if index == 0, let headingLevel { headingHints[lines.count] = headingLevel }
            lines.append(String(part))
        }
    }

    /// A table cell's paragraphs, joined with spaces so the row stays one line.
    private mutating func cellText(_ cell: xmlNodePtr) -> String {
        var parts: [String] = []
        for block in XMLPart.children(cell) {
            switch XMLPart.localName(block) {
            case "p":
                let text = paragraph(block).text.replacingTabsAndBreaks()
                if !text.isEmpty { parts.append(text) }
            case "tbl":
                for row in XMLPart.children(block, named: "tr") {
                    for inner in XMLPart.children(row, named: "tc") {
                        let text = cellText(inner)
                        if !text.isEmpty { parts.append(text) }
                    }
                }
            default: break
            }
        }
        return parts.joined(separator: " ")
    }

    private mutating func paragraph(_ node: xmlNodePtr) -> (text: String, level: Int?) {
        var numId: String?
        var ilvl = 0
        var level: Int?
        if let properties = XMLPart.child(node, named: "pPr") {
            if let style = XMLPart.child(properties, named: "pStyle").flatMap({ XMLPart.attribute($0, "val") }) {
                level = styles.headingLevel(of: style)
                if let inherited = styles.numbering(of: style) { (numId, ilvl) = inherited }
            }
            if let numbering = XMLPart.child(properties, named: "numPr") {
                if let id = XMLPart.child(numbering, named: "numId").flatMap({ XMLPart.attribute($0, "val") }) { numId = id }
                if let value = XMLPart.child(numbering, named: "ilvl").flatMap({ XMLPart.attribute($0, "val") }).flatMap(Int.init) { ilvl = value }
            }
            if let outline = XMLPart.child(properties, named: "outlineLvl").flatMap({ XMLPart.attribute($0, "val") }).flatMap(Int.init), outline < 9 {
                level = outline + 1
            }
        }
        var text = ""
        Self.collectRuns(node, into: &text)
        // An empty numbered paragraph still advances its list in Word, but shows nothing here.
        if let numId, let label = numbering.nextLabel(numId: numId, ilvl: ilvl), !text.allSatisfy(\.isWhitespace) {
            text = label + text
        }
        return (text, level)
    }

    /// Text of runs in document order: `w:t`, tabs, breaks; deleted text, field codes and
    /// drawings' own text boxes are skipped. Iterative, so deep nesting costs no stack.
    static func collectRuns(_ paragraph: xmlNodePtr, into text: inout String) {
        var stack: [xmlNodePtr] = XMLPart.children(paragraph).reversed()
        while let node = stack.popLast() {
            switch XMLPart.localName(node) {
            case "t": text += XMLPart.text(node)
            case "tab", "ptab": text += "\t"
            case "br", "cr": text += "\n"
            case "noBreakHyphen": text += "-"
            case "pPr", "rPr", "del", "delText", "instrText", "fldData", "drawing", "pict", "object", "footnoteReference", "endnoteReference":
                break
            default:
                stack.append(contentsOf: XMLPart.children(node).reversed())
            }
        }
    }
}

extension String {
    fileprivate func replacingTabsAndBreaks() -> String {
        String(map { $0 == "\t" || $0 == "\n" ? " " : $0 })
    }
}
