import ReportKit

/// One file's number of matching sections (the front matter, address `front`, counting as
/// one, as `search` lists it).
public struct LibraryFileCount: Sendable, Hashable {
    public let file: LibraryFile
    public let sections: Int
}

/// What `search --count` and `--files-with-matches` print.
public struct LibraryCountResults: Sendable {
    /// Files with at least one matching section, in the listing's order.
    public var files: [LibraryFileCount] = []
    /// Files that could not be read or searched, with the reason; never fatal.
    public var skipped: [SkippedPath] = []
    /// One-line remarks for stderr (an unusable index, say).
    public var notices: [String] = []
    public var filesFromIndex = 0
    /// Whether the index answered from its bigram postings alone, without reading a piece.
    public var fromPostings = false

    public var totalSections: Int { files.reduce(0) { $0 + $1.sections } }

    /// What the count was made from (the walk's listing, the index's records), held as long
    /// as the results are: freeing ten thousand records and paths is a tenth of a count's
    /// time, and a command that holds its results until it exits never pays it.
    var madeFrom: [any Sendable] = []
}

/// The number of matching sections per file, for the same query, files and index choice as
/// `LibrarySearch.run`, which lists those very sections: through the index where it holds a
/// file as it is now, by reading the file otherwise. A count needs no line or snippet, so the
/// index reads less than a search (`IndexedCount`).
public enum LibraryCount {
    /// - Parameter indexOnly: leave out the files the index cannot answer for instead of reading
    ///   them (the caller compares `filesFromIndex`).
    public static func run(
        _ query: SearchQuery, in listing: LibraryFiles.Listing, index: LibrarySearch.IndexChoice,
        scope: String? = nil, indexOnly: Bool = false
    ) -> LibraryCountResults {
        var notices: [String] = []
        let answer = LibrarySearch.answerFromIndex(index, query: query, scope: scope, notices: &notices) { store in
            try IndexedCount(store: store, query: query).run(for: listing.files)
        }
        return count(query, in: listing, answer: answer, notices: notices, scope: scope, indexOnly: indexOnly)
    }

    /// The same for the files under `paths`, listed while the index is read on another
    /// thread: the index's side needs no listing, and the walk (a stat per file) is most of a
    /// count's time.
    public static func run(
        _ query: SearchQuery, paths: [String], index: LibrarySearch.IndexChoice, scope: String? = nil
    ) -> LibraryCountResults {
        let ahead = CountReadAhead.take(for: index)
        let reading = Meanwhile { () -> (reading: IndexedCount.Reading?, notices: [String]) in
            var notices: [String] = []
            guard let ahead else {
                let reading = LibrarySearch.answerFromIndex(index, query: query, scope: scope, notices: &notices) { store in
                    try IndexedCount(store: store, query: query).read()
                }
                return (reading, notices)
            }
            // The same steps, the opening and the records already done.
            let opened = ahead.value
            let reading = LibrarySearch.answerFromIndex(
                index, query: query, scope: scope, notices: &notices, open: { _ throws(IndexStore.OpenFailure) in try opened.store.get() }
            ) { store in
                try IndexedCount(store: store, query: query).read(records: opened.records.get())
            }
            return (reading, notices)
        }
        let listing = LibraryFiles.list(paths)
        let read = reading.value
        let answer = read.reading.map { IndexedCount.answer($0, for: listing.files) }
        var results = count(query, in: listing, answer: answer, notices: read.notices, scope: scope, indexOnly: false)
        results.madeFrom = [listing, read.reading, answer]
        return results
    }

    private static func count(
        _ query: SearchQuery, in listing: LibraryFiles.Listing, answer: IndexedCount.Answer?, notices: [String],
        scope: String?, indexOnly: Bool
    ) -> LibraryCountResults {
        var results = LibraryCountResults()
        results.skipped = listing.skipped
        results.notices = notices
        results.fromPostings = answer?.fromPostings ?? false
        results.files.reserveCapacity(listing.files.count)
        for (position, file) in listing.files.enumerated() {
            if let failure = answer?.failures[position] {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: failure))
                results.filesFromIndex += 1
                continue
            }
            if let count = answer?.counts[position] ?? nil {
                results.filesFromIndex += 1
                if count > 0 { results.files.append(LibraryFileCount(file: file, sections: count)) }
                continue
            }
            if indexOnly { continue }
            do {
                let count = try LibrarySearch.scan(file: file, query: query, scope: scope).count
                if count > 0 { results.files.append(LibraryFileCount(file: file, sections: count)) }
            } catch let error as LoadError {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: error.reason))
            } catch {
                results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: "\(error)"))
            }
        }
        return results
    }
}
