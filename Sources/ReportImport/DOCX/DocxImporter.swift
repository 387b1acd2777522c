import ReportKit

/// Word documents (.docx): paragraphs, tables and automatic numbering of `word/document.xml`.
public struct DocxImporter: ReportImporter {
    public let format = ReportFormat.docx
    /// Which libxml2 events read `document.xml`; tests read documents both ways.
    var events = WordDocumentParser.Events.best

    public init() {}

    public func importReport(_ input: ImportInput) throws(ImportFailure) -> ImportedText {
        let archive = try DocxArchive(bytes: input.bytes)
        let numbering = try archive.part("word/numbering.xml").flatMap { XMLPart(bytes: $0) }
        let styles = try archive.part("word/styles.xml").flatMap { XMLPart(bytes: $0) }
        var reader = WordDocumentText(numbering: WordNumbering(part: numbering), styles: WordStyles(part: styles))
        try reader.read(from: archive, events: events)
        return ImportedText(text: reader.text, headingHints: reader.headingHints)
    }
}
