import ArgumentParser
import ReportKit

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default when no subcommand is given).",
        discussion: """
            Needs a terminal on standard input and output; in a pipe it prints the outline. \
            Press ? inside for the keys.

            Examples:
              report-browser
              report-browser browse report.txt --ascii
            """
    )

    @OptionGroup var document: DocumentOptions

    func run() throws {
        let loaded = try document.loadReport()
        if !StandardStreams.outputIsTerminal || !StandardStreams.inputIsTerminal {
            let lines = OutlineExport.outlineLines(loaded.report)
            StandardStreams.output(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
            return
        }
        StandardStreams.error("report-browser: the interactive browser is not built yet")
        throw ExitCode(1)
    }
}
