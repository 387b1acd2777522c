import CLibXML2
import ReportKit

/// The text of `word/document.xml`: one line per non-empty paragraph, table rows as TAB-joined
/// cells, automatic numbering rendered in front of the paragraph text.
///
/// Read in one streaming pass (libxml2's `xmlTextReader`), not as a tree: a report's
/// WordprocessingML is ~14 bytes of markup per byte of text, and building and freeing the
/// whole tree of a 1 MB report cost over a second and a quarter of a gigabyte. Only the
/// elements on the way to text are visited; property subtrees are skipped inside libxml2.
struct WordDocumentText {
    private(set) var lines: [String] = []
    private(set) var headingHints: [Int: Int] = [:]
    private var numbering: WordNumbering
    private let styles: WordStyles

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    /// Reads the whole part; a part that is not well-formed, or has no `body`, is refused
    /// as a whole (nothing half-read is kept).
    mutating func read(document bytes: [UInt8]) throws(ImportFailure) {
        let damaged = ImportFailure("not a readable Word document: word/document.xml is damaged")
        // Entities are not substituted and the network is never used; libxml2's own depth
        // limit refuses absurdly deep nesting as a parse error.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        // The reader reads the caller's buffer in place, so it lives only inside this closure.
        let complete = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let opened = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReaderForMemory($0, Int32(clamping: buffer.count), nil, nil, options)
            }
            guard let reader = opened else { return false }
            defer { xmlFreeTextReader(reader) }
            var walk = WordStreamWalk(reader: reader)
            return walk.run(into: &self) && walk.sawBody
        }
        guard complete else { throw damaged }
    }

    mutating func emit(_ text: String, headingLevel: Int?) {
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

    /// A finished paragraph's text with its numbering label, and its heading level.
    mutating func finish(_ paragraph: WordParagraphState) -> (text: String, level: Int?) {
        var numId: String?
        var ilvl = 0
        var level: Int?
        if let style = paragraph.styleId {
            level = styles.headingLevel(of: style)
            if let inherited = styles.numbering(of: style) { (numId, ilvl) = inherited }
        }
        if let id = paragraph.numId { numId = id }
        if let value = paragraph.ilvl.flatMap(Int.init) { ilvl = value }
        if let outline = paragraph.outlineLevel.flatMap(Int.init), outline < 9 { level = outline + 1 }
        var text = String(decoding: paragraph.text, as: UTF8.self)
        // An empty numbered paragraph still advances its list in Word, but shows nothing here.
        if let numId, let label = numbering.nextLabel(numId: numId, ilvl: ilvl), !text.allSatisfy(\.isWhitespace) {
            text = label + text
        }
        return (text, level)
    }
}

/// What a paragraph's first `pPr` says, and its text so far (UTF-8, as libxml2 gives it).
struct WordParagraphState {
    var styleId: String?
    var numId: String?
    var ilvl: String?
    var outlineLevel: String?
    var text: [UInt8] = []
}
