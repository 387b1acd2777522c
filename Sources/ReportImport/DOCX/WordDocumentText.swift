import Foundation
import CLibXML2
import ReportKit

/// The text of `word/document.xml`: one line per non-empty paragraph, table rows as TAB-joined
/// cells, automatic numbering rendered in front of the paragraph text.
///
/// Read in one streaming pass of libxml2's SAX2 parser, fed chunk by chunk as the part
/// inflates: a report's WordprocessingML is ~14 bytes of markup per byte of text, and neither
/// a tree (over a second and a quarter of a gigabyte for a 1 MB report) nor a reader that makes
/// a node per element is needed to pick the text out. Only the elements on the way to text
/// are looked at; property subtrees are skipped by counting their depth.
struct WordDocumentText {
    private(set) var lines: [String] = []
    private(set) var headingHints: [Int: Int] = [:]
    private var numbering: WordNumbering
    private let styles: WordStyles
    /// What each paragraph style gives (heading level, numbering), worked out once per style:
    /// a report has a handful of styles and tens of thousands of paragraphs.
    private var styleEffects: [String: (level: Int?, numbering: (numId: String, ilvl: Int)?)] = [:]

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    /// Reads `word/document.xml` of the package; a part that is not well-formed, or has no
    /// `body`, is refused as a whole (nothing half-read is kept).
    mutating func read(from archive: DocxArchive) throws(ImportFailure) {
        let damaged = ImportFailure("not a readable Word document: word/document.xml is damaged")
        let parser = WordDocumentParser(document: self)
        let path = "word/document.xml"
        let found: Bool
        // A second thread pays off only once there are a few chunks to overlap; starting one
        // costs more than a small document takes to read.
        if let size = archive.declaredSize(path), size > UInt64(InflatingPipe.minimumSize) {
            found = try InflatingPipe.read(path, from: archive) { parser.feed($0) }
        } else {
            found = try archive.stream(path) { chunk throws(DocxArchive.StopReading) in
                guard parser.feed(chunk) else { throw DocxArchive.StopReading() }
            }
        }
        guard found else { throw ImportFailure("not a Word document: the package has no word/document.xml") }
        guard let read = parser.finish() else { throw damaged }
        self = read
    }

    mutating func emit(_ text: String, headingLevel: Int?) {
        // Spaces, tabs and the no-break spaces Word users pad with; U+3000 indents are kept,
        // as they are in the text of saved pages.
        func isPadding(_ character: Character) -> Bool { character == " " || character == "\t" || character == "\u{A0}" }
        var trimmed = Substring(text)
        while let first = trimmed.first, isPadding(first) { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, isPadding(last) { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty else { return }
        guard trimmed.utf8.contains(UInt8(ascii: "\n")) else {
            if let headingLevel { headingHints[lines.count] = headingLevel }
            lines.append(String(trimmed))
            return
        }
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
            let effect: (level: Int?, numbering: (numId: String, ilvl: Int)?)
            if let known = styleEffects[style] {
                effect = known
            } else {
                effect = (styles.headingLevel(of: style), styles.numbering(of: style))
                styleEffects[style] = effect
            }
            level = effect.level
            if let inherited = effect.numbering { (numId, ilvl) = inherited }
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
