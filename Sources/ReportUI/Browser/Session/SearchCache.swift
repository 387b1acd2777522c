import ReportKit

/// The search index and the results of recent queries, kept for the session by the run loop.
/// Like `DetailLineCache` it is a memo outside `BrowserState`: retyping a query while editing
/// it (Backspace, then the same character) finds the results already there, and a query typed
/// by adding characters to the last one narrows its hits down instead of scanning the whole
/// text again.
///
/// The index of a long report is built on another thread as soon as the browser has drawn its
/// first frame (`startIndexing`), since folding 100 MB takes a quarter of a second; a search
/// typed before it lands waits for it (`SearchAnswer.indexing`) without blocking the run loop.
/// A short report's index is built on the first search, as it costs less than a frame.
package final class SearchCache {
    /// Reports at least this long (UTF-8 bytes) have their index built in the background.
    package static let backgroundIndexingThreshold = 4 << 20

    private let report: Report
    private var index: SearchIndex?
    private var build: BackgroundIndexBuild?
    private let backgroundThreshold: Int
    private let buildIndex: @Sendable (Report) -> SearchIndex
    private var results: [SearchQuery: Result<SearchResults, SearchError>] = [:]
    private var filters: [SearchQuery: OutlineFilter] = [:]
    /// Oldest first, for eviction.
    private var order: [SearchQuery] = []
    private let capacity: Int
    /// The results handed out last, which the next query may refine.
    private var latest: SearchResults?

    /// - Parameters:
    ///   - backgroundThreshold: the text length from which `startIndexing` builds in the background.
    ///   - buildIndex: builds the index; tests slow it down.
    package init(
        report: Report, capacity: Int = 32, backgroundThreshold: Int = SearchCache.backgroundIndexingThreshold,
        buildIndex: @escaping @Sendable (Report) -> SearchIndex = { SearchIndex(report: $0) }
    ) {
        self.report = report
        self.capacity = max(1, capacity)
        self.backgroundThreshold = backgroundThreshold
        self.buildIndex = buildIndex
    }

    package var isIndexBuilt: Bool { index != nil }
    /// A background build has been started and its index not yet taken over.
    package var isIndexing: Bool { build != nil }
    /// Queries answered by the index rather than from the memo.
    package private(set) var searchesRun = 0

    /// Starts building the index on another thread when the report is long enough to be worth
    /// it and no index exists or is on its way.
    package func startIndexing() {
        guard index == nil, build == nil, report.text.utf8.count >= backgroundThreshold else { return }
        build = BackgroundIndexBuild(report: report, build: buildIndex)
    }

    /// True when a background build has finished and `adoptBuiltIndex` would take it over.
    /// Cheap and non-blocking, for the run loop to ask while it waits for input.
    package var hasBuiltIndexWaiting: Bool { build?.finished != nil }

    /// Takes over the index a background build has finished; false when there is none.
    package func adoptBuiltIndex() -> Bool {
        guard let build, let finished = build.finished else { return false }
        index = finished
        self.build = nil
        return true
    }

    /// Waits for a background build, if one is running, and takes over its index.
    package func waitForIndex() {
        guard let build else { return }
        index = build.wait()
        self.build = nil
    }

    /// The results of a query, or `.indexing` while the index is still being built in the
    /// background; nil for an empty query.
    package func answer(for query: SearchQuery) -> SearchAnswer? {
        guard !query.isEmpty else { return nil }
        if let known = results[query] {
            if case .success(let found) = known { latest = found }
            return .done(known)
        }
        if build != nil, !adoptBuiltIndex() { return .indexing }
        let searchIndex = index ?? buildIndex(report)
        index = searchIndex
        searchesRun += 1
        let outcome = Result { () throws(SearchError) -> SearchResults in
            try searchIndex.search(query, refining: latest)
        }
        if case .success(let found) = outcome { latest = found }
        remember(query)
        results[query] = outcome
        return .done(outcome)
    }

    /// The pruned tree for a query's results.
    package func filter(for results: SearchResults) -> OutlineFilter {
        if let known = filters[results.query] { return known }
        let filter = OutlineFilter(results: results)
        if self.results[results.query] != nil { filters[results.query] = filter }
        return filter
    }

    private func remember(_ query: SearchQuery) {
        if order.count >= capacity {
            let oldest = order.removeFirst()
            results[oldest] = nil
            filters[oldest] = nil
        }
        order.append(query)
    }
}

/// What the cache has for a query.
package enum SearchAnswer: Sendable {
    case done(Result<SearchResults, SearchError>)
    /// The index is still being built; ask again when it has landed.
    case indexing
}
