import ArgumentParser
import ReportKit

/// The FILE argument and `--encoding` option shared by every subcommand.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The report to read: a text file in UTF-8, UTF-16 (with BOM), GB18030 or Big5; `-` reads standard input. Default: standard input when it is not a terminal, else the bundled report.",
        valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp(
        "Force the text encoding instead of detecting it: utf-8, utf-16le, utf-16be, gb18030 (gbk), big5, big5-hkscs.",
        valueName: "name"))
    var encoding: String?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be, gb18030, big5 or big5-hkscs")
        }
    }

    /// Loads and parses the document, or prints one line on stderr and exits with `failureStatus`.
    func loadReport(failureStatus: Int32 = 1) throws -> LoadedReport {
        try ReportLoading.load(
            path: file, encoding: encoding.flatMap(TextEncoding.init(name:)), failureStatus: failureStatus)
    }
}

enum ReportLoading {
    /// Reads, decodes and parses a report (nil path: the bundled one). Warnings about damaged
    /// text go to stderr; a failure is one line on stderr and an exit with `failureStatus`.
    static func load(path: String?, encoding: TextEncoding?, failureStatus: Int32 = 1) throws -> LoadedReport {
        let document = try decode(path: path, encoding: encoding, failureStatus: failureStatus)
        return keep(LoadedReport(name: displayName(of: document), report: ReportParser.parse(document.decoded.text)))
    }

    /// The path as given, except standard input, named as errors name it rather than "-".
    static func displayName(of document: LoadedDocument) -> String {
        document.path == "-" ? document.name : document.path
    }

    /// Reads and decodes only, for callers that do more work on the text beside parsing it.
    static func decode(path given: String?, encoding: TextEncoding?, failureStatus: Int32 = 1) throws -> LoadedDocument {
        let path = DefaultInput.path(for: given)
        do {
            let document: LoadedDocument
            if let path {
                DefaultInput.announceReading(path: path)
                document = try DocumentLoader.load(path: path, encoding: encoding)
            } else {
                document = LoadedDocument(
                    name: BundledReport.name, path: BundledReport.name,
                    decoded: try TextDecoder.decode(BundledReport.bytes, forcing: encoding))
            }
            for warning in document.decoded.warnings {
                StandardStreams.error("report-browser: \(document.name): \(warning)")
            }
            if let empty = DefaultInput.emptinessMessage(of: document) {
                StandardStreams.error("report-browser: \(empty)")
                throw ExitCode(failureStatus)
            }
            return document
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(failureStatus)
        }
    }

    static func keep(_ loaded: LoadedReport) -> LoadedReport {
        ProcessLifetime.keep(loaded)
        return loaded
    }
}

struct LoadedReport {
    let name: String
    let report: Report
}

/// Reports stay alive until the process ends. Tearing down a parsed 100 MB report (hundreds of
/// thousands of sections) takes longer than the kernel takes to drop the whole address space,
/// and a command has nothing left to do after its output.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [LoadedReport] = []

    static func keep(_ loaded: LoadedReport) {
        kept.append(loaded)
    }
}
