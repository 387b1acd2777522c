import Foundation
import ReportKit
import Testing
@testable import ReportImport

/// `document.xml` is read through libxml2's SAX1 events where this libxml2 has them and SAX2's
/// where it does not; each kind this libxml2 offers must give the same text and hints, whatever
/// prefix the document binds.
@Suite struct DocxEventKindsTests {
    static func imported(_ bytes: [UInt8], _ events: WordDocumentParser.Events) throws(ImportFailure) -> ImportedText {
        var importer = DocxImporter()
        importer.events = events
        return try importer.importReport(ImportInput(bytes: bytes, path: nil, encoding: nil))
    }

    static let corpusDocument = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/docx/09_gongwuyuan_kaoshi_dagang2022.docx")

    @Test func theCorpusDocumentReadsTheSameThroughBothEventKinds() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.corpusDocument))
        let sax2 = try Self.imported(bytes, .sax2)
        #expect(sax2.text.utf8.count > 10_000)
        for events in WordDocumentParser.Events.available {
            let read = try Self.imported(bytes, events)
            #expect(read.text == sax2.text, "\(events)")
            #expect(read.headingHints == sax2.headingHints, "\(events)")
        }
    }

    @Test(arguments: [WordPackage.namespace, WordPackage.namespace.replacingOccurrences(of: "xmlns:w=", with: "xmlns:ns0=")])
    func anyPrefixReadsAsWordsOwn(_ declaration: String) throws {
        let prefix = declaration.hasPrefix("xmlns:w=") ? "w" : "ns0"
        let body = """
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve"> 总则\u{A0}</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>第一条</w:t><w:tab/><w:t>正文</w:t><w:br/><w:t>续行</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p></w:tc><w:tc/><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            """.replacingOccurrences(of: "w:", with: "\(prefix):")
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <\(prefix):document \(declaration)><\(prefix):body>\(body)</\(prefix):body></\(prefix):document>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?><w:styles \(WordPackage.namespace)>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>
            """
        let package = try WordPackage.docx(document: document, styles: styles)
        for events in WordDocumentParser.Events.available {
            let read = try Self.imported(package, events)
            #expect(read.text == "总则\n第一条\t正文\n续行\n甲 乙\t\t丙\n", "\(events)")
            #expect(read.headingHints == [0: 1], "\(events)")
        }
    }
}
