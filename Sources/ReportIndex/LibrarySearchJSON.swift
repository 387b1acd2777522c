import ReportKit

/// Library results in the shapes of `search`: one `SearchMatch` per matching section, and
/// the `search --json` document with the files skipped.
extension LibrarySearchResults {
    public var searchMatches: [SearchMatch] {
        files.flatMap { file in
            file.sections.map { section in
                SearchMatch(
                    file: file.file.displayPath, address: section.address, heading: section.heading,
                    hits: section.hits.map { SearchMatch.Hit(line: $0.line, page: nil, snippet: $0.snippet) })
            }
        }
    }

    public func json(query: String) -> String {
        SearchJSON.json(
            query: query, total: totalHits, matches: searchMatches,
            skipped: skipped.map { (file: $0.displayPath, reason: $0.reason) })
    }
}
