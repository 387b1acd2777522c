import ArgumentParser
import FoundationEssentials
import ReportIndex
import ReportKit

extension SearchCommand {
    /// `--count` and `--files-with-matches`: the same search, by the same three ways as the
    /// full output (a library, FILEs the index holds as they are now, FILEs read one by one)
    /// and with the same exit status, printing per file only what a count needs, which the
    /// index can often give without reading a section (`LibraryCount`).
    func runCounting() throws {
        let indexChoice: LibrarySearch.IndexChoice = noIndex ? .none : .at(indexOptions.path)
        if files.contains(where: Self.isDirectory) {
            return try countLibrary(indexChoice)
        }
        if try countIndexedFiles(indexChoice) { return }
        let paths: [String?] = files.isEmpty ? [nil] : files
        let unindexed = unindexedSearch
        var counts: [(file: String, sections: Int)] = []
        for path in paths {
            let found = try reportMatches(in: path, unindexed: unindexed, namingFile: true)
            guard let first = found.matches.first else { continue }
            counts.append((first.file ?? path ?? "<stdin>", found.matches.count))
        }
        try printCounts(counts, skipped: nil, showFile: paths.count > 1)
    }

    private func countLibrary(_ indexChoice: LibrarySearch.IndexChoice) throws {
        if files.contains("-") || encoding != nil {
            StandardStreams.error("report-browser: `-` and --encoding are for single files, not directories")
            throw ExitCode(2)
        }
        let searchQuery = SearchQuery(query, isRegex: regex, pinyin: pinyinMatching)
        try checkPattern(searchQuery)
        // Before the walk's and the index's threads start.
        HeapGrowth.inLargeSteps()
        // As `searchLibrary`: pinyin is read from the files, never proposed by the index.
        var results = LibraryCount.run(searchQuery, paths: files, index: pinyin == true ? .none : indexChoice, scope: scope)
        if results.files.isEmpty, pinyin == nil, mayBePinyin {
            results = LibraryCount.run(searchQuery, in: LibraryFiles.list(files), index: .none, scope: scope)
        }
        ProcessLifetime.keep(results: results)
        LibrarySearchOutput.reportSkipped(notices: results.notices, skipped: results.skipped)
        try printCounts(
            results.files.map { ($0.file.displayPath, $0.sections) },
            skipped: results.skipped.map { ($0.displayPath, $0.reason) }, showFile: true)
    }

    /// FILEs all held by the index as they are now, under the conditions of
    /// `searchIndexedFiles`; false leaves them to be read one by one.
    private func countIndexedFiles(_ indexChoice: LibrarySearch.IndexChoice) throws -> Bool {
        guard case .at(let path) = indexChoice, !regex, scope == nil, encoding == nil, format.forced == nil,
            !files.isEmpty, pinyin != true, !files.contains("-"), FileManager.default.fileExists(atPath: path)
        else { return false }
        let listing = LibraryFiles.list(files)
        guard listing.skipped.isEmpty else { return false }
        let results = LibraryCount.run(SearchQuery(query), in: listing, index: indexChoice, indexOnly: true)
        guard results.skipped.isEmpty, results.filesFromIndex == listing.files.count else { return false }
        if results.files.isEmpty, pinyin == nil, mayBePinyin { return false }
        try printCounts(results.files.map { ($0.file.displayPath, $0.sections) }, skipped: nil, showFile: files.count > 1)
        return true
    }

    /// `file:N` lines (`N` alone for one file, like grep), paths alone for
    /// `--files-with-matches`, or the JSON document; exit status 1 when no file matched.
    private func printCounts(_ counts: [(file: String, sections: Int)], skipped: [(file: String, reason: String)]?, showFile: Bool) throws {
        if json {
            StandardStreams.output(SearchCountJSON.json(query: query, files: counts, skipped: skipped), raw: true)
        } else {
            SearchCountOutput.printLines(counts, pathsOnly: filesWithMatches, showFile: showFile)
        }
        if counts.isEmpty { throw ExitCode(1) }
    }
}
