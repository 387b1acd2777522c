import ArgumentParser
import ReportKit

/// `--format`, shared by every command that takes a FILE.
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Read the file as this format instead of telling it from the content: pdf, html, docx or text.",
        valueName: "format"))
    var format: String?

    var forced: ReportFormat? { format.flatMap(ReportFormat.init(name:)) }

    func validate() throws {
        if let format, ReportFormat(name: format) == nil {
            throw ValidationError("unknown format ‘\(format)’; use pdf, html, docx or text")
        }
    }
}

/// The same choice for `export`, whose `--format` names what it writes.
struct InputFormatOption: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help: ArgumentHelp("Read the file as this format instead of telling it from the content: pdf, html, docx or text.", valueName: "format"))
    var format: String?

    var forced: ReportFormat? { format.flatMap(ReportFormat.init(name:)) }

    func validate() throws {
        if let format, ReportFormat(name: format) == nil {
            throw ValidationError("unknown format ‘\(format)’; use pdf, html, docx or text")
        }
    }
}
