import Dispatch
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
        _ search: UnindexedSearch, in document: OpenedText, verdict: UnindexedSearch.FileVerdict,
        scan: BytesFirstParse?, namingFile: Bool
    ) -> (total: Int, matches: [SearchMatch]) {
        let candidates = search.candidates(in: document.text, reusing: verdict)
        guard search.mayHaveHits(candidates, in: document.text) else { return (0, []) }
        let loaded = ReportLoading.keep(LoadedReport(opened: parsed(document, scan: scan)))
        let sections = search.sections(in: loaded.report, candidates: candidates)
        let total = sections.reduce(0) { $0 + $1.hits.count }
        return (total, SearchMatch.collect(sections, in: loaded, namingFile: namingFile))
    }
}

extension SearchCommand {
    /// Decodes the file at `path` and, when the verdict says it has candidates and its bytes may
    /// be its text, scans those bytes for sections on the other core meanwhile
    /// (`BytesFirstParse`): with hits, the parse no longer waits for the decoding.
    func decode(
        path: String?, encoding: TextEncoding?, besideScanFor verdict: UnindexedSearch.FileVerdict
    ) throws -> (OpenedText, BytesFirstParse?) {
        guard case .mayHaveHits(_, let file) = verdict, BytesFirstParse.mayDecodeToItself(file) else {
            return (try ReportLoading.decode(path: path, encoding: encoding, format: format.forced, failureStatus: 2), nil)
        }
        let forced = format.forced
        nonisolated(unsafe) var decoded: Result<OpenedText, any Error>?
        nonisolated(unsafe) var scan: BytesFirstParse?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                decoded = Result { try ReportLoading.decode(path: path, encoding: encoding, format: forced, failureStatus: 2) }
            } else {
                scan = BytesFirstParse(file: file)
            }
        }
        return (try decoded!.get(), scan)
    }

    /// The document parsed, from the scan of its bytes when its text is those bytes.
    func parsed(_ document: OpenedText, scan: BytesFirstParse?) -> OpenedReport {
        guard document.origin.headingHints.isEmpty, let report = scan?.report(of: document.text) else {
            return document.parsed()
        }
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
