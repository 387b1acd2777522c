import ArgumentParser
import CursesTerminal
import Foundation
import ReportKit
import ReportUI

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default when no subcommand is given).",
        discussion: """
            Needs a terminal on standard input and output; in a pipe it prints the outline, as \
            `less` behaves like `cat`. Press ? inside for the keys, q to quit. NO_COLOR turns \
            colours off.

            Examples:
              report-browser                       the bundled report
              report-browser report.txt
              report-browser browse report.txt --ascii
            """
    )

    @OptionGroup var document: DocumentOptions

    @Flag(help: "Draw tree guides and borders in ASCII, for terminals that draw box-drawing characters two cells wide.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours, only bold, reverse and underline (as NO_COLOR does).")
    var noColor = false

    func run() throws {
        let loaded = try document.loadReport()
        guard StandardStreams.outputIsTerminal, StandardStreams.inputIsTerminal || document.file == "-" else {
            let lines = OutlineExport.outlineLines(loaded.report)
            StandardStreams.output(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let options = BrowserOptions(
            ascii: ascii, color: !noColor && BrowserOptions.colorAllowed(environment: environment))
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(environment: environment, colors: options.color)
        } catch {
            StandardStreams.error(String(describing: error))
            throw ExitCode(1)
        }
        let status = BrowserApp(report: loaded.report, options: options).run(on: terminal)
        let stopSignal = terminal.stopSignal
        terminal.close()
        // A signal ends us the way the shell expects: 128 + its number, terminal already restored.
        if let stopSignal { throw ExitCode(128 + stopSignal) }
        if status != 0 { throw ExitCode(status) }
    }
}
