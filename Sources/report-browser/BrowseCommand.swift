import ArgumentParser
import CursesTerminal
import Dispatch
import FoundationEssentials
import ReaderState
import ReadingStateAdapter
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
              report-browser report.txt +3.2        open at section 3.2 (+L120, --line 120: a line)
              report-browser report.txt +/信用修复   open at the first hit
              report-browser reports/              a library: every report under the folder
            """
    )

    @OptionGroup var document: DocumentOptions

    @OptionGroup var format: FormatOption

    @Flag(help: "Draw tree guides and borders in ASCII, for terminals that draw box-drawing characters two cells wide.")
    var ascii = false

    @Flag(help: "Lay text out for a terminal that draws East Asian ambiguous characters (“ ” … · — ①) two cells wide; also REPORT_BROWSER_AMBIGUOUS=wide.")
    var ambiguousWide = false

    @Flag(name: .customLong("no-color"), help: "No colours, only bold, reverse and underline (as NO_COLOR does).")
    var noColor = false

    @Flag(help: "Start at the top instead of where you left off (marks are still there).")
    var fresh = false

    @Flag(name: .customLong("no-state"), help: "Neither read nor write saved marks, place and search history.")
    var noState = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal, so its own selection works (X toggles inside).")
    var noMouse = false

    @Option(help: ArgumentHelp(
        "The command y copies with (xclip -selection clipboard, wl-copy, pbcopy) instead of OSC 52; also REPORT_BROWSER_CLIPBOARD.",
        valueName: "command"))
    var clipboard: String?

    @Argument(help: ArgumentHelp("Where to open: +ADDRESS (+3.2, +三(二), +L120) or +/TEXT (the first hit), before or after the file.", valueName: "+place"))
    var place: String?

    @Option(help: ArgumentHelp("Open at this line of the file (the line numbers `search` prints).", valueName: "n"))
    var line: Int?

    @Option(
        name: .customLong("compare"), parsing: .upToNextOption,
        help: ArgumentHelp("Compare two versions side by side on their aligned sections: --compare OLD NEW (or FILE --compare NEW).", valueName: "old new"))
    var compare: [String] = []

    @Argument(help: ArgumentHelp("More reports or folders: with a folder or several files, a library opens (a list of the reports, searched together).", valueName: "more"))
    var morePaths: [String] = []

    @OptionGroup var indexOptions: IndexOptions

    func validate() throws {
        if !compare.isEmpty { _ = try CompareLaunch.paths(compare: compare, file: document.file) }
    }

    mutating func run() throws {
        if !compare.isEmpty {
            return try CompareLaunch(
                files: compare, document: document, format: format, ascii: ascii, ambiguousWide: ambiguousWide, noColor: noColor
            ).run()
        }
        if let paths = LibraryBrowsing.libraryPaths(file: document.file, place: place, more: morePaths) {
            try LibraryBrowsing(paths: paths, indexPath: indexOptions.path, ascii: ascii, ambiguousWide: ambiguousWide, noColor: noColor, noState: noState).run()
            return
        }
        if let extra = morePaths.first {
            throw ValidationError("unexpected argument ‘\(extra)’: several reports open as a library when every one exists")
        }
        let opening = try OpeningPlace.split(file: document.file, extra: place, line: line)
        document.file = opening.file
        let interactive = StandardStreams.outputIsTerminal && (StandardStreams.inputIsTerminal || DefaultInput.readsStandardInput(document.file))
        guard interactive else {
            OutlineExport.writeOutline(try document.loadReport(format: format.forced).report) { StandardStreams.output($0) }
            return
        }
        let (loaded, identity) = try loadWithIdentity()
        let environment = ProcessInfo.processInfo.environment
        try AmbiguousWidthChoice.apply(flag: ambiguousWide, environment: environment)
        let start = try opening.place.map { try $0.anchorOrExit(in: loaded.report) }
        let options = BrowserOptions(
            ascii: ascii, color: !noColor && BrowserOptions.colorAllowed(environment: environment), fresh: fresh && start == nil,
            origin: loaded.opened.origin, mouse: !noMouse)
        let memory = identity.map {
            ReaderStateBridge(store: StateStore.standard(), report: loaded.report, file: document.file, identity: $0)
        }
        let store: (any ReadingStateStore)? = start.map { OpeningPlaceStore(inner: memory, place: $0) } ?? memory
        let clipboardCommand = [clipboard, environment["REPORT_BROWSER_CLIPBOARD"]].compactMap { $0 }.first { !$0.isEmpty }
        let current = memory.map { CurrentStateStore($0) }
        let reload = loaded.opened.origin.path.map {
            EditedFileReload(
                path: $0, format: format.forced, encoding: document.encoding.flatMap(TextEncoding.init(name:)),
                current: current)
        }
        // The last save happens as the screen goes away; its problems can only be told after.
        try FullScreen.run(
            environment: environment, colors: options.color,
            afterClose: {
                for notice in current?.bridge?.lastSaveNotices ?? [] { StandardStreams.error("report-browser: \(notice)") }
            }
        ) { terminal in
            if noMouse { terminal.captureMouse(false) }
            let outlet = TerminalOutlet(
                terminal: terminal, origin: loaded.opened.origin, clipboardCommand: clipboardCommand, environment: environment,
                reload: reload)
            return BrowserApp(report: loaded.report, options: options, store: store, outlet: outlet).run(on: terminal)
        }
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
            if part == 0 { report = ReportParser.parse(text, headingHints: decoded.origin.headingHints) } else { identity = DocumentIdentity(text: text) }
        }
        guard let report else { throw ExitCode(1) }
        let opened = OpenedReport(report: report, origin: decoded.origin, warnings: decoded.warnings)
        return (ReportLoading.keep(LoadedReport(opened: opened)), identity)
    }
}
