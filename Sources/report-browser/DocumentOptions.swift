import ArgumentParser
import ReportKit

/// The FILE argument and `--encoding` option shared by every subcommand.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The report to read: a text file in UTF-8, UTF-16 (with BOM) or GB18030; `-` reads standard input. Default: the bundled report.",
        valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp(
        "Force the text encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk).",
        valueName: "name"))
    var encoding: String?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be or gb18030")
        }
    }

    /// Loads and parses the document, or prints one line on stderr and exits with status 1.
    func loadReport() throws -> LoadedReport {
        let forced = encoding.flatMap(TextEncoding.init(name:))
        do {
            let document: LoadedDocument
            if let file {
                document = try DocumentLoader.load(path: file, encoding: forced)
            } else {
                document = LoadedDocument(
                    name: BundledReport.name, path: BundledReport.name,
                    decoded: try TextDecoder.decode(BundledReport.bytes, forcing: forced))
            }
            for warning in document.decoded.warnings {
                StandardStreams.error("report-browser: \(document.name): \(warning)")
            }
            return LoadedReport(name: document.name, report: ReportParser.parse(document.decoded.text))
        } catch {
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(1)
        }
    }
}

struct LoadedReport {
    let name: String
    let report: Report
}
