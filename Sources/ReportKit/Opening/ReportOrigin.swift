/// Where an opened report's text came from: what the UI and the CLI say about it beside the
/// text itself. The report's ranges all refer to the extracted text (`Report.text`), never to
/// the bytes of the original file.
public struct ReportOrigin: Sendable {
    /// What to call the document in messages: the path as given, or `<stdin>`.
    public let name: String
    /// The path as given; "-" for standard input; nil for the bundled report.
    public let path: String?
    public let format: ReportFormat
    /// For paginated sources (PDF): the 1-based page of each 0-based line of the text.
    public let pageOfLine: [Int]?
    /// Heading levels the source marked up (HTML `<h1>`–`<h6>`, Word heading styles), by
    /// 0-based line. The parser takes them as evidence for headings that carry no marker;
    /// numbered headings are still found from the text alone.
    public let headingHints: [Int: Int]

    public init(name: String, path: String?, format: ReportFormat, pageOfLine: [Int]? = nil, headingHints: [Int: Int] = [:]) {
        self.name = name
        self.path = path
        self.format = format
        self.pageOfLine = pageOfLine
        self.headingHints = headingHints
    }

    /// The file's name without its directories (or `<stdin>`), for short messages and headers.
    public var fileName: String { path.map(DocumentLoader.displayName(ofPath:)) ?? name }

    /// The page a 1-based line (as `LineTable` numbers them) is on, for sources with pages.
    public func page(ofLine line: Int) -> Int? {
        guard let pageOfLine, !pageOfLine.isEmpty else { return nil }
        return pageOfLine[min(max(line - 1, 0), pageOfLine.count - 1)]
    }
}
