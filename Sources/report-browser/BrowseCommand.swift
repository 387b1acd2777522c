import ArgumentParser
import CursesTerminal
import Foundation
import ReaderState
import ReportKit
import ReportUI

struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default when no subcommand is given).",
        discussion: """
            Needs a terminal on standard input and output; in a pipe it prints the outline, as \
            `less` behaves like `cat`. Press ? inside for the keys, q to quit. NO_COLOR turns \
            colours off. Marks, the last place and search history are kept per document (by \
            content) under $XDG_STATE_HOME/report-browser (default ~/.local/state/report-browser); \
            reopening a report resumes where you left it.

            Examples:
              report-browser                       the bundled report
              report-browser report.txt
              report-browser browse report.txt --ascii
              report-browser report.txt --fresh     start at the top this time
            """
    )

    @OptionGroup var document: DocumentOptions

    @OptionGroup var format: FormatOption

    @Flag(help: "Draw tree guides and borders in ASCII, for terminals that draw box-drawing characters two cells wide.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours, only bold, reverse and underline (as NO_COLOR does).")
    var noColor = false

    @Flag(help: "Start at the top instead of where you left off (marks are still there).")
    var fresh = false

    @Flag(name: .customLong("no-state"), help: "Neither read nor write saved marks, place and search history.")
    var noState = false

    func run() throws {
        let interactive = StandardStreams.outputIsTerminal && (StandardStreams.inputIsTerminal || document.file == "-")
        guard interactive else {
            OutlineExport.writeOutline(try document.loadReport(format: format.forced).report) { StandardStreams.output($0) }
            return
        }
        let (loaded, identity) = try loadWithIdentity()
        let environment = ProcessInfo.processInfo.environment
        let options = BrowserOptions(
            ascii: ascii, color: !noColor && BrowserOptions.colorAllowed(environment: environment), fresh: fresh)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(environment: environment, colors: options.color)
        } catch {
            StandardStreams.error(String(describing: error))
            throw ExitCode(1)
        }
        let memory = identity.map {
            ReaderStateBridge(store: StateStore.standard(), report: loaded.report, file: document.file, identity: $0)
        }
        let status = BrowserApp(report: loaded.report, options: options, store: memory).run(on: terminal)
        let stopSignal = terminal.stopSignal
        terminal.close()
        // The last save happens as the screen goes away; its problems can only be told here.
        for notice in memory?.lastSaveNotices ?? [] { StandardStreams.error("report-browser: \(notice)") }
        // A signal ends us the way the shell expects: 128 + its number, terminal already restored.
        if let stopSignal { throw ExitCode(128 + stopSignal) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Parses the report and, unless state is off, hashes its text (the key of its saved marks)
    /// at the same time on the other core: on a 100 MB report each takes a good part of a second,
    /// and both must be done before the first frame.
    private func loadWithIdentity() throws -> (LoadedReport, DocumentIdentity?) {
        let decoded = try ReportLoading.decode(
            path: document.file, encoding: document.encoding.flatMap(TextEncoding.init(name:)),
            format: format.forced)
        let text = decoded.text
        nonisolated(unsafe) var report: Report?
        nonisolated(unsafe) var identity: DocumentIdentity?
        let hashing = !noState
        DispatchQueue.concurrentPerform(iterations: hashing ? 2 : 1) { part in
            if part == 0 { report = ReportParser.parse(text) } else { identity = DocumentIdentity(text: text) }
        }
        guard let report else { throw ExitCode(1) }
        let opened = OpenedReport(report: report, origin: decoded.origin, warnings: decoded.warnings)
        return (ReportLoading.keep(LoadedReport(opened: opened)), identity)
    }
}
