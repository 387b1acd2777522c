import ReportKit

/// Word documents (.docx): paragraphs, tables and automatic numbering of `word/document.xml`.
public struct DocxImporter: ReportImporter {
    public let format = ReportFormat.docx

    public init() {}

    public func importReport(_ input: ImportInput) throws(ImportFailure) -> ImportedText {
        let archive = try DocxArchive(bytes: input.bytes)
        let numbering = try archive.part("word/numbering.xml").flatMap { XMLPart(bytes: $0) }
        let styles = try archive.part("word/styles.xml").flatMap { XMLPart(bytes: $0) }
        var reader = WordDocumentText(numbering: WordNumbering(part: numbering), styles: WordStyles(part: styles))
        try reader.read(from: archive)
        let text = reader.lines.isEmpty ? "" : reader.lines.joined(separator: "\n") + "\n"
        return ImportedText(text: text, headingHints: reader.headingHints)
    }
}
