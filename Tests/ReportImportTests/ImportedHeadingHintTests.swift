import Foundation
import ReportKit
import Testing
@testable import ReportImport

/// Headings the markup declares reach the parser through the opener's seam (`ReportOrigin`),
/// so an unnumbered part heading counts when the source marked it as one.
@Suite struct ImportedHeadingHintTests {
    /// Too long to pass for an unmarked heading in plain text.
    static let parts = ["过去一年全市经济社会发展主要工作情况和取得的成效回顾", "下一年度经济社会发展总体思路和需要重点推进的主要任务"]

    static func outline(_ imported: ImportedText, format: ReportFormat) -> [String] {
        let origin = ReportOrigin(name: "test", path: nil, format: format, headingHints: imported.headingHints)
        let report = OpenedText(origin: origin, text: imported.text, warnings: []).parsed().report
        return report.sections.map { "\($0.address) \(OutlineExport.displayHeading($0))" }
    }

    @Test func wordHeadingStylesMakeUnnumberedParts() throws {
        let styles = """
            <?xml version="1.0"?><w:styles \(WordPackage.namespace)><w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>\
            </w:style></w:styles>
            """
        let p = { (text: String, style: String?) in WordPackage.paragraph(text, style: style) }
        let body = p("某市人民政府工作报告", nil) + p(Self.parts[0], "H1") + p("（一）经济增长。正文。", nil) + p("（二）民生改善。正文。", nil)
            + p(Self.parts[1], "H1") + p("（一）推进改革。正文。", nil)
        let bytes = try WordPackage.docx(document: WordPackage.document(body: body), styles: styles)
        let imported = try DocxImporter().importReport(ImportInput(bytes: bytes, path: nil, encoding: nil))
        #expect(Self.outline(imported, format: .docx) == [
            "1 \(Self.parts[0])", "1.1 （一）经济增长", "1.2 （二）民生改善", "2 \(Self.parts[1])", "2.1 （一）推进改革",
        ])
        // The same text without the hints: the parts go unseen.
        let plain = Self.outline(ImportedText(text: imported.text), format: .docx)
        #expect(!plain.contains { $0.hasSuffix(Self.parts[0]) || $0.hasSuffix(Self.parts[1]) }, "\(plain)")
    }

    @Test func htmlSubheadingsMakeUnnumberedParts() throws {
        let html = """
            <html><body><h1>某市人民政府工作报告</h1><h2>\(Self.parts[0])</h2><p>一年来工作取得新成效。</p>\
            <h2>\(Self.parts[1])</h2><p>今年将重点做好以下工作。</p></body></html>
            """
        let imported = try HTMLImporter().importReport(ImportInput(bytes: Array(html.utf8), path: nil, encoding: nil))
        #expect(Self.outline(imported, format: .html) == ["1 \(Self.parts[0])", "2 \(Self.parts[1])"])
        #expect(Self.outline(ImportedText(text: imported.text), format: .html) == [])
    }
}
