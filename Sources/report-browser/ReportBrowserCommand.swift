import ArgumentParser

@main
struct ReportBrowserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report-browser",
        abstract: "Read long structured reports (Chinese official reports first) as a tree in the terminal.",
        discussion: """
            With no subcommand, opens FILE (or the bundled 2024 rule-of-law report of Qiantang \
            district) in the interactive browser. When standard output is not a terminal it prints \
            the outline instead, the way `less` behaves like `cat` in a pipe.

            Examples:
              report-browser                       browse the bundled report
              report-browser report.txt            browse a report
              report-browser outline report.txt    print its outline
              report-browser show 三(二) report.txt  print one section
              report-browser search 信用修复       find sections by keyword
            """,
        version: ReportBrowserVersion.current,
        subcommands: [
            BrowseCommand.self, OutlineCommand.self, ShowCommand.self, SearchCommand.self,
            ExportCommand.self, MarksCommand.self, IndexCommand.self, FiguresCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// Before anything is written: a reader that goes away (`| head -1`) must end us through
    /// StandardStreams' quiet exit, not kill us with SIGPIPE (status 141 under pipefail).
    static func main() {
        StandardStreams.ignoreBrokenPipeSignal()
        CountReadAheadGuess.start(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            CommandLineOutcome.finish(error)
        }
    }
}

enum ReportBrowserVersion {
    static let current = "0.1.0"
}
