import ReportKit

/// A library search decided file by file in the listing's order, so that a result list can
/// show its first screen (the first files with hits, counted) as soon as those are known and
/// count the rest later, on demand or on another thread. Fully extended, `results` equals what
/// `LibrarySearch.run` gives for the same arguments.
///
/// Not thread-safe: one thread at a time (a worker may extend it, then hand it back).
public final class IncrementalLibrarySearch: @unchecked Sendable {
    /// The files decided so far: `results.files` are final for the first `filesDecided` files
    /// of the listing; `skipped`, `notices` and `filesFromIndex` likewise.
    public private(set) var results: LibrarySearchResults
    public private(set) var filesDecided = 0
    public var isComplete: Bool { filesDecided == listing.files.count }

    private let query: SearchQuery
    private let listing: LibraryFiles.Listing
    private let scope: String?
    private let indexOnly: Bool
    private var index: IndexedFileSearch?

    /// The arguments are those of `LibrarySearch.run`. Nothing is searched yet.
    public convenience init(
        _ query: SearchQuery, in listing: LibraryFiles.Listing, index: LibrarySearch.IndexChoice,
        scope: String? = nil, indexOnly: Bool = false
    ) {
        self.init(query, in: listing, index: index, scope: scope, indexOnly: indexOnly,
                  jumpLimit: IndexedFileSearch.defaultJumpLimit, cheapRowLimit: IndexedFileSearch.defaultCheapRowLimit)
    }

    /// - Parameter jumpLimit: see `IndexedFileSearch`; tests set it to 0 to restart the cursor
    ///   at every file.
    /// - Parameter cheapRowLimit: see `IndexedFileSearch`; tests make it small to go over to
    ///   the whole expression early.
    init(
        _ query: SearchQuery, in listing: LibraryFiles.Listing, index: LibrarySearch.IndexChoice,
        scope: String?, indexOnly: Bool, jumpLimit: Int64, cheapRowLimit: Int
    ) {
        self.query = query
        self.listing = listing
        self.scope = scope
        self.indexOnly = indexOnly
        results = LibrarySearchResults()
        results.skipped = listing.skipped
        results.filesSearched = listing.files.count
        if case .at(let path) = index, !query.isRegex, scope == nil, !query.isEmpty {
            do {
                self.index = try IndexedFileSearch(
                    store: IndexStore.openForReading(path: path), query: query, jumpLimit: jumpLimit,
                    cheapRowLimit: cheapRowLimit)
            } catch IndexStore.OpenFailure.absent {
            } catch IndexStore.OpenFailure.unusable(let reason) {
                results.notices.append("\(reason); searching without it (`report-browser index` rebuilds it)")
            } catch {
                results.notices.append("the index at \(path) failed (\(error)); searching without it")
            }
        }
    }

    /// Decides files until `count` of them have hits (the first screen's reports) or the
    /// listing ends. `shouldStop` is asked between files, for a caller that gives up.
    public func extend(toMatchingFiles count: Int, shouldStop: () -> Bool = { false }) {
        while filesDecided < listing.files.count, results.files.count < count, !shouldStop() {
            decideNext()
        }
        // Ends the read transaction, so that a long-lived result does not hold back the WAL.
        if isComplete { index?.close() }
    }

    /// Decides every remaining file.
    public func extendToEnd(shouldStop: () -> Bool = { false }) {
        extend(toMatchingFiles: .max, shouldStop: shouldStop)
    }

    private func decideNext() {
        let file = listing.files[filesDecided]
        filesDecided += 1
        if let index {
            do {
                switch try index.answer(for: file) {
                case .failure(let reason):
                    results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: reason))
                    results.filesFromIndex += 1
                    return
                case .sections(let sections):
                    results.filesFromIndex += 1
                    if !sections.isEmpty {
                        results.files.append(LibraryFileMatches(file: file, sections: sections, fromIndex: true))
                    }
                    return
                case .notCurrent:
                    break
                }
            } catch {
                // The rest is read from the files; what the index answered so far came from
                // one snapshot and stands.
                results.notices.append("the index failed (\(error)); searching the rest without it")
                index.close()
                self.index = nil
            }
        }
        if indexOnly { return }
        do {
            let sections = try LibrarySearch.scan(file: file, query: query, scope: scope)
            if !sections.isEmpty { results.files.append(LibraryFileMatches(file: file, sections: sections, fromIndex: false)) }
        } catch let error as LoadError {
            results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: error.reason))
        } catch {
            results.skipped.append(SkippedPath(displayPath: file.displayPath, reason: "\(error)"))
        }
    }
}
