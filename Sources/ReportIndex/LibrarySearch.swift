import ReportKit

/// Searches many reports, through the index where it holds a file as it is now and by reading
/// the file otherwise. Both ways give the same results: the index only proposes the pieces
/// (front matter, sections) that hold every bigram of every term, and the same matcher then
/// checks each of them (`PieceSearcher`, which finds in a piece what `SearchIndex` finds there).
public enum LibrarySearch {
    public enum IndexChoice: Sendable {
        /// Use the index at this path if it exists and is usable.
        case at(String)
        /// Read every file (`--no-index`).
        case none
    }

    /// - Parameter scope: an address limiting each report, as `--scope`; scoped and regular
    ///   expression searches read the files, since the index knows pieces, not subtrees.
    /// - Parameter indexOnly: leave out the files the index cannot answer for instead of reading
    ///   them (callers that have their own way of reading compare `filesFromIndex`).
    public static func run(
        _ query: SearchQuery, in listing: LibraryFiles.Listing, index: IndexChoice, scope: String? = nil,
        indexOnly: Bool = false
    ) -> LibrarySearchResults {
        var results = LibrarySearchResults()
        results.skipped = listing.skipped
        results.filesSearched = listing.files.count
        let answer = answerFromIndex(index, query: query, scope: scope, notices: &results.notices) { store in
            try IndexedSearch(store: store, query: query).run(for: listing.files)
        }
        let fromIndex = answer?.matches ?? [:]
        let failures = answer?.failures ?? [:]
        for (position, file) in listing.files.enumerated() {
            if let failure = failures[position] {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: failure))
                results.filesFromIndex += 1
                continue
            }
            if let sections = fromIndex[position] {
                results.filesFromIndex += 1
                if !sections.isEmpty { results.files.append(LibraryFileMatches(file: file, sections: sections, fromIndex: true)) }
                continue
            }
            if indexOnly { continue }
            do {
                let sections = try scan(file: file, query: query, scope: scope)
                if !sections.isEmpty { results.files.append(LibraryFileMatches(file: file, sections: sections, fromIndex: false)) }
            } catch let error as LoadError {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: error.reason))
            } catch {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: "\(error)"))
            }
        }
        return results
    }

    /// What `body` makes of the index, when there is one to use for the query: none for a
    /// regular expression or a scope (the index knows pieces, not subtrees), nor when the index
    /// is absent; unusable or failing, it is left aside with a notice and the files are read.
    static func answerFromIndex<Answer>(
        _ index: IndexChoice, query: SearchQuery, scope: String?, notices: inout [String],
        open: (String) throws(IndexStore.OpenFailure) -> IndexStore = { path throws(IndexStore.OpenFailure) in try IndexStore.openForReading(path: path) },
        _ body: (IndexStore) throws -> Answer
    ) -> Answer? {
        guard case .at(let path) = index, !query.isRegex, scope == nil, !query.isEmpty else { return nil }
        do {
            return try body(open(path))
        } catch IndexStore.OpenFailure.absent {
        } catch IndexStore.OpenFailure.unusable(let reason) {
            notices.append("\(reason); searching without it (`report-browser index` rebuilds it)")
        } catch {
            notices.append("the index at \(path) failed (\(error)); searching without it")
        }
        return nil
    }

    /// Reads and searches one file without the index.
    static func scan(file: LibraryFile, query: SearchQuery, scope: String?) throws -> [LibrarySectionMatch] {
        let report = try ReportOpening.open(path: file.absolutePath)
        var query = query
        if let scope {
            let resolution = report.resolve(scope)
            guard case .found(let section) = resolution else {
                throw ScopeError(reason: "--scope: " + (report.describeFailure(of: scope, resolution) ?? "not found"))
            }
            query.scope = section
        }
        return try scan(report, query: query)
    }

    /// The index-free search of one parsed report, in the shape the indexed one gives.
    public static func scan(_ report: Report, query: SearchQuery) throws(SearchError) -> [LibrarySectionMatch] {
        let results = try SearchIndex(report: report).search(query)
        guard !results.sections.isEmpty else { return [] }
        // Hits keep only their piece's text for their snippets, as the index's do, not the
        // whole report and its tree: a scan of a large library would otherwise hold every
        // report with a hit until the results are dropped.
        let pieces = report.searchPieces
        var whole: SnippetSource?
        return results.sections.map { match in
            let label = PieceLabel(report: report, section: match.section)
            let piece = pieces[match.section.map { $0 + 1 } ?? 0].range
            let source = PieceText(text: String(report.slice(piece)), firstLine: 0).source
            let hits = match.hitIndices.map { position in
                let hit = results.hits[position]
                guard piece.contains(hit.range.lowerBound), hit.range.upperBound <= piece.upperBound else {
                    if whole == nil { whole = SnippetSource(report) }
                    return LibraryHit(line: hit.line, range: hit.range, in: whole!)
                }
                let shifted = (hit.range.lowerBound - piece.lowerBound)..<(hit.range.upperBound - piece.lowerBound)
                return LibraryHit(line: hit.line, range: shifted, in: source)
            }
            return LibrarySectionMatch(address: label.address, heading: label.heading, hits: hits)
        }
    }
}

struct ScopeError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
