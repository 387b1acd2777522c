import ArgumentParser
import ReportKit
import ReportUI

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find sections containing every term of a query, with the hits' lines and snippets.",
        discussion: """
            Terms are separated by spaces; "quoted phrases" keep their spaces. Matching ignores \
            full-width/half-width differences, case, and line breaks or spaces between Chinese \
            characters. Exit status: 0 when something matched, 1 when nothing did, 2 on errors, \
            like grep.

            Examples:
              report-browser search 信用修复
              report-browser search '法治 政府 律师' report.txt
              report-browser search --regex '第[一二三]条' law.txt --json
              report-browser search 复议 a.txt b.txt --scope 1
            """
    )

    @Argument(help: "The query: terms separated by spaces, or a regular expression with --regex.")
    var query: String

    @Argument(help: ArgumentHelp("Reports to search (default: the bundled report); `-` reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Force the text encoding: utf-8, utf-16le, utf-16be, gb18030.", valueName: "name"))
    var encoding: String?

    @OptionGroup var format: FormatOption

    @Option(help: ArgumentHelp("Search only this section and its subsections (any address `show` takes).", valueName: "address"))
    var scope: String?

    @Flag(help: "Treat the query as a regular expression (matched against the folded text).")
    var regex = false

    @Flag(help: "Print JSON: {query, total, sections: [{file, address, heading, count, hits: [{line, snippet}]}]}.")
    var json = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be or gb18030")
        }
    }

    func run() throws {
        let forced = encoding.flatMap(TextEncoding.init(name:))
        let paths: [String?] = files.isEmpty ? [nil] : files
        var matches: [SearchMatch] = []
        var total = 0
        for path in paths {
            let loaded = try ReportLoading.load(path: path, encoding: forced, format: format.forced, failureStatus: 2)
            let results = try search(loaded)
            total += results.totalCount
            matches += SearchMatch.collect(results, in: loaded, namingFile: paths.count > 1 || json)
        }
        if json {
            StandardStreams.output(SearchOutput.json(query: query, total: total, matches: matches), raw: true)
        } else {
            SearchOutput.printText(matches, showFile: paths.count > 1)
        }
        if matches.isEmpty { throw ExitCode(1) }
    }

    private func search(_ loaded: LoadedReport) throws -> SearchResults {
        let report = loaded.report
        var scopeIndex: Int?
        if let scope {
            let resolution = report.resolve(scope)
            guard case .found(let index) = resolution else {
                let reason = report.describeFailure(of: scope, resolution) ?? "not found"
                StandardStreams.error("report-browser: \(loaded.name): --scope: \(reason)")
                throw ExitCode(2)
            }
            scopeIndex = index
        }
        do {
            return try SearchIndex(report: report).search(SearchQuery(query, isRegex: regex, scope: scopeIndex))
        } catch {
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(2)
        }
    }
}
