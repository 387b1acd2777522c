import ArgumentParser
import ReportKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one section and its subsections, with the text as in the source.",
        discussion: """
            ADDRESS is a position (3.2 = second item of the third chapter), a path of markers \
            (三(二), 三、（二）, 四（三）, 第二章第五条, full- or half-width) or a heading keyword \
            that matches exactly one section. Exit status 1 if it matches none or several.

            Examples:
              report-browser show 3.2
              report-browser show '三(二)' report.txt
              report-browser show 述职述法
            """
    )

    @Argument(help: "The section to print.")
    var address: String

    @OptionGroup var document: DocumentOptions

    @OptionGroup var format: FormatOption

    @Flag(help: "Start each line with the page it is on (`p.12`), for PDFs.")
    var pages = false

    @Flag(help: "Write document text unchanged even to a terminal (control characters included).")
    var raw = false

    func validate() throws {
        if let hint = ArgumentOrder.swappedHint(subcommand: "show", first: address, second: document.file) {
            throw ValidationError(hint)
        }
    }

    func run() throws {
        let loaded = try document.loadReport(format: format.forced)
        let report = loaded.report
        let resolution = report.resolve(address)
        guard case .found(let index) = resolution else {
            let reason = report.describeFailure(of: address, resolution, in: loaded.name) ?? "\(loaded.name): not found"
            StandardStreams.error("report-browser: \(reason)")
            throw ExitCode(1)
        }
        var text = String(report.subtreeText(of: report.sections[index]))
        if !text.hasSuffix("\n") { text += "\n" }
        if pages, loaded.opened.origin.pageOfLine != nil {
            text = PageLabels.label(text, firstLine: report.sections[index].line, origin: loaded.opened.origin)
        }
        StandardStreams.output(text, raw: raw)
    }
}
