import ArgumentParser
import ReportKit

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown

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
            """
    )

    @OptionGroup var document: DocumentOptions

    @Option(help: "json or markdown (md).")
    var format: Format = .json

    func run() throws {
        let report = try document.loadReport().report
        switch format {
        case .json: StandardStreams.output(OutlineExport.json(report, includeText: true), raw: true)
        case .markdown: StandardStreams.output(OutlineExport.markdown(report))
        }
    }
}
