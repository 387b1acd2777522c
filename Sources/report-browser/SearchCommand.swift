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
            characters, and traditional and simplified characters (發展 finds 发展). A term of \
            ASCII letters that matches nothing finds Han text by its pinyin, whole or initials \
            (xinyong, xyxf). Exit status: 0 when something matched, 1 when nothing did, 2 on errors, \
            like grep.

            Examples:
              report-browser search 信用修复
              report-browser search '法治 政府 律师' report.txt
              report-browser search --regex '第[一二三]条' law.txt --json
              report-browser search 复议 a.txt b.txt --scope 1
              report-browser search --pinyin xyxf
              report-browser search 信用修复 ~/reports        every report below, via the index
              report-browser search -c 精神 ~/reports         file:N, N the sections that match
            """
    )

    @Argument(help: "The query: terms separated by spaces, or a regular expression with --regex.")
    var query: String

    @Argument(help: ArgumentHelp("Reports and directories of reports to search (default: piped standard input, else the bundled report); `-` reads standard input.", valueName: "path"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Force the text encoding: utf-8, utf-16le, utf-16be, gb18030, big5, big5-hkscs.", valueName: "name"))
    var encoding: String?

    @OptionGroup var format: FormatOption

    @Option(help: ArgumentHelp("Search only this section and its subsections (any address `show` takes).", valueName: "address"))
    var scope: String?

    @Flag(help: "Treat the query as a regular expression (matched against the folded text).")
    var regex = false

    @Flag(inversion: .prefixedNo, help: "Let terms of ASCII letters find Han text by pinyin (xyxf, xinyong: 信用); by default only when nothing matches literally.")
    var pinyin: Bool?

    @Flag(help: "Print JSON: {query, total, sections: [{file, address, heading, count, hits: [{line, snippet}]}]}, and `skipped` for directories; with --count or --files-with-matches, {query, sections, files: [{file, sections}]}.")
    var json = false

    @Flag(name: [.customShort("c"), .long], help: "Print `file:N` for each file with a match, N its number of matching sections (search's unit is the section, the front matter counting as one; not lines or hits, unlike grep -c); N alone for one FILE.")
    var count = false

    @Flag(name: [.customShort("l"), .long], help: "Print only the path of each file with a match.")
    var filesWithMatches = false

    @OptionGroup var indexOptions: IndexOptions

    @Flag(help: "Read every report instead of using the index.")
    var noIndex = false

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding ‘\(encoding)’; use utf-8, utf-16le, utf-16be, gb18030, big5 or big5-hkscs")
        }
        if count && filesWithMatches {
            throw ValidationError("--count and --files-with-matches are alternatives; give one")
        }
    }

    func run() throws {
        if count || filesWithMatches { return try runCounting() }
        if try searchLibrary() { return }
        let paths: [String?] = files.isEmpty ? [nil] : files
        var matches: [SearchMatch] = []
        var total = 0
        let namingFile = paths.count > 1 || json
        let unindexed = unindexedSearch
        for path in paths {
            let found = try reportMatches(in: path, unindexed: unindexed, namingFile: namingFile)
            total += found.total
            matches += found.matches
        }
        if json {
            StandardStreams.output(SearchJSON.json(query: query, total: total, matches: matches), raw: true)
        } else {
            SearchOutput.printText(matches, showFile: paths.count > 1)
        }
        if matches.isEmpty { throw ExitCode(1) }
    }

    /// One report's matching sections, read from its file (or standard input for nil).
    func reportMatches(in path: String?, unindexed: UnindexedSearch?, namingFile: Bool) throws -> (total: Int, matches: [SearchMatch]) {
        let forced = encoding.flatMap(TextEncoding.init(name:))
        let (verdict, scan) = unindexed.map { fileVerdict(of: $0, path: path, encoding: forced) } ?? (.undecided, nil)
        if case .noHits = verdict { return (0, []) }
        if let unindexed, let found = leanMatches(unindexed, verdict: verdict, scan: scan, path: path, namingFile: namingFile) {
            return found
        }
        let document: OpenedText
        do {
            document = try ReportLoading.decode(
                path: path, encoding: forced, format: format.forced, failureStatus: 2, mapped: verdict.mappedFile)
        } catch {
            scan?.cancel()
            throw error
        }
        if let unindexed {
            return searchUnindexed(unindexed, in: document, verdict: verdict, scan: scan, namingFile: namingFile)
        }
        let loaded = ReportLoading.keep(LoadedReport(opened: document.parsed()))
        let results = try search(loaded)
        return (results.totalCount, SearchMatch.collect(results, in: loaded, namingFile: namingFile))
    }

    var pinyinMatching: PinyinMatching {
        pinyin.map { $0 ? .always : .never } ?? .automatic
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
            return try SearchIndex(report: report).search(SearchQuery(query, isRegex: regex, scope: scopeIndex, pinyin: pinyinMatching))
        } catch {
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(2)
        }
    }
}
