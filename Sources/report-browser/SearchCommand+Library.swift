import ArgumentParser
import FoundationEssentials
import ReportIndex
import ReportKit

extension SearchCommand {
    /// Searches through `LibrarySearch` when that can answer: always for a DIR argument
    /// (ripgrep's `file:line: address: snippet`), and for FILE arguments when the index holds
    /// them as they are now (the usual output, from the index). False leaves the files to the
    /// one-report path, which also gives the exact error of a file that cannot be read.
    func searchLibrary() throws -> Bool {
        let indexChoice: LibrarySearch.IndexChoice = noIndex ? .none : .at(indexOptions.path)
        guard files.contains(where: Self.isDirectory) else {
            return try searchIndexedFiles(indexChoice)
        }
        if files.contains("-") || encoding != nil {
            StandardStreams.error("report-browser: `-` and --encoding are for single files, not directories")
            throw ExitCode(2)
        }
        let searchQuery = SearchQuery(query, isRegex: regex, pinyin: pinyinMatching)
        try checkPattern(searchQuery)
        let listing = LibraryFiles.list(files)
        // The index holds character bigrams, so it cannot propose pinyin matches: a query that
        // may be pinyin is read from the files when the index finds nothing literal.
        var results = LibrarySearch.run(searchQuery, in: listing, index: pinyin == true ? .none : indexChoice, scope: scope)
        if results.files.isEmpty, pinyin == nil, mayBePinyin {
            results = LibrarySearch.run(searchQuery, in: listing, index: .none, scope: scope)
        }
        ProcessLifetime.keep(results: results)
        LibrarySearchOutput.reportSkipped(results)
        if json {
            StandardStreams.output(results.json(query: query), raw: true)
        } else {
            LibrarySearchOutput.printLines(results)
        }
        if results.files.isEmpty { throw ExitCode(1) }
        return true
    }

    private func searchIndexedFiles(_ indexChoice: LibrarySearch.IndexChoice) throws -> Bool {
        guard case .at(let path) = indexChoice, !regex, scope == nil, encoding == nil, !files.isEmpty, pinyin != true,
            !files.contains("-"), FileManager.default.fileExists(atPath: path)
        else { return false }
        let listing = LibraryFiles.list(files)
        guard listing.skipped.isEmpty else { return false }
        let results = LibrarySearch.run(SearchQuery(query), in: listing, index: indexChoice, indexOnly: true)
        // Only when the index answered for every file: otherwise the one-report path reads
        // them as before, with its warnings and errors.
        guard results.skipped.isEmpty, results.filesFromIndex == listing.files.count else { return false }
        // Nothing literal may still be a pinyin match, which only the one-report path finds.
        if results.totalHits == 0, pinyin == nil, mayBePinyin { return false }
        let matches = results.searchMatches.map { match in
            files.count > 1 || json ? match : match.withoutFile
        }
        if json {
            StandardStreams.output(SearchJSON.json(query: query, total: results.totalHits, matches: matches), raw: true)
        } else {
            SearchOutput.printText(matches, showFile: files.count > 1)
        }
        if matches.isEmpty { throw ExitCode(1) }
        return true
    }

    /// Whether automatic pinyin could apply: some term is plain ASCII letters.
    var mayBePinyin: Bool {
        !regex && query.split(separator: " ").contains { term in term.allSatisfy { $0.isASCII && $0.isLetter } }
    }

    /// A bad regular expression is one error, not a skipped line for every file.
    func checkPattern(_ searchQuery: SearchQuery) throws {
        guard searchQuery.isRegex else { return }
        do {
            _ = try SearchIndex(report: ReportParser.parse("")).search(searchQuery)
        } catch {
            StandardStreams.error("report-browser: \(error)")
            throw ExitCode(2)
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
    }
}
