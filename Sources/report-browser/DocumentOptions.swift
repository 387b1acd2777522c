import ArgumentParser
import ReportImport
import ReportKit

/// The FILE argument and `--encoding` option shared by every subcommand.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The report to read: text (UTF-8, UTF-16 with BOM, GB18030, Big5), PDF, saved web page (HTML) or Word (.docx), told apart by content; `-` reads standard input. Default: standard input when it is not a terminal, else the bundled report.",
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
    /// `format` forces the input format (`--format`, or `--input-format` for export).
    func loadReport(format: ReportFormat?, failureStatus: Int32 = 1) throws -> LoadedReport {
        try ReportLoading.load(
            path: file, encoding: encoding.flatMap(TextEncoding.init(name:)), format: format,
            failureStatus: failureStatus)
    }
}

enum ReportLoading {
    /// Reads, decodes and parses a report (nil path: the bundled one). Warnings about damaged
    /// text go to stderr; a failure is one line on stderr and an exit with `failureStatus`.
    static func load(
        path: String?, encoding: TextEncoding?, format: ReportFormat? = nil, failureStatus: Int32 = 1
    ) throws -> LoadedReport {
        let document = try decode(path: path, encoding: encoding, format: format, failureStatus: failureStatus)
        return keep(LoadedReport(opened: document.parsed()))
    }

    /// Reads and extracts only, for callers that do more work on the text beside parsing it.
    /// `mapped`: the file as the caller mapped it already (`ReportOpener.read`).
    static func decode(
        path given: String?, encoding: TextEncoding?, format: ReportFormat? = nil, failureStatus: Int32 = 1,
        mapped: MappedFile? = nil
    ) throws -> OpenedText {
        let path = DefaultInput.path(for: given)
        do {
            if let path { DefaultInput.announceReading(path: path) }
            let document = try ReportOpener.standard.read(
                path: path, format: format, encoding: encoding, mapped: path == given ? mapped : nil)
            for warning in document.warnings {
                StandardStreams.error("report-browser: \(document.origin.fileName): \(warning)")
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
    let opened: OpenedReport
    /// The path as given, or `<stdin>`.
    var name: String { opened.origin.name }
    var report: Report { opened.report }
}

/// Reports stay alive until the process ends. Tearing down a parsed 100 MB report (hundreds of
/// thousands of sections) takes longer than the kernel takes to drop the whole address space,
/// and a command has nothing left to do after its output.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [LoadedReport] = []
    nonisolated(unsafe) private static var keptResults: [any Sendable] = []

    static func keep(_ loaded: LoadedReport) {
        kept.append(loaded)
    }

    /// The same for a library search's results: tens of thousands of hits, each with its
    /// piece's text, freed one by one after the last line is printed.
    static func keep(results: some Sendable) {
        keptResults.append(results)
    }
}
