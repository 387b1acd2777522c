import ReportKit

extension ReportOpener {
    /// Text, PDF (through poppler's `pdftotext`), HTML (libxml2) and Word (.docx).
    public static let standard = ReportOpener(importers: [PDFImporter(), HTMLImporter(), DocxImporter()])
}
