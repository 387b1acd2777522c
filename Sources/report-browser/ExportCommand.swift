import ArgumentParser
import ReportKit

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, text

        /// `md` is what people type for Markdown (and its file extension).
        init?(argument: String) {
            self.init(rawValue: argument == "md" ? "markdown" : argument)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole report as JSON (with every section's text) or Markdown.",
        discussion: """
            JSON has the outline's shape plus "front" (everything before the first section) and \
            each section's "text" (from its heading line up to its first subsection or the next \
            section): front followed by the sections' texts in order is exactly the document.

            Examples:
              report-browser export report.txt --format json > report.json
              report-browser export --format markdown > qiantang.md
              report-browser export report.pdf --format text > report.txt
            """
    )

    @OptionGroup var document: DocumentOptions

    @OptionGroup var inputFormat: InputFormatOption

    @Option(help: "json, markdown (md), or text (the text every range refers to: for PDF, HTML and Word, the extracted text).")
    var format: Format = .json

    func run() throws {
        let report = try document.loadReport(format: inputFormat.forced).report
        switch format {
        case .json: StandardStreams.output(OutlineExport.json(report, includeText: true), raw: true)
        case .markdown: StandardStreams.output(OutlineExport.markdown(report))
        case .text: StandardStreams.output(report.text)
        }
    }
}
