import ReportKit

extension SearchCommand {
    /// The search that answers without the whole-report index (`UnindexedSearch`); nil for a
    /// query it does not answer (regex, scope, terms of letters or digits alone), which the
    /// caller parses and indexes as before.
    var unindexedSearch: UnindexedSearch? {
        guard scope == nil else { return nil }
        return UnindexedSearch(query: SearchQuery(query, isRegex: regex, scope: nil, pinyin: pinyinMatching))
    }

    /// A look at the file's bytes before decoding, for a named file read as text in the
    /// encoding the reader would detect; `.undecided` otherwise.
    func fileVerdict(of search: UnindexedSearch, path: String?, encoding: TextEncoding?) -> UnindexedSearch.FileVerdict {
        guard let path, encoding == nil || encoding == .utf8, format.forced == nil || format.forced == .text else {
            return .undecided
        }
        return search.verdict(onFileAt: path)
    }

    /// The query's matches in one decoded report. A report in which some term cannot occur is
    /// never parsed.
    func searchUnindexed(
        _ search: UnindexedSearch, in document: OpenedText, verdict: UnindexedSearch.FileVerdict, namingFile: Bool
    ) -> (total: Int, matches: [SearchMatch]) {
        let candidates = search.candidates(in: document.text, reusing: verdict)
        guard search.mayHaveHits(candidates, in: document.text) else { return (0, []) }
        let loaded = ReportLoading.keep(LoadedReport(opened: document.parsed()))
        let sections = search.sections(in: loaded.report, candidates: candidates)
        let total = sections.reduce(0) { $0 + $1.hits.count }
        return (total, SearchMatch.collect(sections, in: loaded, namingFile: namingFile))
    }
}

extension SearchMatch {
    /// The same rows as `collect(_:in:namingFile:)` gives for the index's results.
    static func collect(_ sections: [UnindexedSearch.SectionHits], in loaded: LoadedReport, namingFile: Bool) -> [SearchMatch] {
        sections.map { match in
            row(section: match.section, hits: match.hits, in: loaded, namingFile: namingFile)
        }
    }
}
