/// What a report file holds. Detected from its content, or forced with `--format`.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text, pdf, html, docx

    public init?(name: String) {
        switch name.lowercased() {
        case "text", "txt", "plain": self = .text
        case "pdf": self = .pdf
        case "html", "htm", "xhtml": self = .html
        case "docx", "word": self = .docx
        default: return nil
        }
    }

    /// How the browser header and messages name it.
    public var displayName: String {
        switch self {
        case .text: "text"
        case .pdf: "PDF"
        case .html: "HTML"
        case .docx: "Word"
        }
    }
}
