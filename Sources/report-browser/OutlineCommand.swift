import ArgumentParser
import ReportKit

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Print the outline: one section per line with its address, marker and heading.",
        discussion: """
            Addresses such as 3.2 can be given to `show` and to the browser's go-to prompt.

            Examples:
              report-browser outline                       the bundled report
              report-browser outline report.txt --depth 1  chapters only
              report-browser outline report.txt --json | jq '.sections[].heading'
            """
    )

    @OptionGroup var document: DocumentOptions

    @OptionGroup var format: FormatOption

    @Flag(help: "Print JSON: {title, metadata, sections: [{address, marker, heading, line, kind, children}]}.")
    var json = false

    @Option(help: ArgumentHelp("Show only sections down to this depth (1 = chapters).", valueName: "n"))
    var depth: Int?

    @Flag(help: "Write document text unchanged even to a terminal (control characters included).")
    var raw = false

    @Flag(help: "Print only the parser's warnings (`line 57: numbering jumps from 三 to 五`), one per line.")
    var warnings = false

    @Flag(help: "Also print the parser's warnings on standard error.")
    var verbose = false

    func validate() throws {
        if let depth, depth < 1 { throw ValidationError("--depth must be 1 or more") }
    }

    func run() throws {
        let loaded = try document.loadReport(format: format.forced)
        if warnings {
            for warning in loaded.report.warnings { StandardStreams.output(warning.description + "\n", raw: raw) }
            return
        }
        if verbose {
            for warning in loaded.report.warnings {
                StandardStreams.error("report-browser: \(loaded.name): \(warning.description)")
            }
        }
        if json {
            StandardStreams.output(OutlineExport.json(loaded.report, maxDepth: depth), raw: true)
            return
        }
        if loaded.report.sections.isEmpty {
            StandardStreams.error("report-browser: \(loaded.name): no numbered sections found")
            return
        }
        OutlineExport.writeOutline(loaded.report, maxDepth: depth) { StandardStreams.output($0, raw: raw) }
    }
}
