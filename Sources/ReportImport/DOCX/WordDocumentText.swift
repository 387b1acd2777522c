import FoundationEssentials
import CLibXML2
import ReportKit

/// The text of `word/document.xml`: one line per non-empty paragraph, table rows as TAB-joined
/// cells, automatic numbering rendered in front of the paragraph text.
///
/// Read in one streaming pass of libxml2's SAX parser, fed chunk by chunk as the part
/// inflates: a report's WordprocessingML is ~14 bytes of markup per byte of text, and neither
/// a tree (over a second and a quarter of a gigabyte for a 1 MB report) nor a reader that makes
/// a node per element is needed to pick the text out. Only the elements on the way to text
/// are looked at; property subtrees are skipped by counting their depth.
struct WordDocumentText {
    /// The text so far as UTF-8, each line ended by a line feed: one buffer for the whole
    /// document rather than a String per line, made a String once at the end.
    private(set) var utf8: [UInt8] = []
    private(set) var lineCount = 0
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
    mutating func read(from archive: DocxArchive, events: WordDocumentParser.Events = .best) throws(ImportFailure) {
        let damaged = ImportFailure("not a readable Word document: word/document.xml is damaged")
        let parser = WordDocumentParser(document: self, events: events)
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

    /// The text as one String (empty when no paragraph had text).
    var text: String { String(decoding: utf8, as: UTF8.self) }

    mutating func emitParagraph(_ paragraph: WordParagraphState) {
        let (text, level) = finish(paragraph)
        emit(text[...], headingLevel: level)
    }

    mutating func emit(_ text: ArraySlice<UInt8>, headingLevel: Int?) {
        // Spaces, tabs and the no-break spaces Word users pad with; U+3000 indents are kept,
        // as they are in the text of saved pages. Trimmed as bytes: all three are one or two
        // bytes that no other character's UTF-8 starts or ends with.
        var trimmed = text
        while true {
            if let first = trimmed.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                trimmed = trimmed.dropFirst()
            } else if trimmed.starts(with: Self.noBreakSpace) {
                trimmed = trimmed.dropFirst(2)
            } else {
                break
            }
        }
        while true {
            if let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                trimmed = trimmed.dropLast()
            } else if trimmed.count >= 2, trimmed[trimmed.endIndex - 2] == 0xC2, trimmed[trimmed.endIndex - 1] == 0xA0 {
                trimmed = trimmed.dropLast(2)
            } else {
                break
            }
        }
        guard !trimmed.isEmpty else { return }
        // A soft line break inside a paragraph starts a new line, as it does on the page.
        // Walked by hand: `split` would make an array of pieces for every paragraph.
        var first = true
        var rest = trimmed
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            if end > rest.startIndex {
                if first, let headingLevel { headingHints[lineCount] = headingLevel }
                first = false
                utf8 += rest[..<end]
                utf8.append(UInt8(ascii: "\n"))
                lineCount += 1
            }
            rest = rest[min(end + 1, rest.endIndex)...]
        }
    }

    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// A finished paragraph's text (UTF-8) with its numbering label, and its heading level.
    mutating func finish(_ paragraph: WordParagraphState) -> (text: [UInt8], level: Int?) {
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
        // An empty numbered paragraph still advances its list in Word, but shows nothing here.
        if let numId, let label = numbering.nextLabel(numId: numId, ilvl: ilvl), !Self.isBlank(paragraph.text) {
            return (Array(label.utf8) + paragraph.text, level)
        }
        return (paragraph.text, level)
    }

    /// Whether the text is only whitespace (Unicode's, as `Character.isWhitespace` has it).
    private static func isBlank(_ text: [UInt8]) -> Bool {
        if text.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { return true }
        return String(decoding: text, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}

/// What a paragraph's first `pPr` says, and its text so far (UTF-8, as libxml2 gives it).
struct WordParagraphState {
    var styleId: String?
    var numId: String?
    var ilvl: String?
    var outlineLevel: String?
    var text: [UInt8] = []

    /// Ready for the next paragraph, keeping the text buffer's capacity.
    mutating func reset() {
        styleId = nil
        numId = nil
        ilvl = nil
        outlineLevel = nil
        text.removeAll(keepingCapacity: true)
    }
}
