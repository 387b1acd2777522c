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
    /// encoding the reader would detect; `.undecided` otherwise. For such a file the parser's
    /// scan of its bytes is started on the other core first (`BytesFirstParse.started`) when
    /// the folded terms occur as they are, so that with hits it has run beside this look and
    /// the decoding; it is cancelled when the look makes it useless, and started after the
    /// look when the terms occur only in other forms.
    func fileVerdict(
        of search: UnindexedSearch, path: String?, encoding: TextEncoding?
    ) -> (UnindexedSearch.FileVerdict, BytesFirstParse?) {
        guard let path, encoding == nil || encoding == .utf8, format.forced == nil || format.forced == .text,
              let file = MappedFile(path: path),
              FormatDetection.detect(prefix: file.bytes.prefix(FormatDetection.prefixLength)) == .text
        else { return (.undecided, nil) }
        let scan = BytesFirstParse.started(file: file, whenAllOccur: search.foldedTerms, lean: LeanFileSearch.suits(file))
        let verdict = search.verdict(onFile: file)
        guard case .mayHaveHits = verdict else {
            scan.cancel()
            return (verdict, nil)
        }
        return (verdict, scan.scanningIfSkipped())
    }

    /// The query's matches in one decoded report. A report in which some term cannot occur is
    /// never parsed.
    func searchUnindexed(
        _ search: UnindexedSearch, in document: OpenedText, verdict: UnindexedSearch.FileVerdict,
        scan: BytesFirstParse?, namingFile: Bool
    ) -> (total: Int, matches: [SearchMatch]) {
        let candidates = search.candidates(in: document.text, reusing: verdict)
        guard search.mayHaveHits(candidates, in: document.text) else {
            scan?.cancel()
            return (0, [])
        }
        let loaded = ReportLoading.keep(LoadedReport(opened: parsed(document, scan: scan)))
        let sections = search.sections(in: loaded.report, candidates: candidates)
        let total = sections.reduce(0) { $0 + $1.hits.count }
        return (total, SearchMatch.collect(sections, in: loaded, namingFile: namingFile))
    }
}

extension SearchCommand {
    /// The matches from the file's bytes and a lean scan of them (`LeanFileSearch`), without
    /// decoding or parsing the whole report; nil when that path does not apply, and the caller
    /// decodes and parses.
    func leanMatches(
        _ search: UnindexedSearch, verdict: UnindexedSearch.FileVerdict, scan: BytesFirstParse?, path: String?,
        namingFile: Bool
    ) -> (total: Int, matches: [SearchMatch])? {
        guard let path, let scan, scan.isLean, case .mayHaveHits(let candidates, _) = verdict,
              let found = scan.leanMatches(of: search, candidates: candidates)
        else { return nil }
        let file = namingFile ? path : nil
        return (found.total, found.sections.map { SearchMatch.row(lean: $0, file: file) })
    }

    /// The document parsed, from the scan of its bytes when its text is those bytes.
    func parsed(_ document: OpenedText, scan: BytesFirstParse?) -> OpenedReport {
        guard document.origin.headingHints.isEmpty else {
            scan?.cancel()
            return document.parsed()
        }
        guard let report = scan?.report(of: document.text) else { return document.parsed() }
        return OpenedReport(report: report, origin: document.origin, warnings: document.warnings)
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

extension SearchMatch {
    /// The row `row(section:hits:in:namingFile:)` makes, from a lean search's section.
    static func row(lean match: LeanSectionHits, file: String?) -> SearchMatch {
        let hits = match.hits.map { Hit(line: $0.line, page: nil, snippet: $0.snippet) }
        guard match.section != nil else {
            return SearchMatch(
                file: file, address: "front", heading: match.heading.isEmpty ? "(before the first section)" : match.heading,
                hits: hits)
        }
        return SearchMatch(file: file, address: match.address, heading: match.heading, hits: hits)
    }
}
